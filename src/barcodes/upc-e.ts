/**
 * UPC-E is a zero-suppressed UPC-A: six digits stand for twelve, and the last of the six says
 * where the zeros went. It is not a GTIN of its own, so lookups always use the expanded UPC-A.
 * The UPC-E check digit is the check digit of that UPC-A.
 */
import { BarcodeError, gs1CheckDigit, isDigits } from './check-digit';

/**
 * Expands a UPC-E (number system 0 or 1, six digits, optional check digit: 7 or 8 digits) to
 * its 12-digit UPC-A. A given check digit is copied, not recomputed, so the caller can verify it
 * on the UPC-A; without one the correct check digit is appended.
 */
export function expandUpcE(upcE: string): string {
  if (!isDigits(upcE) || (upcE.length !== 7 && upcE.length !== 8)) {
    throw new BarcodeError(`UPC-E "${upcE}" must be 7 or 8 digits.`);
  }
  const numberSystem = upcE.charAt(0);
  if (numberSystem !== '0' && numberSystem !== '1') {
    throw new BarcodeError(`UPC-E "${upcE}" must start with number system 0 or 1.`);
  }
  const d = upcE.slice(1, 7);
  const last = Number(d.charAt(5));
  let body: string;
  if (last <= 2) {
    body = `${d.slice(0, 2)}${d.charAt(5)}0000${d.slice(2, 5)}`;
  } else if (last === 3) {
    body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  } else if (last === 4) {
    body = `${d.slice(0, 4)}00000${d.charAt(4)}`;
  } else {
    body = `${d.slice(0, 5)}0000${d.charAt(5)}`;
  }
  const upcABody = numberSystem + body;
  const check = upcE.length === 8 ? upcE.charAt(7) : String(gs1CheckDigit(upcABody));
  return upcABody + check;
}

/**
 * Compresses a 12-digit UPC-A to UPC-E when its zeros allow it, or returns null. Where several
 * UPC-E forms expand to the same UPC-A, the first rule of the table wins.
 */
export function compressUpcA(upcA: string): string | null {
  if (!isDigits(upcA) || upcA.length !== 12) {
    throw new BarcodeError(`UPC-A "${upcA}" must be 12 digits.`);
  }
  const numberSystem = upcA.charAt(0);
  if (numberSystem !== '0' && numberSystem !== '1') return null;
  const maker = upcA.slice(1, 6);
  const item = upcA.slice(6, 11);
  const check = upcA.charAt(11);
  let six: string | null = null;
  if ('012'.includes(maker.charAt(2)) && maker.endsWith('00') && item.startsWith('00')) {
    six = `${maker.slice(0, 2)}${item.slice(2)}${maker.charAt(2)}`;
  } else if (maker.endsWith('00') && item.startsWith('000')) {
    six = `${maker.slice(0, 3)}${item.slice(3)}3`;
  } else if (maker.endsWith('0') && item.startsWith('0000')) {
    six = `${maker.slice(0, 4)}${item.charAt(4)}4`;
  } else if (item.startsWith('0000') && Number(item.charAt(4)) >= 5) {
    six = `${maker}${item.charAt(4)}`;
  }
  return six === null ? null : numberSystem + six + check;
}
