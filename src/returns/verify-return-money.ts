/**
 * The money rules every return must meet, whatever the register says: never a negative refund,
 * totals that are the sum of the lines, refund tenders that carry exactly the refund, and money
 * that goes back the way it came (planRefundTenders) or to the policy's fallback. A refund onto
 * a gift card goes back only onto the card that paid the original: a return never tops up
 * another card. Without a receipt, the only tender is store credit (planReturn's rule).
 */
import type { ReturnDoc } from '../documents/return';
import type { CashRounding } from '../documents/store-settings';
import { sum } from '../money';
import type { RefundTender } from '../documents/parts/tender';
import type { ReturnPolicy } from '../documents/parts/return-policy';
import type { ReturnSource } from './return-source';

/** Why the return's own numbers do not add up, or null. */
export function checkReturnTotals(doc: ReturnDoc): string | null {
  for (const [index, line] of doc.lines.entries()) {
    if (line.refund < 0 || line.tax < 0 || line.tax > line.refund) {
      return `line ${index + 1} refunds ${line.refund} with tax ${line.tax}; a refund is never negative and its tax is part of it`;
    }
  }
  const refund = sum(doc.lines.map((line) => line.refund));
  const tax = sum(doc.lines.map((line) => line.tax));
  if (
    doc.totals.refund !== refund ||
    doc.totals.tax !== tax ||
    doc.totals.taxable !== refund - tax
  ) {
    return `the totals (refund ${doc.totals.refund}, tax ${doc.totals.tax}) are not the sum of the lines (${refund}, ${tax})`;
  }
  for (const tender of doc.tenders) {
    if (tender.amount < 0 || tender.covers < 0 || (tender.points ?? 0) < 0) {
      return `a ${tender.kind} refund tender of ${tender.amount} is negative`;
    }
  }
  const covered = sum(doc.tenders.map((tender) => tender.covers));
  if (covered !== refund) {
    return `the refund tenders cover ${covered}, the lines refund ${refund}`;
  }
  const paid = sum(doc.tenders.map((tender) => tender.amount));
  if (doc.cashRoundingAdjustment !== paid - covered) {
    return `cashRoundingAdjustment is ${doc.cashRoundingAdjustment}, the tenders pay ${paid - covered} more than they cover`;
  }
  return null;
}

type TenderVerdict = { ok: false; code: 'refund-mismatch'; reason: string } | null;

const refuse = (reason: string): TenderVerdict => ({ ok: false, code: 'refund-mismatch', reason });

function roundingProblem(tender: RefundTender, cashRounding: CashRounding | null): string | null {
  const step = tender.kind === 'cash' ? (cashRounding?.increment ?? 0) : 0;
  if (Math.abs(tender.amount - tender.covers) > step) {
    return `a ${tender.kind} refund tender pays ${tender.amount} for ${tender.covers}: only cash is rounded, by at most ${step}`;
  }
  return null;
}

/**
 * Where each refund tender sends the money. `source` is absent for a return without receipt.
 * `earlier` are the returns already counted against the same original.
 */
export function checkReturnTenders(
  doc: ReturnDoc,
  source: ReturnSource | undefined,
  earlier: readonly ReturnDoc[],
  policy: ReturnPolicy,
  cashRounding: CashRounding | null,
): TenderVerdict {
  const usedBefore = earlier.flatMap((other) => other.tenders);
  for (const tender of doc.tenders) {
    const rounding = roundingProblem(tender, cashRounding);
    if (rounding) return refuse(rounding);
    if (tender.originalTenderId === undefined) {
      if (tender.kind === 'gift-card') {
        return refuse(
          'a return never tops up a gift card: refund onto the card that paid, or by the return policy',
        );
      }
      const allowed = !source
        ? 'store-credit'
        : doc.exchangeSaleId !== undefined && tender.kind === 'store-credit'
          ? 'store-credit'
          : policy.fallbackRefund;
      if (tender.kind !== allowed) {
        return refuse(
          `${tender.kind} is not a refund the return policy allows here; money goes back to the original tenders or as ${allowed}`,
        );
      }
      if (tender.points !== undefined || tender.cardNumber !== undefined) {
        return refuse(`a ${tender.kind} refund tender carries no points or card number`);
      }
      continue;
    }
    const original = source?.tenders.find((paid) => paid.tenderId === tender.originalTenderId);
    if (!original || original.kind !== tender.kind) {
      return refuse(
        `refund tender ${tender.originalTenderId} (${tender.kind}) is not a tender of the original`,
      );
    }
    if (original.kind === 'gift-card' && tender.cardNumber !== original.cardNumber) {
      return refuse(
        `a gift-card refund goes back onto card ${original.cardNumber}, which paid; a return never tops up another card`,
      );
    }
    if (original.kind !== 'gift-card' && tender.cardNumber !== undefined) {
      return refuse(`a ${tender.kind} refund tender carries no card number`);
    }
    const same = [...usedBefore, tender].filter(
      (refund) => refund.originalTenderId === tender.originalTenderId,
    );
    const covered = sum(same.map((refund) => refund.covers));
    // A register that did not know every earlier return spread its refund over the tenders by
    // what it thought was left: rounding may then put one unit more on a tender per return.
    if (covered > original.applied + same.length - 1) {
      return refuse(
        `tender ${original.tenderId} paid ${original.applied}; refunds on it would come to ${covered}`,
      );
    }
    const points = same.reduce((total, refund) => total + (refund.points ?? 0), 0);
    const paidPoints = original.kind === 'loyalty-points' ? original.points : 0;
    if (points > paidPoints) {
      return refuse(
        `tender ${original.tenderId} paid ${paidPoints} points; ${points} would go back`,
      );
    }
  }
  return null;
}
