/**
 * GTINs as printed (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14) and their one lookup form, GTIN-14:
 * the same item scanned from a UPC-A, its EAN-13 or a GS1 DataMatrix gives the same key.
 */
import { BarcodeError, gs1CheckDigit, hasValidGs1CheckDigit, isDigits } from './check-digit';
import { expandUpcE } from './upc-e';

export type GtinFormat = 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'gtin-14';

export const GTIN_FORMAT_NAMES: Readonly<Record<GtinFormat, string>> = {
  'ean-13': 'EAN-13',
  'ean-8': 'EAN-8',
  'upc-a': 'UPC-A',
  'upc-e': 'UPC-E',
  'gtin-14': 'GTIN-14',
};

export const GTIN_FORMAT_LENGTHS: Readonly<Record<GtinFormat, number>> = {
  'ean-13': 13,
  'ean-8': 8,
  'upc-a': 12,
  'upc-e': 8,
  'gtin-14': 14,
};

export type GtinProblem = 'length' | 'format' | 'check-digit';

export type GtinCheck =
  | { ok: true; format: GtinFormat; code: string; gtin14: string }
  | { ok: false; reason: GtinProblem; message: string };

function fail(reason: GtinProblem, message: string): GtinCheck {
  return { ok: false, reason, message };
}

function checkDigitMessage(name: string, code: string, expected: number): string {
  return `${name} ${code}: check digit should be ${expected}, not ${code.slice(-1)}`;
}

/** Checks `code` as the given format: digits, length, number system (UPC-E), check digit. */
export function checkGtin(code: string, format: GtinFormat): GtinCheck {
  const name = GTIN_FORMAT_NAMES[format];
  const length = GTIN_FORMAT_LENGTHS[format];
  if (!isDigits(code)) return fail('format', `${name} "${code}" must be digits only`);
  if (code.length !== length) {
    return fail('length', `${name} ${code}: ${code.length} digits, expected ${length}`);
  }
  if (format === 'upc-e') {
    if (code[0] !== '0' && code[0] !== '1') {
      return fail('format', `UPC-E ${code}: number system must be 0 or 1, not ${code[0]}`);
    }
    const upcA = expandUpcE(code);
    if (!hasValidGs1CheckDigit(upcA)) {
      return fail('check-digit', checkDigitMessage(name, code, gs1CheckDigit(upcA.slice(0, -1))));
    }
    return { ok: true, format, code, gtin14: `00${upcA}` };
  }
  if (!hasValidGs1CheckDigit(code)) {
    return fail('check-digit', checkDigitMessage(name, code, gs1CheckDigit(code.slice(0, -1))));
  }
  return { ok: true, format, code, gtin14: code.padStart(14, '0') };
}

/**
 * Checks a code whose format is known only by its length. Eight digits are ambiguous: a UPC-E
 * (number system 0 or 1) or an EAN-8. A code starting 0 or 1 is read as UPC-E when its UPC-E
 * check digit holds, else as EAN-8; when neither holds the message names both expectations.
 */
export function detectGtin(code: string): GtinCheck {
  if (!isDigits(code)) return fail('format', `"${code}" is not a GTIN: digits only`);
  switch (code.length) {
    case 13:
      return checkGtin(code, 'ean-13');
    case 12:
      return checkGtin(code, 'upc-a');
    case 14:
      return checkGtin(code, 'gtin-14');
    case 8: {
      if (code[0] !== '0' && code[0] !== '1') return checkGtin(code, 'ean-8');
      const asUpcE = checkGtin(code, 'upc-e');
      if (asUpcE.ok) return asUpcE;
      const asEan8 = checkGtin(code, 'ean-8');
      if (asEan8.ok) return asEan8;
      const upcE = gs1CheckDigit(expandUpcE(code).slice(0, -1));
      const ean8 = gs1CheckDigit(code.slice(0, -1));
      return fail(
        'check-digit',
        `UPC-E/EAN-8 ${code}: check digit should be ${upcE} (UPC-E) or ${ean8} (EAN-8), not ${code[7]}`,
      );
    }
    default:
      return fail(
        'length',
        `${code}: ${code.length} digits; EAN-8, UPC-E, UPC-A, EAN-13 and GTIN-14 have 8, 12, 13 or 14`,
      );
  }
}

/**
 * True for an 8-, 12-, 13- or 14-digit GTIN with a correct check digit. UPC-E is not a GTIN
 * (expand it first); an 8-digit code is checked as GTIN-8.
 */
export function isValidGtin(code: string): boolean {
  return [8, 12, 13, 14].includes(code.length) && hasValidGs1CheckDigit(code);
}

/**
 * The GTIN-14 lookup key for a printed code. Catalog barcodes and scans must both go through
 * here so they meet; 8-digit codes follow `detectGtin` unless the format is given. Throws on an
 * invalid code: catalog data is checked on import, and scans arrive already checked.
 */
export function toGtin14(code: string, format?: GtinFormat): string {
  const checked = format === undefined ? detectGtin(code) : checkGtin(code, format);
  if (!checked.ok) throw new BarcodeError(checked.message);
  return checked.gtin14;
}

/** Appends the check digit to 12 digits, for the demo data generator and for in-store codes. */
export function makeEan13(body12: string): string {
  if (!isDigits(body12) || body12.length !== 12) {
    throw new BarcodeError(`An EAN-13 body is 12 digits, not "${body12}".`);
  }
  return body12 + String(gs1CheckDigit(body12));
}
