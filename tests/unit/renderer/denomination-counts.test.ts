/** The denomination grid's arithmetic: note counts typed as text, the total they make. */
import { describe, expect, it } from 'vitest';
import {
  countedDenominations,
  denominationTextsTotal,
  parseCount,
  resolveCashCount,
  stepCount,
} from '../../../renderer/manager/shift/denomination-counts';
import { minor } from '../../../src/money';
import { cashDenominations } from '../../../src/shifts';

const VND = cashDenominations('VND') ?? [];

describe('counting the drawer by denomination', () => {
  it('VND is counted in its nine notes, largest first; other currencies by total', () => {
    expect(VND).toEqual([500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000]);
    expect(cashDenominations('USD')).toBeUndefined();
  });

  it('an empty field is none of that note; anything but a whole number is no count', () => {
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('abc')).toBeNull();
  });

  it('2 × 200,000 + 3 × 50,000 + 10 × 1,000 = 560,000 ₫, zero counts left out', () => {
    const texts = { [200_000]: '2', [50_000]: '3', [1_000]: '10', [5_000]: '0' };
    expect(denominationTextsTotal(VND, texts)).toBe(560_000);
    expect(countedDenominations(VND, texts)).toEqual([
      { value: 200_000, count: 2 },
      { value: 50_000, count: 3 },
      { value: 1_000, count: 10 },
    ]);
    expect(denominationTextsTotal(VND, { ...texts, [10_000]: 'x' })).toBeNull();
  });

  it('+ and − step one note, never below none', () => {
    const once = stepCount({}, minor(500_000), 1);
    expect(once).toEqual({ [500_000]: '1' });
    expect(stepCount(once, minor(500_000), -1)).toEqual({ [500_000]: '' });
    expect(stepCount({}, minor(500_000), -1)).toEqual({ [500_000]: '' });
  });

  it('notes counted make the count; with none, the typed total does (total-only stays possible)', () => {
    expect(resolveCashCount({ totalText: '999', notes: { [100_000]: '5' } }, 'VND', VND)).toEqual({
      ok: true,
      total: 500_000,
      denominations: [{ value: 100_000, count: 5 }],
    });
    expect(resolveCashCount({ totalText: '500.000', notes: {} }, 'VND', VND)).toEqual({
      ok: true,
      total: 500_000,
    });
    expect(resolveCashCount({ totalText: '12.50', notes: {} }, 'USD', undefined)).toEqual({
      ok: true,
      total: 1250,
    });
    expect(resolveCashCount({ totalText: '', notes: {} }, 'VND', VND)).toEqual({
      ok: false,
      problem: 'bad-amount',
    });
    expect(resolveCashCount({ totalText: '', notes: { [1_000]: 'two' } }, 'VND', VND)).toEqual({
      ok: false,
      problem: 'bad-count',
    });
  });
});
