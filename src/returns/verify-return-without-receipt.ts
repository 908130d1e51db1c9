/**
 * A return without a receipt, re-derived: allowed only when the policy takes them, priced per
 * line from the catalog at the time of the return (planReturn's without-receipt rule, with the
 * same pricing module), refunded only as store credit. The approver is checked by the caller,
 * who knows the staff (return-approval.ts says whose role allows it).
 */
import type { ProductDoc } from '../documents/product';
import type { ReturnDoc } from '../documents/return';
import type { CashRounding } from '../documents/store-settings';
import type { PricingContext } from '../pricing/pricing-context';
import { planReturn } from './plan-return';
import type { ReturnPolicy } from '../documents/parts/return-policy';
import type { ReturnVerification } from './verify-return';
import { checkReturnTenders, checkReturnTotals } from './verify-return-money';

export interface VerifyWithoutReceiptInput {
  doc: ReturnDoc;
  policy: ReturnPolicy;
  /** The store's pricing at the time of the return. */
  pricing: PricingContext;
  cashRounding: CashRounding | null;
  productBySku: (sku: string) => ProductDoc | undefined;
}

const fail = (code: 'refund-mismatch' | 'not-returnable', reason: string): ReturnVerification => ({
  ok: false,
  code,
  reason,
});

export function verifyReturnWithoutReceipt(input: VerifyWithoutReceiptInput): ReturnVerification {
  const { doc, policy } = input;
  if (!policy.withoutReceipt.allowed) {
    return fail(
      'not-returnable',
      'the store does not take returns without a receipt; return against the sale or web order',
    );
  }
  const totals = checkReturnTotals(doc);
  if (totals) return fail('refund-mismatch', totals);
  const cartLines = [];
  for (const [index, line] of doc.lines.entries()) {
    const product = input.productBySku(line.sku);
    if (!product || product.id !== line.productId) {
      return fail('not-returnable', `line ${index + 1}: ${line.sku} is not in the catalog`);
    }
    const weighed = product.pricing === 'weight';
    cartLines.push({
      cartLine: {
        lineId: `l${index + 1}`,
        productId: product.id,
        sku: product.sku,
        name: line.name,
        categoryId: product.categoryId,
        pricing: product.pricing,
        unitPrice: product.unitPrice,
        quantity: weighed ? 1 : line.quantity,
        ...(weighed ? { grams: line.quantity } : {}),
        taxRateId: product.taxRateId,
        ...(product.finalSale ? { finalSale: true } : {}),
      },
      reason: line.reason,
      restock: line.restock,
    });
  }
  const result = planReturn({
    kind: 'without-receipt',
    lines: cartLines,
    pricing: input.pricing,
    knownReturns: [],
    policy,
    now: doc.completedAt,
    cashRounding: input.cashRounding,
  });
  if (!result.ok) {
    return fail('not-returnable', result.errors.map((error) => error.message).join(' '));
  }
  for (const [index, line] of doc.lines.entries()) {
    const expected = result.plan.lines[index];
    if (!expected || line.refund !== expected.refund || line.tax !== expected.tax) {
      return fail(
        'refund-mismatch',
        `line ${index + 1} (${line.sku}) refunds ${line.refund}; the catalog price at ${doc.completedAt} gives ${expected?.refund ?? 0}`,
      );
    }
  }
  if (doc.loyalty.pointsEarnedReversed !== 0 || doc.loyalty.pointsRedeemedReturned !== 0) {
    return fail('refund-mismatch', 'a return without a receipt moves no loyalty points');
  }
  const tenders = checkReturnTenders(doc, undefined, [], policy, input.cashRounding);
  if (tenders) return tenders;
  return {
    ok: true,
    needsManagerApproval: doc.totals.refund > policy.withoutReceipt.managerApprovalOver,
  };
}
