/**
 * An amount a person typed (a price override, a discount, cash handed over, a count), read into
 * minor units for the store's currency: the one parse every screen and form uses.
 *
 * The rule, the same for vi-VN and en-US typing:
 * - A `.` or `,` followed by exactly three digits groups thousands ("25.000", "25,000", "1,250").
 * - The last `.` or `,` followed by one or two digits is the decimal point ("12.50", "12,50").
 *   A currency without a minor unit (VND) has no decimals, so "25.5" is refused, not read as 255.
 * - Spaces group too ("25 000"); the currency's symbol or code may stand before or after.
 * - Amounts typed by a person are never negative.
 * So every amount `formatAmount` shows, in either locale, reads back to itself.
 */
import { currency } from './currency';
import type { CurrencyCode } from './currency';
import { parseMajor } from './money';
import type { Minor } from './money';

export type AmountProblem =
  'empty' | 'not-an-amount' | 'too-many-decimals' | 'negative' | 'too-large';

export type TypedAmount = { ok: true; amount: Minor } | { ok: false; problem: AmountProblem };

/** Digits beyond this are no till amount and would lose precision as a number. */
const MAX_DIGITS = 15;

function withoutCurrencyMark(text: string, code: CurrencyCode): string {
  const marks = [currency(code).symbol, code, ...(code === 'VND' ? ['đ', 'VNĐ'] : [])];
  let body = text;
  for (const mark of marks) {
    const lower = body.toLowerCase();
    const lowerMark = mark.toLowerCase();
    if (lower.startsWith(lowerMark)) body = body.slice(mark.length).trim();
    else if (lower.endsWith(lowerMark)) body = body.slice(0, body.length - mark.length).trim();
  }
  return body;
}

/** Whole part written with one grouping mark at most: "1.234.567", "1 234", "1234". */
function wholeDigits(whole: string, decimalMark: string | null): string | null {
  const groups = whole.split(/[.,\s]/);
  if (groups.length === 1) return /^\d+$/.test(whole) ? whole : null;
  const marks = new Set(whole.replace(/[\d]/g, '').replace(/\s/g, ' '));
  if (marks.size !== 1 || (decimalMark !== null && marks.has(decimalMark))) return null;
  const [first = '', ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

type DecimalText =
  { ok: true; whole: string; fraction: string } | { ok: false; problem: AmountProblem };

/** The rule above, for a body without its currency mark, allowing `minorDigits` decimals. */
function readDecimal(body: string, minorDigits: number): DecimalText {
  if (!body) return { ok: false, problem: 'empty' };
  if (body.startsWith('-')) return { ok: false, problem: 'negative' };
  if (!/^\d[\d.,\s]*$/.test(body)) return { ok: false, problem: 'not-an-amount' };
  const decimalAt = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  const after = decimalAt < 0 ? '' : body.slice(decimalAt + 1);
  const isDecimal = decimalAt >= 0 && /^\d{0,2}$/.test(after);
  const whole = wholeDigits(
    isDecimal ? body.slice(0, decimalAt) : body,
    isDecimal ? (body[decimalAt] ?? null) : null,
  );
  if (whole === null) return { ok: false, problem: 'not-an-amount' };
  const fraction = isDecimal ? after : '';
  if (fraction.length > minorDigits) return { ok: false, problem: 'too-many-decimals' };
  if (whole.replace(/^0+/, '').length + fraction.length > MAX_DIGITS) {
    return { ok: false, problem: 'too-large' };
  }
  return { ok: true, whole, fraction };
}

export function parseTypedAmount(text: string, code: CurrencyCode): TypedAmount {
  const body = withoutCurrencyMark(text.replace(/[\u00a0\u202f]/g, ' ').trim(), code);
  const read = readDecimal(body, currency(code).minorDigits);
  if (!read.ok) return read;
  const { whole, fraction } = read;
  return { ok: true, amount: parseMajor(fraction ? `${whole}.${fraction}` : whole, code) };
}

export type TypedPercent = { ok: true; percentBp: number } | { ok: false; problem: AmountProblem };

/**
 * A percentage a person typed ("10", "12,5", "12.5 %"), read by the same rule as amounts with
 * two decimals, into basis points (10 % = 1000). The range is the caller's rule (for a
 * promotion: src/pricing's promotionProblem).
 */
export function parseTypedPercent(text: string): TypedPercent {
  const body = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/\s*%$/, '');
  const read = readDecimal(body, 2);
  if (!read.ok) return read;
  return { ok: true, percentBp: Number(read.whole) * 100 + Number(read.fraction.padEnd(2, '0')) };
}
