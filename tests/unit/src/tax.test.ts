import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import type { CurrencyCode, RoundingMode } from '../../../src/money';
import { priceCart } from '../../../src/pricing';
import { TaxError, computeDocumentTax, taxOfAmount } from '../../../src/tax';
import { pricingContext, taxSettings, unitLine } from './pricing-fixtures';

describe('tax of one amount', () => {
  it('takes 10 % VAT out of a VAT-inclusive 110,000 ₫', () => {
    expect(taxOfAmount(minor(110_000), 1000, true, 'half-up')).toEqual({
      taxable: 100_000,
      tax: 10_000,
      total: 110_000,
    });
  });

  it('adds 8 % VAT on top of a VAT-exclusive $12.34, half-up', () => {
    expect(taxOfAmount(minor(1234), 800, false, 'half-up')).toEqual({
      taxable: 1234,
      tax: 99, // 98.72
      total: 1333,
    });
  });

  it('rejects a tax rate the store does not have, saying what to fix', () => {
    expect.assertions(2);
    try {
      computeDocumentTax([{ amount: minor(100), taxRateId: 'vat7' }], taxSettings());
    } catch (error) {
      expect(error).toBeInstanceOf(TaxError);
      expect((error as TaxError).code).toBe('unknown-tax-rate');
    }
  });
});

/**
 * The same cart in VND and USD: 3 pieces at 10 %, two 8 % lines and a 0 % line. Expected taxes
 * were computed independently with exact fractions.
 */
const carts: Record<CurrencyCode, [number, number, string][]> = {
  VND: [
    [33_335, 3, 'vat10'],
    [12_345, 1, 'vat8'],
    [10_001, 2, 'vat8'],
    [5_000, 1, 'vat0'],
  ],
  USD: [
    [335, 3, 'vat10'],
    [123, 1, 'vat8'],
    [99, 2, 'vat8'],
    [500, 1, 'vat0'],
  ],
} as Record<CurrencyCode, [number, number, string][]>;

type Scenario = [
  string,
  boolean,
  RoundingMode,
  CurrencyCode,
  'line' | 'document',
  number,
  number,
  number,
  number,
];

