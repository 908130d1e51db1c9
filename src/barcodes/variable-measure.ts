/**
 * In-store variable-measure codes: EAN-13s with a restricted-circulation prefix (20-29, or 02
 * for UPC-A type 2 written as 13 digits) that the scale prints with the item reference (PLU) and
 * the weight or the price. Each store says which prefixes mean what, because GS1 leaves the
 * layout to the country and the retailer.
 *
 *   prefix | item reference (PLU) | [value check digit] | value | EAN-13 check digit
 */
import { minor } from '../money';
import type { Minor } from '../money';
import { BarcodeError, gs1CheckDigit, isDigits } from './check-digit';
import { priceCheckDigit } from './price-check-digit';
import type { VariableMeasureLayout } from '../documents/parts/barcode-layouts';

export type Measure = { type: 'weight'; grams: number } | { type: 'price'; amount: Minor };

export type VariableMeasureParse =
  | { ok: true; prefix: string; plu: string; measure: Measure }
  | { ok: false; reason: 'check-digit'; message: string };

/**
 * Defaults for a Vietnamese store. 21: weight, 5-digit PLU, grams up to 99.999 kg. 22: price,
 * 4-digit PLU and 6 digits of đồng, because five would stop at 99,999 ₫, less than a kilo of
 * beef. Prefixes 20 and 23-29 stay free for the store's own fixed-price items and cards.
 */
export const DEFAULT_VARIABLE_MEASURE_LAYOUTS: readonly VariableMeasureLayout[] = [
  { prefix: '21', itemDigits: 5, valueDigits: 5, value: 'weight', valueCheckDigit: false },
  { prefix: '22', itemDigits: 4, valueDigits: 6, value: 'price', valueCheckDigit: false },
];

/** What is wrong with a layout, in words for the settings screen; empty when it is usable. */
export function variableMeasureLayoutProblems(layout: VariableMeasureLayout): string[] {
  const problems: string[] = [];
  const where = `Layout ${layout.prefix}`;
  if (!/^(2\d\d?|02\d?)$/.test(layout.prefix)) {
    problems.push(`${where}: the prefix must be 20-29 or 02 (2 or 3 digits)`);
  }
  if (!Number.isInteger(layout.itemDigits) || layout.itemDigits < 1) {
    problems.push(`${where}: the item reference needs at least one digit`);
  }
  if (!Number.isInteger(layout.valueDigits) || layout.valueDigits < 1) {
    problems.push(`${where}: the value needs at least one digit`);
  }
  if (layout.valueCheckDigit && layout.valueDigits !== 4 && layout.valueDigits !== 5) {
    problems.push(`${where}: a value check digit covers 4 or 5 value digits only`);
  }
  const total =
    layout.prefix.length +
    layout.itemDigits +
    (layout.valueCheckDigit ? 1 : 0) +
    layout.valueDigits;
  if (total !== 12) {
    problems.push(
      `${where}: prefix, item, value check digit and value take ${total} digits, not 12`,
    );
  }
  return problems;
}

/** The layout whose prefix starts the 13-digit code; the longest prefix wins. */
export function findVariableMeasureLayout(
  ean13: string,
  layouts: readonly VariableMeasureLayout[],
): VariableMeasureLayout | undefined {
  let best: VariableMeasureLayout | undefined;
  for (const layout of layouts) {
    if (ean13.startsWith(layout.prefix) && (!best || layout.prefix.length > best.prefix.length)) {
      best = layout;
    }
  }
  return best;
}

/**
 * Reads the PLU and value from a 13-digit code whose EAN-13 check digit is already verified.
 * The value check digit, when the layout has one, is verified here.
 */
export function parseVariableMeasure(
  ean13: string,
  layout: VariableMeasureLayout,
): VariableMeasureParse {
  if (!isDigits(ean13) || ean13.length !== 13 || !ean13.startsWith(layout.prefix)) {
    throw new BarcodeError(`"${ean13}" is not a 13-digit code with prefix ${layout.prefix}.`);
  }
  let at = layout.prefix.length;
  const plu = ean13.slice(at, (at += layout.itemDigits));
  const givenCheck = layout.valueCheckDigit ? ean13.charAt(at++) : '';
  const value = ean13.slice(at, at + layout.valueDigits);
  if (layout.valueCheckDigit) {
    const expected = priceCheckDigit(value);
    if (String(expected) !== givenCheck) {
      return {
        ok: false,
        reason: 'check-digit',
        message: `EAN-13 ${ean13}: ${layout.value} check digit should be ${expected}, not ${givenCheck}`,
      };
    }
  }
  const measure: Measure =
    layout.value === 'weight'
      ? { type: 'weight', grams: Number(value) }
      : { type: 'price', amount: minor(Number(value)) };
  return { ok: true, prefix: layout.prefix, plu, measure };
}

/** Builds a variable-measure EAN-13 (scale simulators, demo data, tests). */
export function makeVariableMeasureEan13(
  layout: VariableMeasureLayout,
  plu: string,
  value: number,
): string {
  const problems = variableMeasureLayoutProblems(layout);
  if (problems.length > 0) throw new BarcodeError(problems.join('; '));
  if (!isDigits(plu) || plu.length !== layout.itemDigits) {
    throw new BarcodeError(`PLU "${plu}" must be ${layout.itemDigits} digits.`);
  }
  const valueText = String(value);
  if (!Number.isSafeInteger(value) || value < 0 || valueText.length > layout.valueDigits) {
    throw new BarcodeError(`Value ${value} does not fit ${layout.valueDigits} digits.`);
  }
  const padded = valueText.padStart(layout.valueDigits, '0');
  const check = layout.valueCheckDigit ? String(priceCheckDigit(padded)) : '';
  const body = layout.prefix + plu + check + padded;
  return body + String(gs1CheckDigit(body));
}
