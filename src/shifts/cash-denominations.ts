/**
 * The notes (and coins) a drawer is counted in, largest first, in minor units. Only currencies
 * whose cash a store here handles are listed; for the others the count is a total.
 */
import { minor } from '../money';
import type { CurrencyCode, Minor } from '../money';

const notes = (...values: number[]): readonly Minor[] => values.map((value) => minor(value));

const CASH_DENOMINATIONS: Partial<Record<CurrencyCode, readonly Minor[]>> = {
  // The notes in circulation; đồng coins (200 … 5,000) are no longer handed out in change.
  VND: notes(500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000),
};

/** The currency's notes and coins to count by, or undefined when it is counted by total. */
export function cashDenominations(code: CurrencyCode): readonly Minor[] | undefined {
  return CASH_DENOMINATIONS[code];
}