const scenarios: Scenario[] = [
  [
    'VAT-inclusive, half-up, VND, line rounding',
    true,
    'half-up',
    'VND',
    'line',
    0,
    2396,
    9091,
    137352,
  ],
  [
    'VAT-inclusive, half-even, VND, line rounding',
    true,
    'half-even',
    'VND',
    'line',
    0,
    2396,
    9091,
    137352,
  ],
  ['VAT-inclusive, down, VND, line rounding', true, 'down', 'VND', 'line', 0, 2395, 9091, 137352],
  [
    'VAT-inclusive, half-up, VND, document rounding',
    true,
    'half-up',
    'VND',
    'document',
    0,
    2396,
    9091,
    137352,
  ],
  [
    'VAT-inclusive, half-even, VND, document rounding',
    true,
    'half-even',
    'VND',
    'document',
    0,
    2396,
    9091,
    137352,
  ],
  [
    'VAT-inclusive, down, VND, document rounding',
    true,
    'down',
    'VND',
    'document',
    0,
    2396,
    9091,
    137352,
  ],
  [
    'VAT-exclusive, half-up, VND, line rounding',
    false,
    'half-up',
    'VND',
    'line',
    0,
    2588,
    10001,
    149941,
  ],
  [
    'VAT-exclusive, half-even, VND, line rounding',
    false,
    'half-even',
    'VND',
    'line',
    0,
    2588,
    10000,
    149940,
  ],
  ['VAT-exclusive, down, VND, line rounding', false, 'down', 'VND', 'line', 0, 2587, 10000, 149939],
  [
    'VAT-exclusive, half-up, VND, document rounding',
    false,
    'half-up',
    'VND',
    'document',
    0,
    2588,
    10001,
    149941,
  ],
  [
    'VAT-exclusive, half-even, VND, document rounding',
    false,
    'half-even',
    'VND',
    'document',
    0,
    2588,
    10000,
    149940,
  ],
  [
    'VAT-exclusive, down, VND, document rounding',
    false,
    'down',
    'VND',
    'document',
    0,
    2587,
    10000,
    149939,
  ],
  ['VAT-inclusive, half-up, USD, line rounding', true, 'half-up', 'USD', 'line', 0, 24, 91, 1826],
  [
    'VAT-inclusive, half-even, USD, line rounding',
    true,
    'half-even',
    'USD',
    'line',
    0,
    24,
    91,
    1826,
  ],
  ['VAT-inclusive, down, USD, line rounding', true, 'down', 'USD', 'line', 0, 23, 91, 1826],
  [
    'VAT-inclusive, half-up, USD, document rounding',
    true,
    'half-up',
    'USD',
    'document',
    0,
    24,
    91,
    1826,
  ],
  [
    'VAT-inclusive, half-even, USD, document rounding',
    true,
    'half-even',
    'USD',
    'document',
    0,
    24,
    91,
    1826,
  ],
  ['VAT-inclusive, down, USD, document rounding', true, 'down', 'USD', 'document', 0, 23, 91, 1826],
  ['VAT-exclusive, half-up, USD, line rounding', false, 'half-up', 'USD', 'line', 0, 26, 101, 1953],
  [
    'VAT-exclusive, half-even, USD, line rounding',
    false,
    'half-even',
    'USD',
    'line',
    0,
    26,
    100,
    1952,
  ],
  ['VAT-exclusive, down, USD, line rounding', false, 'down', 'USD', 'line', 0, 24, 100, 1950],
  [
    'VAT-exclusive, half-up, USD, document rounding',
    false,
    'half-up',
    'USD',
    'document',
    0,
    26,
    101,
    1953,
  ],
  [
    'VAT-exclusive, half-even, USD, document rounding',
    false,
    'half-even',
    'USD',
    'document',
    0,
    26,
    100,
    1952,
  ],
  [
    'VAT-exclusive, down, USD, document rounding',
    false,
    'down',
    'USD',
    'document',
    0,
    25,
    100,
    1951,
  ],
];

describe('tax matrix: inclusive and exclusive x rounding mode x VND and USD x line and document', () => {
  it.each(scenarios)(
    '%s',
    (_name, pricesIncludeTax, roundingMode, currency, rounding, tax0, tax8, tax10, total) => {
      const lines = (carts[currency] ?? []).map(([price, quantity, taxRateId], index) =>
        unitLine(`l${index}`, price, quantity, { taxRateId }),
      );
      const priced = priceCart(
        { lines },
        pricingContext({ currency, tax: { pricesIncludeTax, roundingMode, rounding } }),
      );
      const taxBy = Object.fromEntries(priced.taxBreakdown.map((row) => [row.taxRateId, row.tax]));
      expect(taxBy).toEqual({ vat0: tax0, vat8: tax8, vat10: tax10 });
      expect(priced.totals.total).toBe(total);
      expect(priced.totals.tax).toBe(tax0 + tax8 + tax10);
      // The breakdown is ordered by rate and adds up to the totals.
      expect(priced.taxBreakdown.map((row) => row.rateBp)).toEqual([0, 800, 1000]);
      expect(priced.taxBreakdown.reduce((a, row) => a + row.total, 0)).toBe(priced.totals.total);
      expect(priced.taxBreakdown.reduce((a, row) => a + row.taxable, 0)).toBe(
        priced.totals.taxable,
      );
      // Line taxes add up to each rate's tax, however the rate was rounded.
      for (const row of priced.taxBreakdown) {
        const lineTax = priced.lines
          .filter((line) => line.taxRateId === row.taxRateId)
          .reduce((a, line) => a + line.tax, 0);
        expect(lineTax).toBe(row.tax);
      }
    },
  );
});
