/**
 * Works out a return before it is written: which lines, how much back per line and per tax rate,
 * to which tenders, and the loyalty points to reverse. Refunds are pro rata to what the customer
 * actually paid for each line (order discounts, promotions and tax included), taken cumulatively
 * so partial returns add up to exactly what was paid and never more. Problems come back as a
 * result with codes, because the cashier has to explain them to the customer.
 */
import { minor, sum } from '../money';
import type { Minor } from '../money';
import type { CashRounding } from '../documents/store-settings';
import type { ReturnDoc, ReturnLine } from '../documents/return';
import type { CartLineInput } from '../documents/parts/cart';
import { priceCart } from '../pricing/price-cart';
import type { PricingContext } from '../pricing/pricing-context';
import { compareText } from '../tax/document-tax';
import type { TaxBreakdownEntry } from '../documents/parts/cart';
import { planRefundTenders } from '../tenders/refund-tenders';
import type { RefundTender } from '../documents/parts/tender';
import {
  cumulativeShare,
  previousRefundTenders,
  returnedQuantity,
  returnsOf,
} from './refundable-quantity';
import type { ReturnPolicy } from '../documents/parts/return-policy';
import type { ReturnSource } from './return-source';
import { checkReturnWindow } from './return-window';

export interface ReturnRequestLine {
  originalLineId: string;
  /** Pieces, or grams for a weighed line. */
  quantity: number;
  reason: string;
  restock: boolean;
}

export interface NoReceiptReturnLine {
  /** The item as it would be rung up today; it is priced with priceCart at `pricing.now`. */
  cartLine: CartLineInput;
  reason: string;
  restock: boolean;
}

interface ReturnRequestBase {
  knownReturns: readonly ReturnDoc[];
  policy: ReturnPolicy;
  /** ISO 8601 UTC time of the return. */
  now: string;
  cashRounding: CashRounding | null;
}

export type ReturnRequest =
  | (ReturnRequestBase & {
      kind: 'with-receipt';
      source: ReturnSource;
      lines: ReturnRequestLine[];
      unavailableTenderIds?: string[];
    })
  | (ReturnRequestBase & {
      kind: 'without-receipt';
      lines: NoReceiptReturnLine[];
      pricing: PricingContext;
    });

/** Everything a ReturnDoc holds that is computed; the register adds ids, staff and times. */
export interface ReturnPlan {
  original?: ReturnDoc['original'];
  customerId?: string;
  lines: ReturnLine[];
  totals: ReturnDoc['totals'];
  taxBreakdown: TaxBreakdownEntry[];
  tenders: RefundTender[];
  cashRoundingAdjustment: Minor;
  loyalty: ReturnDoc['loyalty'];
  /** The refund is over the policy's threshold: a manager must approve (set approvedBy). */
  needsManagerApproval: boolean;
}

export type ReturnErrorCode =
  | 'no-lines'
  | 'unknown-line'
  | 'duplicate-line'
  | 'invalid-quantity'
  | 'quantity-exceeds-refundable'
  | 'final-sale'
  | 'outside-return-window'
  | 'without-receipt-not-allowed';

export interface ReturnError {
  code: ReturnErrorCode;
  message: string;
  lineId?: string;
}

export type ReturnPlanResult =
  { ok: true; plan: ReturnPlan } | { ok: false; errors: ReturnError[] };

function breakdownOf(lines: readonly ReturnLine[]): TaxBreakdownEntry[] {
  const byRate = new Map<string, TaxBreakdownEntry>();
  for (const line of lines) {
    const entry = byRate.get(line.taxRateId) ?? {
      taxRateId: line.taxRateId,
      rateBp: line.rateBp,
      taxable: minor(0),
      tax: minor(0),
      total: minor(0),
    };
    entry.taxable = minor(entry.taxable + line.refund - line.tax);
    entry.tax = minor(entry.tax + line.tax);
    entry.total = minor(entry.total + line.refund);
    byRate.set(line.taxRateId, entry);
  }
  return [...byRate.values()].sort((a, b) =>
    a.rateBp === b.rateBp ? compareText(a.taxRateId, b.taxRateId) : a.rateBp - b.rateBp,
  );
}

function finish(
  lines: ReturnLine[],
  tenders: RefundTender[],
  pointsEarnedReversed: number,
  approvalOver: Minor,
  extra: Pick<ReturnPlan, 'original' | 'customerId'>,
): ReturnPlan {
  const refund = sum(lines.map((line) => line.refund));
  const tax = sum(lines.map((line) => line.tax));
  return {
    ...extra,
    lines,
    totals: { refund, taxable: minor(refund - tax), tax },
    taxBreakdown: breakdownOf(lines),
    tenders,
    cashRoundingAdjustment: minor(
      sum(tenders.map((tender) => tender.amount)) - sum(tenders.map((tender) => tender.covers)),
    ),
    loyalty: {
      pointsEarnedReversed,
      pointsRedeemedReturned: tenders.reduce((total, tender) => total + (tender.points ?? 0), 0),
    },
    needsManagerApproval: refund > approvalOver,
  };
}

