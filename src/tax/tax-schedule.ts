/**
 * The rate of a tax category at an instant. A category's rate changes on the store's calendar
 * days (the 8 % reduced rate of Decree 174/2025/NĐ-CP ends with 31 December 2026; from 1 January
 * 2027 those goods are at 10 %), so the register, offline or not, and the server re-deriving the
 * sale read the same rate for the same instant. docs/TAX.md.
 */
import type { TaxKind, TaxRate, TaxSettings } from '../documents/store-settings';
import { businessDate } from '../store-clock';
import { TaxError } from './tax-error';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const validRate = (rateBp: number): boolean =>
  Number.isSafeInteger(rateBp) && rateBp >= 0 && rateBp <= 10_000;

/** A category's kind; absent is a plain rate (every category before settings version 4). */
export function taxKindOf(category: Pick<TaxRate, 'kind'>): TaxKind {
  return category.kind ?? 'rate';
}

/** What is wrong with a category's schedule, for the settings screen and for pricing. */
export function taxCategoryProblems(category: TaxRate): string[] {
  const problems: string[] = [];
  const rates = [category.rateBp, ...(category.changes ?? []).map((change) => change.rateBp)];
  if (rates.some((rateBp) => !validRate(rateBp))) {
    problems.push(
      `Tax category "${category.id}" has a rate outside 0–10000 bp; enter a whole number of basis points (10 % = 1000).`,
    );
  }
  if (taxKindOf(category) !== 'rate' && rates.some((rateBp) => rateBp !== 0)) {
    problems.push(
      `Tax category "${category.id}" is ${taxKindOf(category)}, which carries no VAT; set its rate to 0 and remove its changes.`,
    );
  }
  let previous = '';
  for (const change of category.changes ?? []) {
    if (!DAY.test(change.from) || Number.isNaN(Date.parse(`${change.from}T00:00:00Z`))) {
      problems.push(
        `Tax category "${category.id}" has a change dated "${change.from}"; write the day as yyyy-mm-dd.`,
      );
    } else if (change.from <= previous) {
      problems.push(
        `Tax category "${category.id}" changes on ${change.from} after ${previous}; list its changes by day, one per day.`,
      );
    }
    previous = change.from;
  }
  return problems;
}

/**
 * The category's rate in bp at `at` (an ISO 8601 instant) on the store's calendar in `timeZone`:
 * the last change whose day has begun there, else its base rate. A change takes effect at 00:00
 * of its day in the store's zone, not in the till's or the server's.
 */
export function taxRateAt(category: TaxRate, at: string, timeZone: string): number {
  const problems = taxCategoryProblems(category);
  if (problems.length > 0) throw new TaxError('invalid-tax-rate', problems.join(' '));
  const changes = category.changes ?? [];
  if (changes.length === 0) return category.rateBp;
  const day = businessDate(at, timeZone);
  let rateBp = category.rateBp;
  for (const change of changes) {
    if (change.from <= day) rateBp = change.rateBp;
  }
  return rateBp;
}

/**
 * The tax settings as they stand at `at`: every category at its rate then, with no changes left
 * to read, so the document tax (computeDocumentTax) and the priced cart see one fixed rate each.
 */
export function taxSettingsAt(tax: TaxSettings, at: string, timeZone: string): TaxSettings {
  return {
    ...tax,
    rates: tax.rates.map((category) => {
      const { changes: _changes, ...fixed } = category;
      return { ...fixed, rateBp: taxRateAt(category, at, timeZone) };
    }),
  };
}
