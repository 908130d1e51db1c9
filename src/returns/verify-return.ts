/**
 * Re-derives a pushed return from its original with the same planReturn the register used, so
 * the sync-server trusts no amount a register sends (ARCHITECTURE.md rule 4). The register
 * planned against the returns it knew; the server may know more (or, for returns made at the
 * same time, fewer), and cumulative shares then round one minor unit apart per line. So a line
 * must match the server's plan within one minor unit, and every line's refunds together never
 * exceed what the customer paid for it: rounding can move a unit between returns, never add one.
 */
import type { ReturnDoc } from '../documents/return';
import { sum } from '../money';
import type { CashRounding } from '../documents/store-settings';
import { returnedQuantity, returnsOf } from './refundable-quantity';
import { planReturn } from './plan-return';
import type { ReturnPlan } from './plan-return';
import type { ReturnPolicy } from '../documents/parts/return-policy';
import type { ReturnSource } from './return-source';
import { checkReturnTenders, checkReturnTotals } from './verify-return-money';

export type ReturnVerificationCode =
  'over-return' | 'refund-mismatch' | 'loyalty-mismatch' | 'not-returnable';

export type ReturnVerification =
  | {
      ok: true;
      /** The refund is over the policy's threshold: a manager must have approved it. */
      needsManagerApproval: boolean;
    }
  | { ok: false; code: ReturnVerificationCode; reason: string };

export interface VerifyReturnInput {
  doc: ReturnDoc;
  source: ReturnSource;
  /** Every other return the verifier holds against the same original. */
  otherReturns: readonly ReturnDoc[];
  /** Web orders: what each line had handed over (only that may come back). */
  pickedUp?: ReadonlyMap<string, number>;
  policy: ReturnPolicy;
  cashRounding: CashRounding | null;
  /**
   * Judge the return on its own, as its register could when it was offline: the returns made
   * elsewhere meanwhile are not counted (the caller flags the over-return instead).
   */
  alone?: boolean;
  /**
   * Made without asking the server (no claim): its register could not see other stores' refunds,
   * so its refund tenders are judged on their own; the amounts still never exceed the original.
   */
  offline?: boolean;
}

const fail = (code: ReturnVerificationCode, reason: string): ReturnVerification => ({
  ok: false,
  code,
  reason,
});

export interface OverReturnedLine {
  lineId: string;
  /** What the return takes back. */
  wanted: number;
  /** What was still returnable before it (below zero once already over-returned). */
  left: number;
}

/** Lines the return takes more of than is still returnable. */
export function overReturnedLines(
  doc: ReturnDoc,
  source: ReturnSource,
  otherReturns: readonly ReturnDoc[],
  pickedUp?: ReadonlyMap<string, number>,
): OverReturnedLine[] {
  const earlier = returnsOf(source, otherReturns).filter((other) => other.id !== doc.id);
  const over: OverReturnedLine[] = [];
  for (const line of doc.lines) {
    const sold = source.lines.find((candidate) => candidate.lineId === line.originalLineId);
    if (!sold) continue;
    const handedOver = pickedUp
      ? Math.min(pickedUp.get(sold.lineId) ?? 0, sold.quantity)
      : sold.quantity;
    const left = handedOver - returnedQuantity(sold, earlier);
    if (line.quantity > left) over.push({ lineId: sold.lineId, wanted: line.quantity, left });
  }
  return over;
}

export const describeOverReturn = (lines: readonly OverReturnedLine[]): string =>
  lines
    .map((line) => `line ${line.lineId}: ${line.wanted} of ${Math.max(0, line.left)} left`)
    .join(', ');

function planOf(input: VerifyReturnInput, known: readonly ReturnDoc[]) {
  const { doc, source } = input;
  return planReturn({
    kind: 'with-receipt',
    source,
    lines: doc.lines.map((line) => ({
      originalLineId: line.originalLineId ?? '',
      quantity: line.quantity,
      reason: line.reason,
      restock: line.restock,
    })),
    knownReturns: known,
    policy: input.policy,
    now: doc.completedAt,
    cashRounding: input.cashRounding,
  });
}

