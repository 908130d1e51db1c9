/**
 * The counts typed into a denomination grid, as text per note value, and what they come to.
 * An empty field is none of that note; anything but a whole number makes the count invalid.
 */
import { denominationsTotal } from '../../../src/shifts';
import type { DenominationCount } from '../../../src/documents';
import type { CurrencyCode, Minor } from '../../../src/money';
import { parseAmount } from '../manager-format';

/** Text typed per note value (the value in minor units, as the key). */
export type DenominationTexts = Readonly<Record<number, string>>;

const MAX_COUNT = 1_000_000;

/** The number of notes in one field: 0 when empty, null when it is no count. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const count = Number(trimmed);
  return count <= MAX_COUNT ? count : null;
}

/** The notes counted (those with a count above zero), or null when a field is no count. */
export function countedDenominations(
  values: readonly Minor[],
  texts: DenominationTexts,
): DenominationCount[] | null {
  const counted: DenominationCount[] = [];
  for (const value of values) {
    const count = parseCount(texts[value] ?? '');
    if (count === null) return null;
    if (count > 0) counted.push({ value, count });
  }
  return counted;
}

/** The running total of the grid, or null while a field is no count. */
export function denominationTextsTotal(
  values: readonly Minor[],
  texts: DenominationTexts,
): Minor | null {
  const counted = countedDenominations(values, texts);
  return counted === null ? null : denominationsTotal(counted);
}

/** One more or one fewer of a note (never below zero); an unreadable field starts again at 0. */
export function stepCount(texts: DenominationTexts, value: Minor, step: 1 | -1): DenominationTexts {
  const count = parseCount(texts[value] ?? '') ?? 0;
  const next = Math.min(MAX_COUNT, Math.max(0, count + step));
  return { ...texts, [value]: next === 0 ? '' : String(next) };
}

/** What was typed for one cash count: a total, or notes counted (which then make the total). */
export interface CashCountEntry {
  totalText: string;
  notes: DenominationTexts;
}

export const EMPTY_CASH_COUNT: CashCountEntry = { totalText: '', notes: {} };

export type CashCount =
  | { ok: true; total: Minor; denominations?: DenominationCount[] }
  | { ok: false; problem: 'bad-amount' | 'bad-count' };

export function hasNoteCounts(texts: DenominationTexts): boolean {
  return Object.values(texts).some((text) => text.trim() !== '');
}

/**
 * The count an entry makes: by notes when any note was counted (the currency has a grid),
 * otherwise the typed total.
 */
export function resolveCashCount(
  entry: CashCountEntry,
  code: CurrencyCode,
  values: readonly Minor[] | undefined,
): CashCount {
  if (values && hasNoteCounts(entry.notes)) {
    const denominations = countedDenominations(values, entry.notes);
    if (denominations === null) return { ok: false, problem: 'bad-count' };
    return { ok: true, total: denominationsTotal(denominations), denominations };
  }
  const total = parseAmount(entry.totalText, code);
  if (total === null || total < 0) return { ok: false, problem: 'bad-amount' };
  return { ok: true, total };
}
