/**
 * A store's low-stock thresholds, kept in its settings document (written by the server, set by
 * a manager through POST /api/v1/store-settings) so every register of the store warns alike.
 */
import { MAX_STOCK_THRESHOLDS, MAX_THRESHOLD } from '../documents/parts/stock-settings';
import type { StockSettings } from '../documents/parts/stock-settings';
import type { StockThreshold } from './low-stock';
import { measureUnit } from './stock-quantity';
import type { StockMeasure } from './stock-quantity';

/** Used while a store has not set its own default. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/**
 * The thresholds `lowStock` needs for the given SKUs: each SKU's own (kept in the product's
 * measure: pieces, or grams), else the default, which counts what people count: pieces, or
 * kilograms of a weighed product (`measureOf`; a default of 5 is 5 kg of mangoes, not 5 g).
 */
export function thresholdsFor(
  settings: StockSettings | undefined,
  skus: Iterable<string>,
  measureOf: (sku: string) => StockMeasure = () => 'unit',
): StockThreshold[] {
  const own = new Map(settings?.thresholds.map((entry) => [entry.sku, entry.minimum]));
  const fallback = settings?.defaultThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
  const all = new Set([...skus, ...own.keys()]);
  return [...all].map((sku) => {
    const unit = measureUnit(measureOf(sku));
    return { sku, minimum: own.get(sku) ?? fallback * unit, unit };
  });
}

/** A change asked for: a new default, and SKUs to set (a number) or to clear (null). */
export interface StockSettingsChange {
  defaultThreshold?: number;
  thresholds?: Record<string, number | null>;
}

export class StockSettingsError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'StockSettingsError';
  }
}

const isThreshold = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_THRESHOLD;

/** Applies a change to the current settings; throws StockSettingsError naming the bad field. */
export function applyStockSettingsChange(
  current: StockSettings | undefined,
  change: StockSettingsChange,
): StockSettings {
  const next = new Map(current?.thresholds.map((entry) => [entry.sku, entry.minimum]));
  let defaultThreshold = current?.defaultThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
  if (change.defaultThreshold !== undefined) {
    if (!isThreshold(change.defaultThreshold)) {
      throw new StockSettingsError(
        `stock.defaultThreshold must be a whole number from 0 to ${MAX_THRESHOLD}.`,
        'stock.defaultThreshold',
      );
    }
    defaultThreshold = change.defaultThreshold;
  }
  for (const [sku, minimum] of Object.entries(change.thresholds ?? {})) {
    const field = `stock.thresholds.${sku}`;
    if (!sku || sku.length > 64) {
      throw new StockSettingsError('A SKU must be 1 to 64 characters.', field);
    }
    if (minimum === null) {
      next.delete(sku);
    } else if (isThreshold(minimum)) {
      next.set(sku, minimum);
    } else {
      throw new StockSettingsError(
        `${field} must be a whole number from 0 to ${MAX_THRESHOLD}, or null to use the default.`,
        field,
      );
    }
  }
  if (next.size > MAX_STOCK_THRESHOLDS) {
    throw new StockSettingsError(
      `At most ${MAX_STOCK_THRESHOLDS} SKUs may have their own threshold; clear some first.`,
      'stock.thresholds',
    );
  }
  const thresholds = [...next]
    .map(([sku, minimum]) => ({ sku, minimum }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { defaultThreshold, thresholds };
}
