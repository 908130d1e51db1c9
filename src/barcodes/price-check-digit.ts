/**
 * The price (or measure) verifier digit of in-store variable-measure codes, GS1 General
 * Specifications 7.9.3. It guards the value field on its own: the EAN-13 check digit alone lets
 * two transposed price digits through often enough for stores to ask for this extra digit.
 */
import { BarcodeError, isDigits } from './check-digit';

// Weighted products by digit, as the specification tabulates them:
// "2-": units digit of 2d minus its tens digit; "5+": 5d with its tens digit added;
// "5-": 5d with its tens digit subtracted; "3": 3d (only its units digit matters).
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7] as const;
const THREE = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7] as const;
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9] as const;
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1] as const;

type WeightTable = readonly number[];

function weightedSum(value: string, weights: readonly WeightTable[]): number {
  let sum = 0;
  weights.forEach((table, index) => {
    sum += table[Number(value[index])] ?? 0;
  });
  return sum;
}

/** The verifier digit for a 4- or 5-digit price or weight field. */
export function priceCheckDigit(value: string): number {
  if (!isDigits(value) || (value.length !== 4 && value.length !== 5)) {
    throw new BarcodeError(`A price check digit covers 4 or 5 digits, not "${value}".`);
  }
  if (value.length === 4) {
    return (weightedSum(value, [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS]) * 3) % 10;
  }
  const sum = weightedSum(value, [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS]);
  // The check digit is the one whose "5-" product brings the sum to a multiple of ten.
  const target = (10 - (sum % 10)) % 10;
  return FIVE_MINUS.indexOf(target as (typeof FIVE_MINUS)[number]);
}
