/**
 * Tax for a whole document: per line (each line rounded, the breakdown sums the lines) or per
 * document (each rate rounded once on the sum of its lines, then spread back over the lines with
 * the allocator so line taxes still add up exactly to the rate's tax).
 */
import { allocate, minor, sum } from '../money';
import type { Minor } from '../money';
import type { TaxBreakdownEntry } from '../documents/parts/cart';
import type { TaxRate, TaxSettings } from '../documents/store-settings';
import { splitWithTax, taxOfAmount } from './amount-tax';
import type { TaxSplit } from './amount-tax';
import { TaxError } from './tax-error';
import { taxCategoryProblems } from './tax-schedule';

export interface TaxableLine {
  /** The line's amount after every discount, in the store's pricing mode. */
  amount: Minor;
  taxRateId: string;
}

export interface DocumentTax {
  /** One split per input line, in input order. */
  lines: TaxSplit[];
  /** One entry per rate used, ordered by rate then id so the order never depends on the cart. */
  breakdown: TaxBreakdownEntry[];
}

export function findTaxRate(rates: readonly TaxRate[], taxRateId: string): TaxRate {
  const rate = rates.find((candidate) => candidate.id === taxRateId);
  if (!rate) {
    throw new TaxError(
      'unknown-tax-rate',
      `Tax rate "${taxRateId}" is not in the store settings. Add it to the settings or fix the product's taxRateId.`,
    );
  }
  if (rate.changes?.length) {
    // A scheduled rate read without its instant would tax at the base rate forever.
    throw new TaxError(
      'unresolved-tax-schedule',
      `Tax rate "${taxRateId}" changes on dates; price with pricingContextFromSettings (or taxSettingsAt) so it is read at the sale's time.`,
    );
  }
  const problems = taxCategoryProblems(rate);
  if (problems.length > 0) throw new TaxError('invalid-tax-rate', problems.join(' '));
  return rate;
}

export function computeDocumentTax(
  lines: readonly TaxableLine[],
  settings: TaxSettings,
): DocumentTax {
  const byRate = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (line.amount < 0) {
      throw new TaxError(
        'negative-taxable-amount',
        `A line amount of ${line.amount} is negative; discounts must not exceed the line's price.`,
      );
    }
    findTaxRate(settings.rates, line.taxRateId);
    const indexes = byRate.get(line.taxRateId) ?? [];
    indexes.push(index);
    byRate.set(line.taxRateId, indexes);
  });

  const splits: TaxSplit[] = lines.map((line) =>
    settings.rounding === 'line'
      ? taxOfAmount(
          line.amount,
          findTaxRate(settings.rates, line.taxRateId).rateBp,
          settings.pricesIncludeTax,
          settings.roundingMode,
        )
      : splitWithTax(line.amount, minor(0), settings.pricesIncludeTax),
  );

  const breakdown: TaxBreakdownEntry[] = [];
  for (const [taxRateId, indexes] of byRate) {
    const rate = findTaxRate(settings.rates, taxRateId);
    const amounts = indexes.map((index) => lines[index]?.amount ?? minor(0));
    if (settings.rounding === 'document') {
      const rateTax = taxOfAmount(
        sum(amounts),
        rate.rateBp,
        settings.pricesIncludeTax,
        settings.roundingMode,
      ).tax;
      const shares = allocate(rateTax, amounts);
      indexes.forEach((lineIndex, position) => {
        splits[lineIndex] = splitWithTax(
          amounts[position] ?? minor(0),
          shares[position] ?? minor(0),
          settings.pricesIncludeTax,
        );
      });
    }
    const rateSplits = indexes.map((index) => splits[index] as TaxSplit);
    breakdown.push({
      taxRateId,
      rateBp: rate.rateBp,
      taxable: sum(rateSplits.map((split) => split.taxable)),
      tax: sum(rateSplits.map((split) => split.tax)),
      total: sum(rateSplits.map((split) => split.total)),
    });
  }
  breakdown.sort((a, b) =>
    a.rateBp === b.rateBp ? compareText(a.taxRateId, b.taxRateId) : a.rateBp - b.rateBp,
  );
  return { lines: splits, breakdown };
}

/** Code-unit order, the same on every machine (localeCompare depends on the ICU build). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
