/**
 * The currencies Omnitill prices in. `minorDigits` is how many decimal places the currency's
 * minor unit has (VND and JPY have none, so their minor unit *is* the major unit).
 * `cashIncrements` lists the smallest note or coin steps a retailer may round cash to.
 */
export interface Currency {
  readonly code: CurrencyCode;
  readonly minorDigits: 0 | 2 | 3;
  readonly symbol: string;
  /** Cash rounding steps a store may choose, in minor units. Empty when cash is exact. */
  readonly cashIncrements: readonly number[];
}

export const CURRENCY_CODES = ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'SGD', 'THB', 'CNY'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const CURRENCIES: Readonly<Record<CurrencyCode, Currency>> = {
  VND: { code: 'VND', minorDigits: 0, symbol: '₫', cashIncrements: [100, 500, 1000] },
  USD: { code: 'USD', minorDigits: 2, symbol: '$', cashIncrements: [5, 10] },
  EUR: { code: 'EUR', minorDigits: 2, symbol: '€', cashIncrements: [5, 10] },
  JPY: { code: 'JPY', minorDigits: 0, symbol: '¥', cashIncrements: [] },
  KRW: { code: 'KRW', minorDigits: 0, symbol: '₩', cashIncrements: [10] },
  SGD: { code: 'SGD', minorDigits: 2, symbol: 'S$', cashIncrements: [5] },
  THB: { code: 'THB', minorDigits: 2, symbol: '฿', cashIncrements: [25] },
  CNY: { code: 'CNY', minorDigits: 2, symbol: '¥', cashIncrements: [10] },
};

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (CURRENCY_CODES as readonly string[]).includes(value);
}

export function currency(code: CurrencyCode): Currency {
  return CURRENCIES[code];
}
