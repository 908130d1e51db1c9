/** Which catalog version a pushed line was rung up from (sync-server/history/price-history.ts). */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import type { CartLineInput } from '../../../src/pricing';
import { matchLineToPrices, priceVersionId } from '../../../sync-server/history/price-history';
import type { PriceVersion } from '../../../sync-server/history/price-history';

const version = (rev: string, unitPrice: number, inForceFrom: string): PriceVersion => ({
  id: priceVersionId('prod_SKU000005', rev),
  productId: 'prod_SKU000005',
  productRev: rev,
  inForceFrom,
  sku: 'SKU000005',
  pricing: 'weight',
  unitPrice: minor(unitPrice),
  categoryId: 'produce',
  taxRateId: 'vat0',
});

const VERSIONS = [
  version('1-a', 65_000, '2026-06-01T00:00:00.000Z'),
  version('2-b', 70_000, '2026-06-10T00:00:00.000Z'),
];

const mango = (unitPrice: number): CartLineInput => ({
  lineId: 'l1',
  productId: 'prod_SKU000005',
  sku: 'SKU000005',
  name: 'Xoài',
  categoryId: 'produce',
  pricing: 'weight',
  unitPrice: minor(unitPrice),
  quantity: 1,
  grams: 750,
  taxRateId: 'vat0',
});

describe('a line against the price history', () => {
  it('matches the per-kg price in force when the sale completed', () => {
    expect(matchLineToPrices(mango(65_000), VERSIONS, '2026-06-05T00:00:00.000Z')).toMatchObject({
      kind: 'in-force',
      version: { productRev: '1-a' },
    });
    expect(matchLineToPrices(mango(70_000), VERSIONS, '2026-06-11T00:00:00.000Z')).toMatchObject({
      kind: 'in-force',
      version: { productRev: '2-b' },
    });
  });

  it('lets the oldest version stand for the time before the history began', () => {
    expect(matchLineToPrices(mango(65_000), VERSIONS, '2026-01-01T00:00:00.000Z')?.kind).toBe(
      'in-force',
    );
  });

  it('finds a replaced price (the register was behind), and none for a price never held', () => {
    expect(matchLineToPrices(mango(65_000), VERSIONS, '2026-06-11T00:00:00.000Z')).toMatchObject({
      kind: 'superseded',
      version: { productRev: '1-a' },
      inForce: { productRev: '2-b' },
    });
    expect(matchLineToPrices(mango(6_500), VERSIONS, '2026-06-11T00:00:00.000Z')).toMatchObject({
      kind: 'never',
      difference: 'unitPrice: 6500 on the line, 70000 in the catalog',
    });
  });
});
