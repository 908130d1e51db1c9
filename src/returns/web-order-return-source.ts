/**
 * A web order seen as something to return (src/returns' ReturnSource), so an order bought online
 * meets the same planReturn as a till sale. The order keeps only SKU, total and VAT rate per
 * line; the catalog gives the product, category and rate id. What was paid online goes back to
 * the online payment (a card tender whose approval code names the order); what was paid at the
 * counter at pickup goes back as cash. The register and the sync-server build it alike.
 */
import type { PickupDoc, ProductDoc, TaxSettings, WebOrderDoc } from '../documents';
import { minor, sum } from '../money';
import type { Minor } from '../money';
import { taxOfAmount } from '../tax';
import type { ReturnSource, ReturnSourceLine } from './return-source';
import type { AppliedTender } from '../tenders';

export const ONLINE_PAYMENT_TENDER_ID = 'online-payment';

/** What of the store's tax settings a web order's lines are read with. */
export type WebOrderTax = Pick<TaxSettings, 'rates' | 'roundingMode'>;

/**
 * Before a store's settings have reached this register or server nothing is known of its
 * rounding: VAT is then rounded half-up, as Vietnamese invoices round it.
 */
const UNKNOWN_STORE_TAX: WebOrderTax = { rates: [], roundingMode: 'half-up' };

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
  /** The returning store's tax settings (undefined before any have arrived). */
  tax: WebOrderTax | undefined;
  /** Points the order earned (its `earn:<orderId>` ledger entry), 0 when none is known. */
  pointsEarned: number;
}

export function returnSourceFromWebOrder(input: WebOrderSourceInput): ReturnSource {
  const { order } = input;
  const tax = input.tax ?? UNKNOWN_STORE_TAX;
  const lines = order.lines.map((line): ReturnSourceLine => {
    const product = input.productBySku(line.sku);
    const rate =
      tax.rates.find((candidate) => candidate.rateBp === line.taxRateBp) ??
      tax.rates.find((candidate) => candidate.id === product?.taxRateId);
    // The line total is what the customer paid for it, VAT included (the order's total is
    // what was prepaid); the VAT inside it is rounded with the store's own mode.
    const split = taxOfAmount(line.lineTotal, line.taxRateBp, true, tax.roundingMode);
    return {
      lineId: line.lineId,
      productId: product?.id ?? `prod_${line.sku}`,
      sku: line.sku,
      name: line.name,
      categoryId: product?.categoryId ?? 'web',
      pricing: product?.pricing ?? 'unit',
      quantity: line.quantity,
      total: split.total,
      tax: split.tax,
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