function planWithReceipt(request: Extract<ReturnRequest, { kind: 'with-receipt' }>) {
  const { source, policy } = request;
  const errors: ReturnError[] = [];
  const earlier = returnsOf(source, request.knownReturns);
  const lines: ReturnLine[] = [];
  const seen = new Set<string>();
  for (const wanted of request.lines) {
    const lineId = wanted.originalLineId;
    const line = source.lines.find((candidate) => candidate.lineId === lineId);
    if (!line) {
      errors.push({
        code: 'unknown-line',
        lineId,
        message: `Line "${lineId}" is not on ${source.documentId}; pick a line from the receipt.`,
      });
      continue;
    }
    if (seen.has(lineId)) {
      errors.push({
        code: 'duplicate-line',
        lineId,
        message: `"${line.name}" is listed twice; return it once with the full quantity.`,
      });
      continue;
    }
    seen.add(lineId);
    if (!Number.isSafeInteger(wanted.quantity) || wanted.quantity < 1) {
      errors.push({
        code: 'invalid-quantity',
        lineId,
        message: `Return quantity ${wanted.quantity} for "${line.name}" is not valid; enter a whole number, at least 1.`,
      });
      continue;
    }
    if (line.finalSale) {
      errors.push({
        code: 'final-sale',
        lineId,
        message: `"${line.name}" was sold as final sale and cannot be returned.`,
      });
      continue;
    }
    const windowError = checkReturnWindow(policy, source.channel, line, source.soldAt, request.now);
    if (windowError) {
      errors.push(windowError);
      continue;
    }
    const before = returnedQuantity(line, earlier);
    const left = line.quantity - before;
    if (wanted.quantity > left) {
      errors.push({
        code: 'quantity-exceeds-refundable',
        lineId,
        message: `Only ${Math.max(left, 0)} of "${line.name}" can still be returned (${line.quantity} sold, ${before} already returned).`,
      });
      continue;
    }
    lines.push({
      originalLineId: lineId,
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      categoryId: line.categoryId,
      quantity: wanted.quantity,
      refund: minor(cumulativeShare(line.total, before, wanted.quantity, line.quantity)),
      tax: minor(cumulativeShare(line.tax, before, wanted.quantity, line.quantity)),
      taxRateId: line.taxRateId,
      rateBp: line.rateBp,
      reason: wanted.reason,
      restock: wanted.restock,
    });
  }
  if (errors.length > 0) return { ok: false as const, errors };
  const refund = sum(lines.map((line) => line.refund));
  const refundedBefore = sum(earlier.map((doc) => doc.totals.refund));
  const tenders = planRefundTenders({
    refund,
    originalTenders: source.tenders,
    previousRefunds: previousRefundTenders(earlier),
    unavailableTenderIds: request.unavailableTenderIds ?? [],
    fallback: policy.fallbackRefund,
    cashRounding: request.cashRounding,
  });
  // Points go back in proportion to the money refunded; a sale of nothing but free items (total
  // 0) that still earned points (a visit bonus) gives them back in proportion to the quantities.
  const quantities = (docs: readonly { lines: readonly { quantity: number }[] }[]) =>
    docs.reduce((all, doc) => all + doc.lines.reduce((a, line) => a + line.quantity, 0), 0);
  const pointsEarnedReversed =
    source.total > 0
      ? cumulativeShare(source.pointsEarned, refundedBefore, refund, source.total)
      : cumulativeShare(
          source.pointsEarned,
          quantities(earlier),
          quantities([{ lines }]),
          quantities([source]),
        );
  const plan = finish(lines, tenders, pointsEarnedReversed, policy.managerApprovalOver, {
    original: {
      documentId: source.documentId,
      channel: source.channel,
      ...(source.storeId !== undefined ? { storeId: source.storeId } : {}),
    },
    ...(source.customerId !== undefined ? { customerId: source.customerId } : {}),
  });
  return { ok: true as const, plan };
}

function planWithoutReceipt(request: Extract<ReturnRequest, { kind: 'without-receipt' }>) {
  const { policy } = request;
  if (!policy.withoutReceipt.allowed) {
    return {
      ok: false as const,
      errors: [
        {
          code: 'without-receipt-not-allowed' as const,
          message:
            'This store does not take returns without a receipt; ask for the receipt or the order number.',
        },
      ],
    };
  }
  const errors: ReturnError[] = request.lines
    .filter((line) => line.cartLine.finalSale === true)
    .map((line) => ({
      code: 'final-sale' as const,
      lineId: line.cartLine.lineId,
      message: `"${line.cartLine.name}" is sold as final sale and cannot be returned.`,
    }));
  if (errors.length > 0) return { ok: false as const, errors };
  // Priced by the one pricing module, at today's price, as if rung up now.
  const priced = priceCart({ lines: request.lines.map((line) => line.cartLine) }, request.pricing);
  const lines = request.lines.map((wanted, index): ReturnLine => {
    const line = priced.lines[index];
    if (!line) throw new Error('priceCart returned fewer lines than it was given.');
    const input = wanted.cartLine;
    return {
      productId: input.productId,
      sku: input.sku,
      name: input.name,
      categoryId: input.categoryId,
      quantity: input.pricing === 'weight' ? (input.grams ?? 0) : input.quantity,
      refund: line.total,
      tax: line.tax,
      taxRateId: line.taxRateId,
      rateBp: line.rateBp,
      reason: wanted.reason,
      restock: wanted.restock,
    };
  });
  // Without a receipt the money can only become store credit.
  const tenders = planRefundTenders({
    refund: sum(lines.map((line) => line.refund)),
    fallback: 'store-credit',
    cashRounding: request.cashRounding,
  });
  return {
    ok: true as const,
    plan: finish(lines, tenders, 0, policy.withoutReceipt.managerApprovalOver, {}),
  };
}

export function planReturn(request: ReturnRequest): ReturnPlanResult {
  if (request.lines.length === 0) {
    return {
      ok: false,
      errors: [{ code: 'no-lines', message: 'Choose at least one item to return.' }],
    };
  }
  return request.kind === 'with-receipt' ? planWithReceipt(request) : planWithoutReceipt(request);
}
