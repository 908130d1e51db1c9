import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  formatAmount,
  formatMoney,
  minor,
  mulDiv,
  parseMajor,
  roundDiv,
  roundToIncrement,
} from '../../../src/money';
import type { RoundingMode } from '../../../src/money';

describe('minor units', () => {
  it('rejects fractions of a minor unit', () => {
    expect(() => minor(10.5)).toThrow(/not a whole number/);
  });

  it('parses major amounts exactly for a currency with no minor unit (VND)', () => {
    expect(parseMajor('150000', 'VND')).toBe(150000);
    expect(() => parseMajor('1.5', 'VND')).toThrow(/VND has 0 decimal places/);
  });

  it('parses major amounts exactly for a currency with two decimals (USD)', () => {
    expect(parseMajor('12.5', 'USD')).toBe(1250);
    expect(parseMajor('-0.07', 'USD')).toBe(-7);
    expect(() => parseMajor('1,5', 'USD')).toThrow(/is not an amount/);
  });
});

describe('rounding modes', () => {
  const cases: [string, bigint, bigint, RoundingMode, bigint][] = [
    ['half-up, 2.5', 5n, 2n, 'half-up', 3n],
    ['half-up, -2.5 (refund mirrors sale)', -5n, 2n, 'half-up', -3n],
    ['half-even, 2.5', 5n, 2n, 'half-even', 2n],
    ['half-even, 3.5', 7n, 2n, 'half-even', 4n],
    ['half-down, 2.5', 5n, 2n, 'half-down', 2n],
    ['up, 2.1', 21n, 10n, 'up', 3n],
    ['up, -2.1', -21n, 10n, 'up', -3n],
    ['down, 2.9', 29n, 10n, 'down', 2n],
    ['ceiling, -2.9', -29n, 10n, 'ceiling', -2n],
    ['floor, -2.1', -21n, 10n, 'floor', -3n],
  ];
  it.each(cases)('%s', (_name, numerator, denominator, mode, expected) => {
    expect(roundDiv(numerator, denominator, mode)).toBe(expected);
  });

  it('takes 8% VAT of 12,345 đ half-up without floats', () => {
    expect(mulDiv(minor(12345), 8, 100, 'half-up')).toBe(988);
  });

  it('rounds cash to 500 đ', () => {
    expect(roundToIncrement(minor(12_249), 500, 'half-up')).toBe(12_000);
    expect(roundToIncrement(minor(12_250), 500, 'half-up')).toBe(12_500);
  });
});

describe('allocate', () => {
  it('hands the leftover units to the largest remainders, deterministically', () => {
    expect(allocate(minor(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(minor(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(minor(5), [30, 70])).toEqual([2, 3]);
  });

  it('always sums exactly to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (amount, ratios) => {
          fc.pre(ratios.some((r) => r > 0));
          const parts = allocate(minor(amount), ratios);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          ratios.forEach((ratio, index) => {
            if (ratio === 0) expect(parts[index]).toBe(0);
          });
        },
      ),
    );
  });
});

describe('formatting at the edges', () => {
  it('formats VND for Vietnamese and English readers', () => {
    expect(formatMoney(minor(1234567), 'VND', 'vi-VN')).toBe('1.234.567 ₫');
    expect(formatMoney(minor(1234567), 'VND', 'en-US')).toBe('₫1,234,567');
    expect(formatAmount(minor(1234567), 'VND', 'vi-VN')).toBe('1.234.567');
  });

  it('formats USD with its two decimals', () => {
    expect(formatMoney(minor(123456), 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(minor(-5), 'USD', 'en-US')).toBe('-$0.05');
  });
});
