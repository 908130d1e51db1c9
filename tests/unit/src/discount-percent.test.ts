/**
 * The cashier's typed discount percentage (issue #13: typed numbers read one way). The sell
 * screen's discount form read it with its own `Number(text.replace(',', '.'))`: "10 %" was
 * refused and "12.345" became 12.35 %; now it is src/money's typed-number rule with pricing's range.
 */
import { describe, expect, it } from 'vitest';
import { typedDiscountPercent } from '../../../src/pricing';

describe('a discount percentage typed at the till', () => {
  it('reads whole, decimal-comma, decimal-point and percent-signed input into basis points', () => {
    expect(typedDiscountPercent('10')).toBe(1000);
    expect(typedDiscountPercent('12,5')).toBe(1250);
    expect(typedDiscountPercent(' 12.5 % ')).toBe(1250);
    expect(typedDiscountPercent('10 %')).toBe(1000);
    expect(typedDiscountPercent('0')).toBe(0);
    expect(typedDiscountPercent('100')).toBe(10_000);
  });

  it('refuses what pricing would not take, instead of rounding or guessing', () => {
    expect(typedDiscountPercent('12.345')).toBeNull();
    expect(typedDiscountPercent('100,01')).toBeNull();
    expect(typedDiscountPercent('150')).toBeNull();
    expect(typedDiscountPercent('-5')).toBeNull();
    expect(typedDiscountPercent('')).toBeNull();
    expect(typedDiscountPercent('mười')).toBeNull();
  });
});
