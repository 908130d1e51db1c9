/**
 * Which tenders a refund goes back to. Money goes back the way it came: the refund is spread over
 * the original tenders with the allocator, by what each still has to give back, and only what
 * cannot go back that way (no receipt, a tender that can no longer take money) goes to the
 * policy's fallback. Cash refunds are rounded like cash sales, and the refund that empties a cash
 * tender gives back exactly what it kept, so a sale and its full return net to zero.
 */
import { allocate, minor, roundDiv, sum } from '../money';
import type { Minor } from '../money';
import type { CashRounding } from '../documents/store-settings';
import { roundCash } from './settle';
import type { AppliedTender, RefundTender } from '../documents/parts/tender';

export type RefundFallback = 'store-credit' | 'cash';

export interface RefundTenderRequest {
  /** The value to refund (from the returns module, never more than was paid). */
  refund: Minor;
  /** The sale's settled tenders; absent when the customer has no receipt. */
  originalTenders?: readonly AppliedTender[];
  /** Every earlier refund tender against the same sale. */
  previousRefunds?: readonly RefundTender[];
  /** Original tenders that cannot take a refund now (expired card, closed gift card...). */
  unavailableTenderIds?: readonly string[];
  fallback: RefundFallback;
  cashRounding: CashRounding | null;
}

function kept(tender: AppliedTender): Minor {
  return minor(tender.applied + tender.rounding);
}

/** A bank transfer cannot be sent back from the counter: its refund goes to the fallback. */
type RefundableTender = Exclude<AppliedTender, { kind: 'bank-transfer' }>;

function refundable(tender: AppliedTender): tender is RefundableTender {
  return tender.kind !== 'bank-transfer';
}

function refundTo(
  tender: RefundableTender,
  covers: Minor,
  earlier: readonly RefundTender[],
  cashRounding: CashRounding | null,
): RefundTender {
  const coveredBefore = sum(earlier.map((refund) => refund.covers));
  const base = { kind: tender.kind, originalTenderId: tender.tenderId, covers };
  switch (tender.kind) {
    case 'cash': {
      const givenBefore = sum(earlier.map((refund) => refund.amount));
      const left = minor(kept(tender) - givenBefore);
      const emptied = coveredBefore + covers === tender.applied;
      const amount = emptied ? left : minor(Math.min(roundCash(covers, cashRounding), left));
      return { ...base, amount };
    }
    case 'loyalty-points': {
      // Cumulative pro rata: the refund that empties the tender returns exactly the points left.
      const pointsAt = (value: number) =>
        Number(roundDiv(BigInt(tender.points) * BigInt(value), BigInt(tender.applied), 'half-up'));
      const points = pointsAt(coveredBefore + covers) - pointsAt(coveredBefore);
      return { ...base, amount: covers, points };
    }
    case 'gift-card':
      return { ...base, amount: covers, cardNumber: tender.cardNumber };
    case 'card':
      return { ...base, amount: covers, originalApprovalCode: tender.approvalCode };
    case 'store-credit':
      return { ...base, amount: covers };
  }
}

export function planRefundTenders(request: RefundTenderRequest): RefundTender[] {
  const previous = request.previousRefunds ?? [];
  const unavailable = new Set(request.unavailableTenderIds ?? []);
  const originals = (request.originalTenders ?? [])
    .filter(refundable)
    .filter((tender) => tender.applied > 0 && !unavailable.has(tender.tenderId));
  const earlierFor = (tender: RefundableTender) =>
    previous.filter((refund) => refund.originalTenderId === tender.tenderId);
  const left = originals.map((tender) =>
    Math.max(0, tender.applied - sum(earlierFor(tender).map((refund) => refund.covers))),
  );
  const onOriginals = minor(
    Math.min(
      request.refund,
      left.reduce((a, b) => a + b, 0),
    ),
  );
  const refunds: RefundTender[] = [];
  if (onOriginals > 0) {
    const shares = allocate(onOriginals, left);
    originals.forEach((tender, index) => {
      const covers = shares[index] ?? minor(0);
      if (covers > 0) {
        refunds.push(refundTo(tender, covers, earlierFor(tender), request.cashRounding));
      }
    });
  }
  const rest = minor(request.refund - onOriginals);
  if (rest > 0) {
    refunds.push({
      kind: request.fallback,
      covers: rest,
      amount: request.fallback === 'cash' ? roundCash(rest, request.cashRounding) : rest,
    });
  }
  return refunds;
}
