/**
 * Every field where a person types money reads it here: src/money's one parse, with what went
 * wrong said in the person's language and an example in the store's currency. The field keeps
 * what was typed, so nothing is lost when an amount is refused.
 */
import { currency, formatAmount, minor, parseTypedAmount } from '../../src/money';
import type { AmountProblem, CurrencyCode, Locale, Minor } from '../../src/money';

export type ReadAmount = { ok: true; amount: Minor } | { ok: false; message: string };

type Messages = Record<AmountProblem, (example: string, code: CurrencyCode) => string>;

const MESSAGES: Record<Locale, Messages> = {
  'vi-VN': {
    empty: (example) => `Nhập số tiền, ví dụ ${example}.`,
    'not-an-amount': (example) => `Nhập số tiền bằng chữ số, ví dụ ${example}.`,
    'too-many-decimals': (example, code) =>
      currency(code).minorDigits === 0
        ? `${code} không có số lẻ: nhập số tiền nguyên, ví dụ ${example}.`
        : `${code} có tối đa ${currency(code).minorDigits} chữ số thập phân, ví dụ ${example}.`,
    negative: () => 'Số tiền không được âm: nhập số từ 0 trở lên.',
    'too-large': () => 'Số tiền quá lớn: kiểm tra lại số đã nhập.',
  },
  'en-US': {
    empty: (example) => `Enter an amount, e.g. ${example}.`,
    'not-an-amount': (example) => `Type the amount in digits, e.g. ${example}.`,
    'too-many-decimals': (example, code) =>
      currency(code).minorDigits === 0
        ? `${code} has no decimals: type a whole amount, e.g. ${example}.`
        : `${code} has at most ${currency(code).minorDigits} decimals, e.g. ${example}.`,
    negative: () => 'Amounts cannot be negative: enter 0 or more.',
    'too-large': () => 'That amount is too large: check what was typed.',
  },
};

/** "25.000" đồng or "12.50" dollars: an amount anyone recognises, shown in each message. */
function exampleAmount(code: CurrencyCode, locale: Locale): string {
  return formatAmount(minor(currency(code).minorDigits === 0 ? 25_000 : 1_250), code, locale);
}

export function readTypedAmount(text: string, code: CurrencyCode, locale: Locale): ReadAmount {
  const parsed = parseTypedAmount(text, code);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message: MESSAGES[locale][parsed.problem](exampleAmount(code, locale), code),
  };
}
