/**
 * AIM symbology identifiers (ISO/IEC 15424): scanners configured to send them prefix each scan
 * with "]" + a symbology letter + a modifier. They tell a GS1-128 apart from a plain Code 128 and
 * an EAN-8 apart from a UPC-E, which the data alone cannot.
 */

export type AimSymbologyName =
  | 'code-39'
  | 'code-128'
  | 'data-matrix'
  | 'ean-upc'
  | 'gs1-databar'
  | 'codabar'
  | 'code-93'
  | 'code-11'
  | 'itf'
  | 'pdf417'
  | 'micro-pdf417'
  | 'msi'
  | 'qr-code'
  | 'aztec'
  | 'dotcode'
  | 'maxicode'
  | 'han-xin'
  | 'other';

export interface AimSymbology {
  /** The identifier as transmitted, e.g. "]E0". */
  identifier: string;
  symbology: AimSymbologyName;
  modifier: string;
  /** The data is a GS1 element string (FNC1 in first position). */
  gs1: boolean;
}

const SYMBOLOGY_BY_LETTER: Readonly<Record<string, AimSymbologyName>> = {
  A: 'code-39',
  C: 'code-128',
  d: 'data-matrix',
  E: 'ean-upc',
  e: 'gs1-databar',
  F: 'codabar',
  G: 'code-93',
  H: 'code-11',
  I: 'itf',
  L: 'pdf417',
  M: 'msi',
  O: 'micro-pdf417',
  Q: 'qr-code',
  U: 'maxicode',
  z: 'aztec',
  J: 'dotcode',
  h: 'han-xin',
  X: 'other',
};

/**
 * Identifiers whose data is a GS1 element string: GS1-128 (]C1), GS1 DataMatrix (]d2, and ]d5
 * with ECI), GS1 QR Code (]Q3, and ]Q4 with ECI), GS1 DataBar (]e0, composites ]e1-]e3) and GS1
 * DotCode (]J1). More can be added here without touching the parser.
 */
const GS1_IDENTIFIERS: ReadonlySet<string> = new Set([
  ']C1',
  ']d2',
  ']d5',
  ']Q3',
  ']Q4',
  ']e0',
  ']e1',
  ']e2',
  ']e3',
  ']J1',
]);

/** Splits a leading AIM identifier off the data; `aim` is null when there is none. */
export function splitAimIdentifier(text: string): { aim: AimSymbology | null; data: string } {
  const match = /^\](.)([0-9A-Za-z])/.exec(text);
  const letter = match?.[1];
  const modifier = match?.[2];
  if (letter === undefined || modifier === undefined) return { aim: null, data: text };
  const symbology = SYMBOLOGY_BY_LETTER[letter];
  if (symbology === undefined) return { aim: null, data: text };
  const identifier = `]${letter}${modifier}`;
  return {
    aim: { identifier, symbology, modifier, gs1: GS1_IDENTIFIERS.has(identifier) },
    data: text.slice(3),
  };
}
