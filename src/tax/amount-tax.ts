/**
 * The tax inside (VAT-inclusive) or on top of (VAT-exclusive) one amount. Rates are basis points
 * and the division is exact integer math rounded with the store's named mode, so every register
 * and the sync-server get the same đồng or cent.
 */
import { minor, mulDiv } from '../money';
import type { Minor, RoundingMode } from '../money';

const BASIS_POINTS = 10_000;

/** One amount split into what is taxed, the tax, and what the customer pays. */
export interface TaxSplit {
  /** The amount before tax. */
  taxable: Minor;
  tax: Minor;
  /** The amount including tax (what the customer pays for it). */
  total: Minor;
}

/** `amount` is in the store's pricing mode: tax-inclusive when `pricesIncludeTax`. */
export function taxOfAmount(
  amount: Minor,
  rateBp: number,
  pricesIncludeTax: boolean,
  mode: RoundingMode,
): TaxSplit {
  if (pricesIncludeTax) {
    const tax = mulDiv(amount, rateBp, BASIS_POINTS + rateBp, mode);
    return { taxable: minor(amount - tax), tax, total: amount };
  }
  const tax = mulDiv(amount, rateBp, BASIS_POINTS, mode);
  return { taxable: amount, tax, total: minor(amount + tax) };
}

/**
 * Splits a tax total already rounded for a document back into taxable and total, given the
 * amount in pricing mode. Used when tax is rounded once per rate rather than per line.
 */
export function splitWithTax(amount: Minor, tax: Minor, pricesIncludeTax: boolean): TaxSplit {
  return pricesIncludeTax
    ? { taxable: minor(amount - tax), tax, total: amount }
    : { taxable: amount, tax, total: minor(amount + tax) };
}
