/**
 * What a line costs at a price per piece or per kilogram: the one rule the register's cart, its
 * promotions and the web-order intake share, so a weighed line in grams is never priced as
 * thousands of pieces.
 */
import { minor, mulDiv } from '../money';
import type { Minor, RoundingMode } from '../money';
import type { CartLineInput } from '../documents/parts/cart';

const GRAMS_PER_KG = 1000;

/**
 * `price` per piece times the pieces, or per kilogram times the grams / 1000 rounded with the
 * store's mode. `count` is pieces on a `unit` line and grams on a `weight` line.
 */
export function lineAmount(
  price: Minor,
  pricing: CartLineInput['pricing'],
  count: number,
  mode: RoundingMode,
): Minor {
  return pricing === 'weight' ? mulDiv(price, count, GRAMS_PER_KG, mode) : minor(price * count);
}

/** Pieces on a unit line, grams on a weighed one: what `lineAmount` multiplies a price by. */
export function countOf(line: Pick<CartLineInput, 'pricing' | 'quantity' | 'grams'>): number {
  return line.pricing === 'weight' ? (line.grams ?? 0) : line.quantity;
}
