/**
 * What the cashier typed or scanned to find an order or a receipt: every scan goes through
 * classifyScan first (an OMNITILL QR, a receipt's Code 128, a web shop link), and anything else
 * short and plain is read as a receipt number (`Q1-01-000123`) or else a web order number the
 * customer quotes (e.g. W-7K3M9Q2P).
 */
import { classifyScan, DEFAULT_BARCODE_LAYOUTS } from '../../src/barcodes';
import type { BarcodeLayouts, ScanResult } from '../../src/barcodes';
import type { CurrencyCode } from '../../src/money';
import { formatReceiptNumber, parseReceiptNumber } from '../../src/receipt/receipt-number';

export type LookupQuery =
  | { kind: 'order'; key: string }
  | { kind: 'sale'; id: string }
  /** A receipt number as printed (`Q1-01-000123`), in its one written form. */
  | { kind: 'sale-number'; number: string }
  | { kind: 'invalid'; reason: 'empty' | 'return-receipt' | 'not-a-document'; text: string };

const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

export function readLookupInput(
  text: string,
  context: { today: string; currency: CurrencyCode; layouts?: BarcodeLayouts },
): LookupQuery {
  const entry = text.trim();
  if (!entry) return { kind: 'invalid', reason: 'empty', text: entry };
  const scan = classifyScan(entry, {
    today: context.today,
    currency: context.currency,
    layouts: context.layouts ?? DEFAULT_BARCODE_LAYOUTS,
  });
  return lookupOfScan(scan);
}

/** The document a classified scan names (an order, a sale's receipt), or why it names none. */
export function lookupOfScan(scan: ScanResult): LookupQuery {
  const entry = scan.raw.trim();
  if (scan.kind === 'order') return { kind: 'order', key: scan.orderId };
  if (scan.kind === 'receipt') {
    return scan.document === 'sale'
      ? { kind: 'sale', id: scan.id }
      : { kind: 'invalid', reason: 'return-receipt', text: entry };
  }
  // Before order numbers: `Q1-01-000123` would pass for one.
  const receiptNumber = parseReceiptNumber(entry);
  if (receiptNumber) return { kind: 'sale-number', number: formatReceiptNumber(receiptNumber) };
  if (ORDER_NUMBER.test(entry) && !/^\d+$/.test(entry)) {
    return { kind: 'order', key: entry.toUpperCase() };
  }
  return { kind: 'invalid', reason: 'not-a-document', text: entry };
}