function compareLines(
  doc: ReturnDoc,
  plan: ReturnPlan,
  source: ReturnSource,
  earlier: readonly ReturnDoc[],
): ReturnVerification | null {
  for (const [index, line] of doc.lines.entries()) {
    const expected = plan.lines[index];
    if (!expected) return fail('refund-mismatch', `line ${index + 1} is not on the plan`);
    if (line.sku !== expected.sku || line.productId !== expected.productId) {
      return fail(
        'refund-mismatch',
        `line ${index + 1} names ${line.sku}, but line ${expected.originalLineId ?? ''} of ${source.documentId} sold ${expected.sku}`,
      );
    }
    if (line.taxRateId !== expected.taxRateId || line.rateBp !== expected.rateBp) {
      return fail(
        'refund-mismatch',
        `line ${index + 1} carries another VAT rate than the original`,
      );
    }
    const off = (a: number, b: number) => Math.abs(a - b) > 1;
    if (off(line.refund, expected.refund) || off(line.tax, expected.tax)) {
      return fail(
        'refund-mismatch',
        `line ${index + 1} (${line.sku}) refunds ${line.refund} with tax ${line.tax}; the original's price gives ${expected.refund} with tax ${expected.tax}`,
      );
    }
    const sold = source.lines.find((candidate) => candidate.lineId === line.originalLineId);
    const before = earlier.flatMap((other) =>
      other.lines.filter((candidate) => candidate.originalLineId === line.originalLineId),
    );
    const refundedBefore = sum(before.map((candidate) => candidate.refund));
    // One unit of rounding per return, as above; never a whole price more.
    if (sold && refundedBefore + line.refund > sold.total + before.length) {
      return fail(
        'refund-mismatch',
        `line ${sold.lineId} of ${source.documentId} was paid ${sold.total}; ${refundedBefore} went back already and this return asks ${line.refund} more`,
      );
    }
  }
  return null;
}

function compareLoyalty(
  doc: ReturnDoc,
  plan: ReturnPlan,
  source: ReturnSource,
  earlier: readonly ReturnDoc[],
): ReturnVerification | null {
  const reversed = doc.loyalty.pointsEarnedReversed;
  const before = earlier.reduce((total, other) => total + other.loyalty.pointsEarnedReversed, 0);
  if (
    Math.abs(reversed - plan.loyalty.pointsEarnedReversed) > 1 ||
    before + reversed > source.pointsEarned + earlier.length
  ) {
    return fail(
      'loyalty-mismatch',
      `the return takes back ${reversed} earned points; the original's earn gives ${plan.loyalty.pointsEarnedReversed}`,
    );
  }
  const pointsTendered = doc.tenders.reduce((total, tender) => total + (tender.points ?? 0), 0);
  if (doc.loyalty.pointsRedeemedReturned !== pointsTendered) {
    return fail(
      'loyalty-mismatch',
      `the return gives back ${doc.loyalty.pointsRedeemedReturned} redeemed points but its tenders carry ${pointsTendered}`,
    );
  }
  return null;
}

/**
 * Is the pushed return what planReturn gives for its lines against the original? Over-returns
 * answer `over-return` (unless `alone`); everything else that does not add up, its own code.
 */
export function verifyReturnAgainstSource(input: VerifyReturnInput): ReturnVerification {
  const { doc, source } = input;
  const totals = checkReturnTotals(doc);
  if (totals) return fail('refund-mismatch', totals);
  if (doc.currency !== source.currency) {
    return fail(
      'refund-mismatch',
      `the return is in ${doc.currency}, ${source.documentId} in ${source.currency}`,
    );
  }
  if (doc.original?.channel !== source.channel) {
    return fail(
      'refund-mismatch',
      `${source.documentId} was sold on the ${source.channel} channel, not ${doc.original?.channel ?? 'none'}`,
    );
  }
  if ((doc.customerId ?? null) !== (source.customerId ?? null)) {
    return fail(
      'refund-mismatch',
      `the return names customer ${doc.customerId ?? '(none)'}, ${source.documentId} was bought by ${source.customerId ?? 'no customer'}`,
    );
  }
  if (Date.parse(doc.completedAt) < Date.parse(source.soldAt)) {
    return fail(
      'not-returnable',
      `the return completed at ${doc.completedAt}, before ${source.documentId} was sold or handed over (${source.soldAt})`,
    );
  }
  const others = returnsOf(source, input.otherReturns).filter((other) => other.id !== doc.id);
  const over = overReturnedLines(doc, source, others, input.pickedUp);
  if (over.length > 0 && !input.alone) {
    return fail(
      'over-return',
      `more than is still returnable of ${source.documentId} (${describeOverReturn(over)}, after ${others.length} earlier return(s))`,
    );
  }
  // Alone: the register could not see the returns it collides with, so its amounts are judged
  // as if none came before it; the caller flags the over-return.
  const earlier = input.alone && over.length > 0 ? [] : others;
  if (input.alone) {
    const byItself = overReturnedLines(doc, source, [], input.pickedUp);
    if (byItself.length > 0) {
      return fail(
        'over-return',
        `more than ${source.documentId} ever sold or handed over (${describeOverReturn(byItself)})`,
      );
    }
  }
  const result = planOf(input, earlier);
  if (!result.ok) {
    const code = result.errors.some((error) => error.code === 'quantity-exceeds-refundable')
      ? 'over-return'
      : 'not-returnable';
    return fail(code, result.errors.map((error) => error.message).join(' '));
  }
  const plan = result.plan;
  const problem =
    compareLines(doc, plan, source, earlier) ??
    compareLoyalty(doc, plan, source, earlier) ??
    checkReturnTenders(doc, source, input.offline ? [] : earlier, input.policy, input.cashRounding);
  if (problem) return problem;
  return { ok: true, needsManagerApproval: doc.totals.refund > input.policy.managerApprovalOver };
}
