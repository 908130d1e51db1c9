/**
 * Formatting and parsing at the manager screens' edges: money typed by a person becomes Minor
 * through src/money (never a float), times are shown on the store's clock.
 */
import { currency, formatMoney, parseMajor } from '../../src/money';
import type { CurrencyCode, Locale, Minor } from '../../src/money';
import { timeOrderedId } from '../../src/ids';

/**
 * "500.000", "500 000" and "500000" are all five hundred thousand đồng: VND has no minor unit,
 * so separators are grouping. For currencies with decimals only the point is a decimal point.
 * Null when the text is no amount.
 */
export function parseAmount(text: string, code: CurrencyCode): Minor | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const plain =
    currency(code).minorDigits === 0
      ? trimmed.replace(/[.,\s]/g, '')
      : trimmed.replace(/[,\s]/g, '');
  try {
    return parseMajor(plain, code);
  } catch {
    return null;
  }
}

export function money(amount: number, code: CurrencyCode, locale: Locale): string {
  return formatMoney(amount as Minor, code, locale);
}

export function signedMoney(amount: number, code: CurrencyCode, locale: Locale): string {
  return amount > 0 ? `+${money(amount, code, locale)}` : money(amount, code, locale);
}

export const STORE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function dateTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale, { timeZone: STORE_TIME_ZONE, hour12: false });
}

export function newId(prefix: string): string {
  return timeOrderedId(prefix, Date.now(), (length) =>
    crypto.getRandomValues(new Uint8Array(length)),
  );
}

/** Whole, positive quantities typed by a person (units or grams). */
export function parseQuantity(text: string): number | null {
  const value = Number(text.trim());
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
