/**
 * The next-number rule for receipt numbers (src/receipt/receipt-number.ts formats them). A
 * register's numbers are gapless and never reused because the number is not a counter of its
 * own: it is stored in the completed sale itself, in the one write that completes the sale, as
 * one more than the highest number among this register's stored sales. A crash before that
 * write used no number; a crash after it left the number in a stored sale, where the next sale
 * finds it. The register numbers nothing until its replica holds every numbered sale of this
 * register the server has (after a reinstall: one full pull of its store's sales), so a
 * reinstalled register never starts again from 1. docs/DATA.md, "Receipt numbers".
 */
import type { SaleDoc } from '../documents/sale';
import {
  formatReceiptNumber,
  MAX_RECEIPT_SEQUENCE,
  parseReceiptNumber,
  registerReceiptCode,
  storeReceiptCode,
} from '../receipt/receipt-number';

export type ReceiptSequenceKnowledge =
  /** The replica has not caught up with the server since it was made: numbers may be missing. */
  | { known: false }
  /** Every number this register used is in the replica; 0 before its first numbered sale. */
  | { known: true; highestUsed: number };

export type NextReceiptSequence =
  { ok: true; sequence: number } | { ok: false; reason: 'not-known' | 'exhausted' };

export function nextReceiptSequence(knowledge: ReceiptSequenceKnowledge): NextReceiptSequence {
  if (!knowledge.known) return { ok: false, reason: 'not-known' };
  if (knowledge.highestUsed >= MAX_RECEIPT_SEQUENCE) return { ok: false, reason: 'exhausted' };
  return { ok: true, sequence: knowledge.highestUsed + 1 };
}

type NumberedSale = Pick<SaleDoc, 'registerId' | 'receiptSeq'>;

/** The highest sequence among `sales` of `registerId`; 0 when none is numbered. */
export function highestReceiptSequence(sales: readonly NumberedSale[], registerId: string): number {
  let highest = 0;
  for (const sale of sales) {
    if (sale.registerId === registerId && (sale.receiptSeq ?? 0) > highest) {
      highest = sale.receiptSeq ?? 0;
    }
  }
  return highest;
}

/**
 * What is wrong with a sale's receipt number on its own, or null: it is absent on both fields (a
 * register from before numbers) or present on both, written as `formatReceiptNumber` writes it,
 * with the store's and the sale's register's codes and the sequence of `receiptSeq`.
 */
export function receiptNumberProblem(
  sale: Pick<SaleDoc, 'storeId' | 'registerId' | 'receiptNumber' | 'receiptSeq'>,
): string | null {
  const { receiptNumber, receiptSeq } = sale;
  if (receiptNumber === undefined && receiptSeq === undefined) return null;
  if (receiptNumber === undefined || receiptSeq === undefined) {
    return 'a sale carries both receiptNumber and receiptSeq, or neither';
  }
  const parts = parseReceiptNumber(receiptNumber);
  if (!parts || formatReceiptNumber(parts) !== receiptNumber) {
    return `receipt number ${receiptNumber} is not of the form Q1-01-000123`;
  }
  if (parts.sequence !== receiptSeq) {
    return `receipt number ${receiptNumber} says ${parts.sequence}, receiptSeq says ${receiptSeq}`;
  }
  const storeCode = storeReceiptCode(sale.storeId);
  const registerCode = registerReceiptCode(sale.registerId);
  if (parts.storeCode !== storeCode || parts.registerCode !== registerCode) {
    return `receipt number ${receiptNumber} is not one of store ${sale.storeId} register ${sale.registerId} (${storeCode}-${registerCode}-…)`;
  }
  return null;
}
