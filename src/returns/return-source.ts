/**
 * What a return needs to know about the document it undoes, whatever the channel: a till sale
 * (returnSourceFromSale below) or a web order (its module builds the same shape). Amounts are
 * what the customer actually paid per line, after every discount and promotion, tax included.
 */
import { minor, sum } from '../money';
import type { CurrencyCode, Minor } from '../money';
import type { Channel } from '../documents/customer';
import type { SaleDoc } from '../documents/sale';
import type { AppliedTender } from '../documents/parts/tender';

export interface ReturnSourceLine {
  lineId: string;
  productId: string;
  sku: string;
  name: string;
  categoryId: string;
  pricing: 'unit' | 'weight';
  /** Pieces sold, or grams for a weighed line. */
  quantity: number;
  /** What the customer paid for the line, tax included. */
  total: Minor;
  tax: Minor;
  taxRateId: string;
  rateBp: number;
  finalSale: boolean;
}

export interface ReturnSource {
  documentId: string;
  channel: Channel;
  storeId?: string;
  customerId?: string;
  currency: CurrencyCode;
  /** ISO 8601 UTC: when the goods were sold (the return window starts here). */
  soldAt: string;
  lines: ReturnSourceLine[];
  /** Sum of the line totals: the most that can ever be refunded. */
  total: Minor;
  tenders: AppliedTender[];
  pointsEarned: number;
  pointsRedeemed: number;
}

export function returnSourceFromSale(sale: SaleDoc): ReturnSource {
  const inputs = new Map(sale.cart.lines.map((line) => [line.lineId, line]));
  const lines = sale.priced.lines.map((priced): ReturnSourceLine => {
    const input = inputs.get(priced.lineId);
    if (!input) throw new Error(`Sale ${sale.id} has no cart line ${priced.lineId}.`);
    return {
      lineId: priced.lineId,
      productId: input.productId,
      sku: input.sku,
      name: input.name,
      categoryId: input.categoryId,
      pricing: input.pricing,
      quantity: input.pricing === 'weight' ? (input.grams ?? 0) : input.quantity,
      total: priced.total,
      tax: priced.tax,
      taxRateId: priced.taxRateId,
      rateBp: priced.rateBp,
      finalSale: input.finalSale ?? false,
    };
  });
  return {
    documentId: sale.id,
    channel: sale.channel,
    storeId: sale.storeId,
    ...(sale.customerId !== undefined ? { customerId: sale.customerId } : {}),
    currency: sale.currency,
    soldAt: sale.completedAt,
    lines,
    total: minor(sum(lines.map((line) => line.total))),
    tenders: sale.payment.tenders,
    pointsEarned: sale.loyalty?.pointsEarned ?? 0,
    pointsRedeemed: sale.loyalty?.pointsRedeemed ?? 0,
  };
}
