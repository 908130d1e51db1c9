import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, formatAmount, minor, parseTypedAmount } from '../../../src/money';
import type { CurrencyCode } from '../../../src/money';
import { readTypedAmount } from '../../../renderer/platform/typed-amount';

const amountOf = (text: string, code: CurrencyCode) => {
  const parsed = parseTypedAmount(text, code);
  return parsed.ok ? parsed.amount : parsed.problem;
};

describe('an amount typed in a VND store (no minor unit)', () => {
  it.each([
    ['25.000', 25_000],
    ['25000', 25_000],
    ['25,000', 25_000],
    ['25 000', 25_000],
    ['1.250.000', 1_250_000],
    ['25.000 ₫', 25_000],
    ['25.000đ', 25_000],
    [' 0 ', 0],
  ])('reads %j as %i đồng', (text, expected) => {
    expect(amountOf(text, 'VND')).toBe(expected);
  });

  it('refuses decimals rather than reading "25.5" as 255 đồng', () => {
    expect(amountOf('25.5', 'VND')).toBe('too-many-decimals');
    expect(amountOf('12,50', 'VND')).toBe('too-many-decimals');
  });
});

describe('an amount typed in a USD store (cents)', () => {
  it.each([
    ['12.50', 1250],
    ['12,50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['$12.50', 1250],
    ['1,234.56', 123_456],
    ['1.234,56', 123_456],
    ['1,250', 125_000],
  ])('reads %j as %i cents', (text, expected) => {
    expect(amountOf(text, 'USD')).toBe(expected);
  });

  it('reads three digits after a mark as thousands, never as a third decimal', () => {
    expect(amountOf('12.505', 'USD')).toBe(1_250_500);
    expect(amountOf('0.001', 'USD')).toBe('not-an-amount');
  });
});

describe('what is no amount', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['₫', 'empty'],
    ['abc', 'not-an-amount'],
    ['12a', 'not-an-amount'],
    ['1.2.3', 'not-an-amount'],
    ['1,234.567', 'not-an-amount'],
    ['12.34.56', 'not-an-amount'],
    ['1.000,000', 'not-an-amount'],
    ['-5.000', 'negative'],
    ['1234567890123456', 'too-large'],
  ])('%j is %s', (text, problem) => {
    expect(amountOf(text, 'VND')).toBe(problem);
  });
});

describe('what is shown reads back to itself', () => {
  it('for every currency and both locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.constantFrom('vi-VN' as const, 'en-US' as const),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (code, locale, value) => {
          const shown = formatAmount(minor(value), code, locale);
          expect(amountOf(shown, code)).toBe(value);
        },
      ),
    );
  });
});

describe('a refused amount, told in the person’s language', () => {
  it('says VND has no decimals, with an example, in Vietnamese and English', () => {
    expect(readTypedAmount('25.5', 'VND', 'vi-VN')).toEqual({
      ok: false,
      message: 'VND không có số lẻ: nhập số tiền nguyên, ví dụ 25.000.',
    });
    expect(readTypedAmount('25.5', 'VND', 'en-US')).toEqual({
      ok: false,
      message: 'VND has no decimals: type a whole amount, e.g. 25,000.',
    });
  });

  it('reads "12.50" in a USD store as 1250 cents, as every amount field does', () => {
    expect(readTypedAmount('12.50', 'USD', 'en-US')).toEqual({ ok: true, amount: 1250 });
  });
});
