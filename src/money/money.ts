/**
 * Money is an integer count of the currency's minor unit, branded so that a plain number or a
 * major-unit amount cannot be passed where minor units are meant. Conversion to and from major
 * units, and to text, happens only at the edges (UI, receipts, imports).
 */
import { currency } from './currency';
import type { CurrencyCode } from './currency';

declare const minorBrand: unique symbol;
/** An amount in minor units (đồng for VND, cents for USD). Always a safe integer. */
export type Minor = number & { readonly [minorBrand]: 'Minor' };

/** Named rounding modes. `half-up` rounds halves away from zero so refunds mirror sales. */
export type RoundingMode =
  'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor';

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

export const ZERO = 0 as Minor;

/** Brands an integer as minor units; rejects fractions and unsafe integers. */
export function minor(value: number): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError(`Amount ${value} is not a whole number of minor units.`);
  }
  return (value === 0 ? 0 : value) as Minor;
}

export function add(...amounts: readonly Minor[]): Minor {
  let total = 0;
  for (const amount of amounts) total += amount;
  return minor(total);
}

export function sub(a: Minor, b: Minor): Minor {
  return minor(a - b);
}

export function negate(a: Minor): Minor {
  return minor(0 - a);
}

export function sum(amounts: Iterable<Minor>): Minor {
  let total = 0;
  for (const amount of amounts) total += amount;
  return minor(total);
}

export function min(a: Minor, b: Minor): Minor {
  return a < b ? a : b;
}

export function max(a: Minor, b: Minor): Minor {
  return a > b ? a : b;
}

/**
 * Divides `numerator / denominator` exactly (BigInt) and rounds with the named mode. Every
 * percentage, weight and pro-rata computation goes through here so no float ever touches money.
 */
export function roundDiv(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new MoneyError('Division by zero.');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const negative = numerator < 0n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const awayFromZero = negative ? quotient - 1n : quotient + 1n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return awayFromZero;
    case 'floor':
      return negative ? quotient - 1n : quotient;
    case 'ceiling':
      return negative ? quotient : quotient + 1n;
    case 'half-up':
      return twice >= denominator ? awayFromZero : quotient;
    case 'half-down':
      return twice > denominator ? awayFromZero : quotient;
    case 'half-even':
      if (twice > denominator) return awayFromZero;
      if (twice < denominator) return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
  }
}

/** `amount × numerator / denominator`, rounded. */
export function mulDiv(
  amount: Minor,
  numerator: number,
  denominator: number,
  mode: RoundingMode,
): Minor {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new MoneyError('mulDiv takes whole-number ratios.');
  }
  const result = roundDiv(BigInt(amount) * BigInt(numerator), BigInt(denominator), mode);
  return minor(Number(result));
}

/** Rounds an amount to a multiple of `increment` minor units (cash rounding). */
export function roundToIncrement(amount: Minor, increment: number, mode: RoundingMode): Minor {
  if (!Number.isSafeInteger(increment) || increment <= 0) {
    throw new MoneyError(`Rounding increment ${increment} must be a positive whole number.`);
  }
  const steps = roundDiv(BigInt(amount), BigInt(increment), mode);
  return minor(Number(steps) * increment);
}

/** Converts a major-unit decimal string ("12.5", "150000") to minor units, exactly. */
export function parseMajor(text: string, code: CurrencyCode): Minor {
  const digits = currency(code).minorDigits;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new MoneyError(`"${text}" is not an amount in ${code}.`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyError(`${code} has ${digits} decimal places; "${text}" has ${fraction.length}.`);
  }
  const scaled = whole + fraction.padEnd(digits, '0');
  return minor(Number(sign ? `-${scaled}` : scaled));
}

/** The major-unit value as a number, for display arithmetic only (charts). Never for money math. */
export function toMajorNumber(amount: Minor, code: CurrencyCode): number {
  return amount / 10 ** currency(code).minorDigits;
}
