/**
 * From checked GS1 elements to what the till cares about: which item (GTIN), its batch and dates,
 * its weight in grams and its price in minor units. Conversions are exact or refused: a price
 * with more decimals than the store's currency is an error, never rounded.
 */
import { currency, minor, roundDiv } from '../money';
import type { CurrencyCode, Minor } from '../money';
import type { Gs1Element } from './gs1-element-string';
import type { Gs1ProductAttributes } from './scan-result';

export type Gs1Classification =
  | { kind: 'gs1-product'; gtin14: string; attributes: Gs1ProductAttributes; expired: boolean }
  | { kind: 'logistic-unit'; sscc: string; contentGtin14?: string; count?: number }
  | { kind: 'coupon'; code: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unsupported'; message: string };

/** Grams from a 310n value (kg with n decimals); finer than a gram rounds half-up. */
export function gramsFromKilograms(value: string, decimals: number): number {
  const shift = 3 - decimals;
  if (shift >= 0) return Number(value) * 10 ** shift;
  return Number(roundDiv(BigInt(value), 10n ** BigInt(-shift), 'half-up'));
}

/** Minor units from a 392n value, or an error message when it cannot be exact. */
export function minorFromPrice(
  value: string,
  decimals: number,
  code: CurrencyCode,
): Minor | string {
  const minorDigits = currency(code).minorDigits;
  let amount = BigInt(value);
  if (decimals <= minorDigits) {
    amount *= 10n ** BigInt(minorDigits - decimals);
  } else {
    const divisor = 10n ** BigInt(decimals - minorDigits);
    if (amount % divisor !== 0n) {
      return `(392${decimals}) PRICE ${value}: ${decimals} decimals, but ${code} has ${minorDigits}`;
    }
    amount /= divisor;
  }
  if (amount > BigInt(Number.MAX_SAFE_INTEGER))
    return `(392${decimals}) PRICE ${value} is too large`;
  return minor(Number(amount));
}

const DATE_ATTRIBUTES: Readonly<Record<string, keyof Gs1ProductAttributes>> = {
  '11': 'productionDate',
  '13': 'packagingDate',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
};

const TEXT_ATTRIBUTES: Readonly<Record<string, 'batch' | 'serial' | 'variant'>> = {
  '10': 'batch',
  '21': 'serial',
  '20': 'variant',
};

function productAttributes(
  elements: readonly Gs1Element[],
  code: CurrencyCode,
): Gs1ProductAttributes | string {
  const attributes: Gs1ProductAttributes = {};
  for (const element of elements) {
    const { ai, value } = element;
    const dateKey = DATE_ATTRIBUTES[ai];
    const textKey = TEXT_ATTRIBUTES[ai];
    if (dateKey !== undefined && element.date !== undefined) {
      Object.assign(attributes, { [dateKey]: element.date });
    } else if (textKey !== undefined) {
      attributes[textKey] = value;
    } else if (ai.startsWith('310')) {
      attributes.netWeightGrams = gramsFromKilograms(value, element.decimals ?? 0);
    } else if (ai.startsWith('392')) {
      const price = minorFromPrice(value, element.decimals ?? 0, code);
      if (typeof price === 'string') return price;
      attributes.price = price;
    } else if (ai === '30') {
      attributes.count = Number(value);
    }
  }
  return attributes;
}

/** What a set of elements identifies: a trade item, a logistic unit, a coupon, or nothing we sell. */
export function classifyGs1Elements(
  elements: readonly Gs1Element[],
  code: CurrencyCode,
  today: string,
): Gs1Classification {
  const valueOf = (ai: string): string | undefined =>
    elements.find((element) => element.ai === ai)?.value;
  const gtin = valueOf('01');
  if (gtin !== undefined) {
    const attributes = productAttributes(elements, code);
    if (typeof attributes === 'string') return { kind: 'invalid', message: attributes };
    const expired = attributes.expiry !== undefined && attributes.expiry < today;
    return { kind: 'gs1-product', gtin14: gtin, attributes, expired };
  }
  const sscc = valueOf('00');
  if (sscc !== undefined) {
    const content = valueOf('02');
    const count = valueOf('37');
    return {
      kind: 'logistic-unit',
      sscc,
      ...(content !== undefined ? { contentGtin14: content } : {}),
      ...(count !== undefined ? { count: Number(count) } : {}),
    };
  }
  const coupon = valueOf('255');
  if (coupon !== undefined) return { kind: 'coupon', code: coupon };
  const ais = elements.map((element) => `(${element.ai})`).join('');
  return {
    kind: 'unsupported',
    message: `GS1 data ${ais} has no GTIN (01), SSCC (00) or coupon (255)`,
  };
}
