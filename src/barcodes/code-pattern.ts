/**
 * Store-configured patterns for the codes only the retailer knows: loyalty cards, gift cards,
 * staff badges, store coupons. Patterns come from store settings as regular-expression text
 * (JSON holds no RegExp), matched against the whole scan.
 */
import {
  gs1CheckDigit,
  hasValidGs1CheckDigit,
  hasValidLuhnCheckDigit,
  isDigits,
  luhnCheckDigit,
} from './check-digit';
import type { CodePattern } from '../documents/parts/barcode-layouts';

export type PatternMatch =
  { matched: false } | { matched: true; ok: true } | { matched: true; ok: false; message: string };

// Compiled once per pattern text; a pattern that does not compile never matches (and is
// reported by `codePatternProblems` on the settings screen).
const compiled = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      regex = null;
    }
    compiled.set(pattern, regex);
  }
  return regex;
}

export function codePatternProblems(pattern: CodePattern): string[] {
  return compile(pattern.pattern) === null
    ? [`Pattern "${pattern.pattern}" is not a valid regular expression`]
    : [];
}

export function matchCodePattern(code: string, pattern: CodePattern, what: string): PatternMatch {
  const regex = compile(pattern.pattern);
  if (!regex?.test(code)) return { matched: false };
  if (pattern.checkDigit === undefined) return { matched: true, ok: true };
  const valid =
    pattern.checkDigit === 'gs1' ? hasValidGs1CheckDigit(code) : hasValidLuhnCheckDigit(code);
  if (valid) return { matched: true, ok: true };
  if (!isDigits(code) || code.length < 2) {
    return {
      matched: true,
      ok: false,
      message: `${what} ${code}: a check digit needs digits only`,
    };
  }
  const body = code.slice(0, -1);
  const expected = pattern.checkDigit === 'gs1' ? gs1CheckDigit(body) : luhnCheckDigit(body);
  return {
    matched: true,
    ok: false,
    message: `${what} ${code}: check digit should be ${expected}, not ${code.slice(-1)}`,
  };
}
