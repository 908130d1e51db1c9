/**
 * Stock quantities as people read and type them. Moves, levels and thresholds count in the
 * product's measure (StockMoveDoc): pieces, or grams for a weighed product; people see and type
 * a weighed product in kilograms ("0,75 kg"), and pieces as whole numbers. One place for this,
 * used by the stock screens, the kiosk and the receipts.
 */
import type { Locale } from '../money';

export type StockMeasure = 'unit' | 'weight';

/** Grams in one kilogram: the unit a weighed product is counted, priced and typed in. */
export const GRAMS_PER_KILOGRAM = 1000;

/**
 * Grams as kilograms in the locale's decimal sign: 512 g is "0,512 kg" (vi-VN) or "0.512 kg"
 * (en-US). `fixed` keeps three decimals (a scale's reading, as on a receipt); `trim` drops
 * trailing zeros (5000 g is "5 kg", 750 g "0,75 kg"), for stock figures.
 */
export function formatKilograms(
  grams: number,
  locale: Locale,
  decimals: 'fixed' | 'trim' = 'fixed',
): string {
  return `${kilogramsNumber(grams, locale, decimals)} kg`;
}

function kilogramsNumber(grams: number, locale: Locale, decimals: 'fixed' | 'trim'): string {
  const sign = grams < 0 ? '-' : '';
  const magnitude = Math.abs(Math.round(grams));
  const whole = Math.floor(magnitude / GRAMS_PER_KILOGRAM);
  let fraction = String(magnitude % GRAMS_PER_KILOGRAM).padStart(3, '0');
  if (decimals === 'trim') fraction = fraction.replace(/0+$/, '');
  const point = locale === 'vi-VN' ? ',' : '.';
  return `${sign}${whole}${fraction ? `${point}${fraction}` : ''}`;
}

/** A stock quantity in its measure as shown: pieces as they are, grams as kilograms ("0,75 kg"). */
export function formatStockQuantity(
  quantity: number,
  measure: StockMeasure,
  locale: Locale,
): string {
  return measure === 'weight' ? formatKilograms(quantity, locale, 'trim') : String(quantity);
}

/**
 * The number alone, as a person types it back (parseStockQuantity): "12", or "2,5" for 2500 g
 * of a weighed product.
 */
export function stockQuantityText(quantity: number, measure: StockMeasure, locale: Locale): string {
  return measure === 'weight' ? kilogramsNumber(quantity, locale, 'trim') : String(quantity);
}

/** How many of the measure make one of what people count in: 1 piece, or 1,000 g for a kilogram. */
export function measureUnit(measure: StockMeasure): number {
  return measure === 'weight' ? GRAMS_PER_KILOGRAM : 1;
}

/**
 * A whole number of pieces, or kilograms with up to three decimals ("2,5" or "2.5" is 2500 g),
 * typed by a person, in the measure's own count; null when it is not one (empty, negative,
 * letters, more decimals than grams).
 */
export function parseStockQuantity(text: string, measure: StockMeasure): number | null {
  const trimmed = text.trim();
  if (measure === 'unit') return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
  const match = /^(\d{1,6})(?:[.,](\d{1,3}))?$/.exec(trimmed);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  return Number(match[1]) * GRAMS_PER_KILOGRAM + Number(fraction);
}
