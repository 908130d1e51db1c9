/**
 * An amount of đồng in Vietnamese words, for the invoice's "amount in words" (TgTTTBChu):
 * 125000 → "Một trăm hai mươi lăm nghìn đồng". The conventions, as on published invoice samples
 * (docs/INVOICES.md): "nghìn" (not the southern "ngàn"), "linh" for a zero ten (not "lẻ"),
 * "mốt" for a one after twenty and up, "lăm" for a five after ten and up, "tư" never (bốn), and
 * "tỷ" for 10^9. A group of three after a higher one reads its zero hundreds ("không trăm").
 */
import { EInvoiceError } from './einvoice-error';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Names of the groups of three within one tỷ, lowest first. */
const GROUPS = ['', 'nghìn', 'triệu'] as const;

const digit = (value: number): string => DIGITS[value] ?? '';

/** Words for 1-999; `full` reads zero hundreds and a zero ten as in "không trăm linh năm". */
function threeDigits(value: number, full: boolean): string[] {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor(value / 10) % 10;
  const units = value % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digit(tens), 'mươi');
  }
  if (units === 0) return words;
  if (units === 5 && tens > 0) words.push('lăm');
  else if (units === 1 && tens > 1) words.push('mốt');
  else words.push(digit(units));
  return words;
}

/** Words for 1 to 999,999,999; `full` when a higher part has already been read. */
function belowBillion(value: number, full: boolean): string[] {
  const groups = [value % 1000, Math.floor(value / 1000) % 1000, Math.floor(value / 1_000_000)];
  const words: string[] = [];
  let started = full;
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) continue;
    words.push(...threeDigits(group, started));
    const name = GROUPS[index];
    if (name) words.push(name);
    started = true;
  }
  return words;
}

/** Words for a positive whole number, tỷ by tỷ ("một nghìn tỷ" for 10^12). */
function numberWords(value: number, full: boolean): string[] {
  const billions = Math.floor(value / 1_000_000_000);
  const rest = value % 1_000_000_000;
  const words: string[] = [];
  if (billions > 0) words.push(...numberWords(billions, full), 'tỷ');
  if (rest > 0) words.push(...belowBillion(rest, full || billions > 0));
  return words;
}

/** The amount in words with "đồng", first letter capital: 0 → "Không đồng". */
export function vietnameseDongWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new EInvoiceError(
      'invalid-amount',
      `Amount ${amount} cannot be written in words; give a whole, non-negative number of đồng.`,
    );
  }
  const words = amount === 0 ? ['không'] : numberWords(amount, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A signed amount in words: a decrease (an adjusting invoice's total) reads "Âm" first, as on
 * published adjusting invoices: -33,000 → "Âm ba mươi ba nghìn đồng".
 */
export function signedDongWords(amount: number): string {
  if (amount >= 0) return vietnameseDongWords(amount);
  const words = vietnameseDongWords(-amount);
  return `Âm ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
