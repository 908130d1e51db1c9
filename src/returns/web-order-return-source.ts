/**
 * A web order seen as something to return (src/returns' ReturnSource), so an order bought online
 * meets the same planReturn as a till sale. The order keeps only SKU, total and VAT rate per
 * line; the catalog gives the product, category and rate id. What was paid online goes back to
 * the online payment (a card tender whose approval code names the order); what was paid at the
 * counter at pickup goes back as cash. The register and the sync-server build it alike.
 */
import type { PickupDoc, ProductDoc, StoreSettingsDoc, WebOrderDoc } from '../documents';
import { minor, roundDiv, sum } from '../money';
import type { Minor } from '../money';
import type { ReturnSource, ReturnSourceLine } from './return-source';
import type { AppliedTender } from '../tenders';

export const ONLINE_PAYMENT_TENDER_ID = 'online-payment';

/** VAT inside a tax-inclusive amount: amount × rate / (1 + rate), half-up. */
export function includedTax(amount: Minor, rateBp: number): Minor {
  if (rateBp <= 0) return minor(0);
  return minor(
    Number(roundDiv(BigInt(amount) * BigInt(rateBp), BigInt(10_000 + rateBp), 'half-up')),
  );
}

function tender(
  tenderId: string,
  kind: 'card' | 'cash',
  amount: Minor,
  orderNumber: string,
): AppliedTender {
  const base = { tenderId, amount, applied: amount, rounding: minor(0), change: minor(0) };
  return kind === 'card'
    ? { ...base, kind: 'card', approvalCode: `WEB ${orderNumber}` }
    : { ...base, kind: 'cash' };
}

export interface WebOrderSourceInput {
  order: WebOrderDoc;
  pickups: readonly PickupDoc[];
  productBySku: (sku: string) => ProductDoc | undefined;
  taxRates: StoreSettingsDoc['tax']['rates'];
  /** Points the order earned (its `earn:<orderId>` ledger entry), 0 when none is known. */
  pointsEarned: number;
}

export function returnSourceFromWebOrder(input: WebOrderSourceInput): ReturnSource {
  const { order } = input;
  const lines = order.lines.map((line): ReturnSourceLine => {
    const product = input.productBySku(line.sku);
    const rate =
      input.taxRates.find((candidate) => candidate.rateBp === line.taxRateBp) ??
      input.taxRates.find((candidate) => candidate.id === product?.taxRateId);
    return {
      lineId: line.lineId,
      productId: product?.id ?? `prod_${line.sku}`,
      sku: line.sku,
      name: line.name,
      categoryId: product?.categoryId ?? 'web',
      pricing: product?.pricing ?? 'unit',
      quantity: line.quantity,
      total: line.lineTotal,
      tax: includedTax(line.lineTotal, line.taxRateBp),
      taxRateId: rate?.id ?? `vat-${line.taxRateBp}`,
      rateBp: line.taxRateBp,
      finalSale: product?.finalSale ?? false,
    };
  });
  const own = input.pickups.filter((pickup) => pickup.orderId === order.id);
  const tenders: AppliedTender[] = [];
  if (order.prepaid > 0) {
    tenders.push(tender(ONLINE_PAYMENT_TENDER_ID, 'card', order.prepaid, order.orderNumber));
  }
  for (const pickup of own) {
    if (pickup.amountCollected > 0) {
      tenders.push(tender(pickup.id, 'cash', pickup.amountCollected, order.orderNumber));
    }
  }
  // Goods are sold when they leave a store: the return window starts at the first pickup.
  const firstPickup = own.map((pickup) => pickup.createdAt).sort()[0];
  return {
    documentId: order.id,
    channel: order.channel,
    storeId: order.pickupStoreId,
    customerId: order.customerId,
    currency: order.currency,
    soldAt: firstPickup ?? order.placedAt,
    lines,
    total: sum(lines.map((line) => line.total)),
    tenders,
    pointsEarned: input.pointsEarned,
    pointsRedeemed: 0,
  };
}
