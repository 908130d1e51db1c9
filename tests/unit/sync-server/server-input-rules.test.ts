/**
 * What the sync-server accepts at its door is what the register can use: catalog prices are read
 * by the same parse as a typed amount at the till, and a promotion the server accepts is one
 * src/pricing prices (they share promotionProblem).
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { priceCart, PricingError, promotionProblem } from '../../../src/pricing';
import type { Promotion } from '../../../src/pricing';
import { buildCatalog } from '../../../sync-server/services/catalog-import';
import { parsePromotions } from '../../../sync-server/services/promotion-input';
import { pricingContext, unitLine } from '../src/pricing-fixtures';

const NOW = '2026-12-03T00:00:00.000Z';
const row = (price: string, currency = 'VND') => ({
  sku: 'SKU1',
  name_vi: 'Cà phê',
  price,
  currency,
});

describe('a catalog price as the file writes it', () => {
  it.each([
    ['25000', 'VND', 25_000],
    ['25.000', 'VND', 25_000],
    ['25 000', 'VND', 25_000],
    ['12.50', 'USD', 1_250],
  ])('%s %s is %i minor units', (price, currency, expected) => {
    const { products, rejected } = buildCatalog([row(price, currency)], NOW);
    expect(rejected).toEqual([]);
    expect(products[0]?.unitPrice).toBe(expected);
  });

  it.each([
    ['', 'missing price'],
    ['25.5', 'price "25.5" has more decimals than the currency allows (VND)'],
    ['abc', 'price "abc" is not a price: write it in digits, e.g. 25000 or 12.50 (VND)'],
    ['-5000', 'price "-5000" is negative: a price is 0 or more (VND)'],
  ])('%j is refused: %s', (price, reason) => {
    expect(buildCatalog([row(price)], NOW).rejected).toEqual([{ row: 1, sku: 'SKU1', reason }]);
  });
});

describe('a promotion accepted at the door is one the register can price', () => {
  const label = { vi: 'KM', en: 'Promo' };
  const threeForTwo: Promotion = {
    id: 'p1',
    kind: 'buy-x-get-y',
    label,
    target: {},
    buyQuantity: 2,
    getQuantity: 1,
    getPercentBp: 10_000,
  };
  const price = (promotion: Promotion) =>
    priceCart({ lines: [unitLine('a', 10_000, 3)] }, pricingContext({ promotions: [promotion] }));

  it('a valid one passes both', () => {
    expect(parsePromotions([threeForTwo])).toEqual([threeForTwo]);
    expect(price(threeForTwo).totals.total).toBe(minor(20_000));
  });

  it('an incomplete one is refused by both, in the same words', () => {
    const broken = { ...threeForTwo, getPercentBp: 0 };
    const problem = promotionProblem(broken);
    expect(problem).toMatch(/getPercentBp/);
    expect(() => parsePromotions([broken])).toThrow(problem!);
    expect(() => price(broken)).toThrow(PricingError);
    expect(() => price(broken)).toThrow(problem!);
  });
});
