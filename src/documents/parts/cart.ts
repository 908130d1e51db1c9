/**
 * What a cart is made of (input) and what pricing makes of it (output). A sale document keeps
 * both, so the sync-server can re-price the input and compare.
 */
import type { CurrencyCode, Minor } from '../../money';

/** A manual discount: a percentage in basis points or a fixed amount for the whole line/order. */
export type ManualDiscount =
  | { kind: 'percent'; percentBp: number; reason?: string; approvedBy?: string }
  | { kind: 'amount'; amount: Minor; reason?: string; approvedBy?: string };

/** A cashier's price change. Needs a reason and the staff id of whoever approved it. */
export interface PriceOverride {
  /** The new price per piece, or per kilogram on weighed lines, in pricing mode. */
  unitPrice: Minor;
  reason: string;
  approvedBy: string;
}

export interface CartLineInput {
  /** Unique within the cart; allocations and ties are ordered by it, not by screen position. */
  lineId: string;
  productId: string;
  sku: string;
  name: string;
  categoryId: string;
  /** `unit`: unitPrice per piece. `weight`: unitPrice per kilogram and `grams` is required. */
  pricing: 'unit' | 'weight';
  /** Catalog price in the store's pricing mode (VAT-inclusive or exclusive). */
  unitPrice: Minor;
  /** Whole pieces. A weighed line is one bag: quantity 1. */
  quantity: number;
  /** Weighed lines only: the net weight in grams. */
  grams?: number;
  taxRateId: string;
  discount?: ManualDiscount;
  override?: PriceOverride;
  /** Final-sale items cannot be returned. */
  finalSale?: boolean;
}

export interface CartInput {
  lines: CartLineInput[];
  orderDiscount?: ManualDiscount;
}

/** Why a line costs less: which promotion, its label, how much it took off this line. */
export interface PromotionExplanation {
  promotionId: string;
  label: { vi: string; en: string };
  amount: Minor;
}

export interface PricedLine {
  lineId: string;
  /** The price per piece or per kg actually charged (the override when there is one). */
  unitPrice: Minor;
  /** Quantity times the catalog price, before any override. */
  listAmount: Minor;
  /** Quantity times the charged price. */
  gross: Minor;
  /** Every promotion on this line, item deals and spend thresholds alike. */
  promotionDiscount: Minor;
  lineDiscount: Minor;
  /** This line's share of the manual order discount. */
  orderDiscount: Minor;
  promotions: PromotionExplanation[];
  /** gross minus every discount, in pricing mode. */
  net: Minor;
  taxRateId: string;
  rateBp: number;
  taxable: Minor;
  tax: Minor;
  /** What the customer pays for this line, tax included. */
  total: Minor;
}

export interface CartTotals {
  listAmount: Minor;
  gross: Minor;
  promotionDiscount: Minor;
  lineDiscount: Minor;
  orderDiscount: Minor;
  net: Minor;
  taxable: Minor;
  tax: Minor;
  /** The amount due, before any cash rounding. */
  total: Minor;
}

export interface PricedCart {
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  /** In input order. */
  lines: PricedLine[];
  totals: CartTotals;
  taxBreakdown: TaxBreakdownEntry[];
}

/** One row of the tax summary printed on the receipt and reported to the tax office. */
export interface TaxBreakdownEntry {
  taxRateId: string;
  rateBp: number;
  taxable: Minor;
  tax: Minor;
  total: Minor;
}
