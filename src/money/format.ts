/**
 * Money to text, only at the edges (UI, receipts). Uses Intl so vi-VN gets "1.234.567 ₫" and
 * en-US "$1,234.56". Formatters are cached: the cart re-renders on every scan.
 */
import { currency } from './currency';
import type { CurrencyCode } from './currency';
import type { Minor } from './money';

export type Locale = 'vi-VN' | 'en-US';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, code: CurrencyCode, withSymbol: boolean): Intl.NumberFormat {
  const key = `${locale}|${code}|${withSymbol}`;
  let cached = formatters.get(key);
  if (!cached) {
    const digits = currency(code).minorDigits;
    cached = new Intl.NumberFormat(locale, {
      ...(withSymbol ? { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** Normalises Intl's non-breaking spaces to plain spaces, so receipts and tests see one form. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

export function formatMoney(amount: Minor, code: CurrencyCode, locale: Locale): string {
  const major = amount / 10 ** currency(code).minorDigits;
  return plainSpaces(formatter(locale, code, true).format(major));
}

/** The number alone, grouped for the locale, without the currency symbol (receipt columns). */
export function formatAmount(amount: Minor, code: CurrencyCode, locale: Locale): string {
  const major = amount / 10 ** currency(code).minorDigits;
  return plainSpaces(formatter(locale, code, false).format(major));
}
