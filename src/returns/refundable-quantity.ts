/**
 * What is still returnable is a sum, never a counter: the quantity sold minus every return known
 * for the document, from any channel or store. The caller gathers the return documents (its
 * store's replica, plus the server's answer for other stores when online).
 */
import { roundDiv } from '../money';
import type { ReturnDoc } from '../documents/return';
import type { RefundTender } from '../documents/parts/tender';
import type { ReturnSource, ReturnSourceLine } from './return-source';

export function returnsOf(source: ReturnSource, knownReturns: readonly ReturnDoc[]): ReturnDoc[] {
  return knownReturns.filter((doc) => doc.original?.documentId === source.documentId);
}

/** Pieces (or grams) of the line already returned. */
export function returnedQuantity(line: ReturnSourceLine, returns: readonly ReturnDoc[]): number {
  let returned = 0;
  for (const doc of returns) {
    for (const returnLine of doc.lines) {
      if (returnLine.originalLineId === line.lineId) returned += returnLine.quantity;
    }
  }
  return returned;
}

export function refundableQuantity(
  source: ReturnSource,
  lineId: string,
  knownReturns: readonly ReturnDoc[],
): number {
  const line = source.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) return 0;
  return Math.max(0, line.quantity - returnedQuantity(line, returnsOf(source, knownReturns)));
}

/** Every refund tender already paid out against the source. */
export function previousRefundTenders(returns: readonly ReturnDoc[]): RefundTender[] {
  return returns.flatMap((doc) => doc.tenders);
}

/**
 * The share of `whole` that `part` of `of` stands for, taken cumulatively: the share of
 * (before + now) minus the share of (before). Partial returns therefore always add up to
 * exactly `whole` once everything is back, and never to more.
 */
export function cumulativeShare(whole: number, before: number, now: number, of: number): number {
  if (of === 0) return 0;
  const at = (count: number) =>
    Number(roundDiv(BigInt(whole) * BigInt(count), BigInt(of), 'half-up'));
  return at(before + now) - at(before);
}
