/**
 * The GS1 Application Identifiers Omnitill reads, as a table: adding an AI is adding a row.
 * Titles and formats follow the GS1 General Specifications (section 3) and the GS1 Barcode
 * Syntax Dictionary. Only what a store meets is listed; anything else is reported as unknown.
 */

/** How a value is checked and typed beyond its character set and length. */
export type AiValueKind =
  | 'gtin' // 14 digits, GS1 check digit
  | 'sscc' // 18 digits, GS1 check digit
  | 'gln' // 13 digits, GS1 check digit
  | 'gcn' // Global Coupon Number: GS1 check digit on the first 13 digits
  | 'date' // YYMMDD, DD = 00 allowed (end of month)
  | 'decimal' // digits with an implied decimal point given by the AI's last digit
  | 'price-iso' // ISO 4217 numeric currency (3 digits), then a decimal amount
  | 'count'
  | 'numeric'
  | 'text';

export interface ApplicationIdentifier {
  ai: string;
  title: string;
  /** N: digits; X: GS1 AI encodable character set 82. */
  charset: 'N' | 'X';
  minLength: number;
  maxLength: number;
  kind: AiValueKind;
  /** Implied decimal places, for AIs like 310n and 392n. */
  decimals?: number;
  /**
   * Length fixed by the predefined-length table (by the AI's first two digits), so the data
   * needs no FNC1 separator after it. Every other element ends at a separator or the end.
   */
  predefinedLength: boolean;
}

/** First two digits of the AIs whose length is predefined (GS1 GenSpecs 7.8.5). */
const PREDEFINED_LENGTH_PREFIXES: ReadonlySet<string> = new Set([
  '00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '31', '32', '33', '34', '35', '36', '41',
]); // prettier-ignore

type Row = Omit<ApplicationIdentifier, 'predefinedLength'>;

function fixed(
  ai: string,
  title: string,
  charset: 'N' | 'X',
  length: number,
  kind: AiValueKind,
): Row {
  return { ai, title, charset, minLength: length, maxLength: length, kind };
}

function upTo(ai: string, title: string, charset: 'N' | 'X', max: number, kind: AiValueKind): Row {
  return { ai, title, charset, minLength: 1, maxLength: max, kind };
}

/** A family like 310n: the last digit of the AI is the number of implied decimals. */
function decimalFamily(prefix: string, title: string, rows: (n: number) => Row, count = 10): Row[] {
  return Array.from({ length: count }, (_, n) => ({
    ...rows(n),
    ai: `${prefix}${n}`,
    title,
    decimals: n,
  }));
}

const ROWS: readonly Row[] = [
  fixed('00', 'SSCC', 'N', 18, 'sscc'),
  fixed('01', 'GTIN', 'N', 14, 'gtin'),
  fixed('02', 'CONTENT', 'N', 14, 'gtin'),
  upTo('10', 'BATCH/LOT', 'X', 20, 'text'),
  fixed('11', 'PROD DATE', 'N', 6, 'date'),
  fixed('12', 'DUE DATE', 'N', 6, 'date'),
  fixed('13', 'PACK DATE', 'N', 6, 'date'),
  fixed('15', 'BEST BEFORE or BEST BY', 'N', 6, 'date'),
  fixed('16', 'SELL BY', 'N', 6, 'date'),
  fixed('17', 'USE BY OR EXPIRY', 'N', 6, 'date'),
  fixed('20', 'VARIANT', 'N', 2, 'numeric'),
  upTo('21', 'SERIAL', 'X', 20, 'text'),
  upTo('22', 'CPV', 'X', 20, 'text'),
  upTo('240', 'ADDITIONAL ID', 'X', 30, 'text'),
  upTo('241', 'CUST. PART No.', 'X', 30, 'text'),
  upTo('250', 'SECONDARY SERIAL', 'X', 30, 'text'),
  upTo('254', 'GLN EXTENSION COMPONENT', 'X', 20, 'text'),
  { ...upTo('255', 'GCN', 'N', 25, 'gcn'), minLength: 13 },
  upTo('30', 'VAR. COUNT', 'N', 8, 'count'),
  ...decimalFamily('310', 'NET WEIGHT (kg)', () => fixed('', '', 'N', 6, 'decimal'), 6),
  ...decimalFamily('315', 'NET VOLUME (l)', () => fixed('', '', 'N', 6, 'decimal'), 6),
  ...decimalFamily('330', 'GROSS WEIGHT (kg)', () => fixed('', '', 'N', 6, 'decimal'), 6),
  upTo('37', 'COUNT', 'N', 8, 'count'),
  ...decimalFamily('390', 'AMOUNT', () => upTo('', '', 'N', 15, 'decimal')),
  ...decimalFamily('392', 'PRICE', () => upTo('', '', 'N', 15, 'decimal')),
  ...decimalFamily('393', 'PRICE', () => ({ ...upTo('', '', 'N', 18, 'price-iso'), minLength: 4 })),
  upTo('400', 'ORDER NUMBER', 'X', 30, 'text'),
  fixed('410', 'SHIP TO LOC', 'N', 13, 'gln'),
  fixed('414', 'LOC No.', 'N', 13, 'gln'),
  fixed('422', 'ORIGIN', 'N', 3, 'numeric'),
  fixed('8005', 'PRICE PER UNIT', 'N', 6, 'numeric'),
  upTo('8200', 'PRODUCT URL', 'X', 70, 'text'),
  upTo('90', 'INTERNAL', 'X', 30, 'text'),
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) =>
    upTo(ai, 'INTERNAL', 'X', 90, 'text'),
  ),
];

export const APPLICATION_IDENTIFIERS: ReadonlyMap<string, ApplicationIdentifier> = new Map(
  ROWS.map((row) => [
    row.ai,
    { ...row, predefinedLength: PREDEFINED_LENGTH_PREFIXES.has(row.ai.slice(0, 2)) },
  ]),
);

/**
 * The AI that starts `text` at `offset`, if known. AIs are prefix-free (no AI is the start of
 * another), so trying 2, 3 and 4 digits in turn finds at most one.
 */
export function applicationIdentifierAt(
  text: string,
  offset = 0,
): ApplicationIdentifier | undefined {
  for (const length of [2, 3, 4]) {
    const candidate = text.slice(offset, offset + length);
    if (candidate.length < length || !/^\d+$/.test(candidate)) return undefined;
    const found = APPLICATION_IDENTIFIERS.get(candidate);
    if (found) return found;
  }
  return undefined;
}

/** The GS1 AI encodable character set 82, the characters an X field may hold. */
export const CHARACTER_SET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
