/**
 * Check digits for GS1 keys (GTIN, SSCC, GLN) and for the card numbers stores print themselves.
 * GS1 keys use the mod-10 scheme of the GS1 General Specifications 7.9.1: weights 3 and 1
 * alternating from the digit next to the check digit, so every single-digit error is caught.
 */

/** Thrown for programmer errors (malformed input to a maker or converter), never for a scan. */
export class BarcodeError extends Error {
  override readonly name = 'BarcodeError';
}

export function isDigits(text: string): boolean {
  return /^\d+$/.test(text);
}

function assertDigits(text: string, what: string): void {
  if (!isDigits(text)) throw new BarcodeError(`${what} "${text}" must be digits only.`);
}

/** The GS1 mod-10 check digit for `body` (all digits before the check digit). */
export function gs1CheckDigit(body: string): number {
  assertDigits(body, 'Check digit body');
  let sum = 0;
  let weight = 3; // the rightmost body digit weighs 3, whatever the key's length
  for (let index = body.length - 1; index >= 0; index--) {
    sum += Number(body[index]) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `code` is the GS1 check digit of the digits before it. */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (code.length < 2 || !isDigits(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** The Luhn (ISO/IEC 7812) check digit, which payment-style gift and loyalty cards use. */
export function luhnCheckDigit(body: string): number {
  assertDigits(body, 'Check digit body');
  let sum = 0;
  let double = true; // the rightmost body digit is doubled
  for (let index = body.length - 1; index >= 0; index--) {
    let value = Number(body[index]);
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidLuhnCheckDigit(code: string): boolean {
  if (code.length < 2 || !isDigits(code)) return false;
  return luhnCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}
