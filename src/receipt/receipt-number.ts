/**
 * The receipt number people read, say and type: `<store code>-<register code>-<sequence>`, e.g.
 * `Q1-01-000123`. The sequence is per register, from 1, gapless and never reused (how that is
 * kept: src/sales/receipt-sequence.ts and docs/DATA.md, "Receipt numbers"). The sale's long id
 * (`sale_01M8…`) stays the key every document points at; this number is what is printed and
 * searched. One format and one parse, used by the register, the receipt and the sync-server.
 */

/** At least six digits are printed; a register past 999,999 sales prints seven and on. */
export const RECEIPT_SEQUENCE_DIGITS = 6;
/** The largest sequence the schema takes (nine digits). */
export const MAX_RECEIPT_SEQUENCE = 999_999_999;
/** A store or register code is one to four letters or digits. */
const CODE_LENGTH = 4;

export interface ReceiptNumberParts {
  storeCode: string;
  registerCode: string;
  sequence: number;
}

const RECEIPT_NUMBER = /^([A-Z0-9]{1,4})-([A-Z0-9]{1,4})-(\d{6,9})$/;

/**
 * A short code from an id: its last `-`/`_`/`.`-separated part that has a letter or digit, in
 * capitals, its last four characters. `hcm-q1` is `Q1`, `reg-01` is `01`, `HN_HOANKIEM` is
 * `KIEM`. Derived, not configured: the register and the server compute the same code from the
 * ids they both already hold (docs/DATA.md names the choice).
 */
function shortCode(id: string): string {
  const parts = id
    .toUpperCase()
    .split(/[-_.\s]+/)
    .map((part) => part.replace(/[^A-Z0-9]/g, ''))
    .filter((part) => part.length > 0);
  const last = parts[parts.length - 1] ?? '';
  return last.length > 0 ? last.slice(-CODE_LENGTH) : 'X';
}

/** The store's part of its receipt numbers (`hcm-q1` → `Q1`). */
export function storeReceiptCode(storeId: string): string {
  return shortCode(storeId);
}

/** The register's part of its receipt numbers (`reg-01` → `01`). */
export function registerReceiptCode(registerId: string): string {
  return shortCode(registerId);
}

/** `Q1-01-000123`. Throws on a sequence outside 1…MAX_RECEIPT_SEQUENCE (a caller's bug). */
export function formatReceiptNumber(parts: ReceiptNumberParts): string {
  const { sequence } = parts;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_RECEIPT_SEQUENCE) {
    throw new RangeError(`Receipt sequence ${sequence} is not a whole number 1…999999999.`);
  }
  const digits = String(sequence).padStart(RECEIPT_SEQUENCE_DIGITS, '0');
  return `${parts.storeCode}-${parts.registerCode}-${digits}`;
}

/** The number of a register's `sequence`th sale, from the store and register ids. */
export function receiptNumberFor(storeId: string, registerId: string, sequence: number): string {
  return formatReceiptNumber({
    storeCode: storeReceiptCode(storeId),
    registerCode: registerReceiptCode(registerId),
    sequence,
  });
}

/**
 * What a person typed or a scanner read, as a receipt number, or null when it is none. Case and
 * spaces around it do not matter (`q1-01-000123 `); the sequence keeps its printed zeros.
 */
export function parseReceiptNumber(text: string): ReceiptNumberParts | null {
  const match = RECEIPT_NUMBER.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, storeCode = '', registerCode = '', digits = ''] = match;
  const sequence = Number(digits);
  if (sequence < 1) return null;
  // A number is written one way only: `Q1-01-0000123` is not `Q1-01-000123` padded further.
  if (digits.length > RECEIPT_SEQUENCE_DIGITS && digits.startsWith('0')) return null;
  return { storeCode, registerCode, sequence };
}
