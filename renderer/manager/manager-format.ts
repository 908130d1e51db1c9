/**
 * Formatting and parsing at the manager screens' edges: money typed by a person becomes Minor
 * through src/money (never a float), times are shown on the store's clock.
 */
import { formatMoney, parseTypedAmount } from '../../src/money';
import type { CurrencyCode, Locale, Minor } from '../../src/money';
import { timeOrderedId } from '../../src/ids';
import { storeTimeZone } from '../../src/store-clock';
import { useAppStore } from '../state/app-store';

/** Money typed by a manager, read by src/money's one parse (see parse-amount.ts); null when refused. */
export function parseAmount(text: string, code: CurrencyCode): Minor | null {
  const parsed = parseTypedAmount(text, code);
  return parsed.ok ? parsed.amount : null;
}

export function money(amount: number, code: CurrencyCode, locale: Locale): string {
  return formatMoney(amount as Minor, code, locale);
}

export function signedMoney(amount: number, code: CurrencyCode, locale: Locale): string {
  return amount > 0 ? `+${money(amount, code, locale)}` : money(amount, code, locale);
}

/** A time as the store's clock shows it (its time zone setting, src/store-clock). */
export function dateTime(iso: string, locale: Locale): string {
  const timeZone = storeTimeZone(useAppStore.getState().settings);
  return new Date(iso).toLocaleString(locale, { timeZone, hour12: false });
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
