/**
 * A completed till sale. Written once by the register that made it and never edited (a return
 * or a void is a later fact). It keeps the cart as rung up AND what pricing made of it, so the
 * sync-server can re-price the cart with priceCart and reject a sale whose totals differ
 * (see verifySaleTotals in src/pricing).
 */
import type { CurrencyCode } from '../money';
import type { CartInput, PricedCart } from './parts/cart';
import { cartInputSchema, pricedCartSchema } from './parts/cart-schema';
import type { Settlement } from './parts/tender';
import { salePaymentSchema } from './parts/tender-schema';
import { currencyField, idField, isoTimeField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';

/** The settled payment as stored: a Settlement without its in-progress fields. */
export type SalePayment = Omit<Settlement, 'remaining' | 'remainingInCash' | 'complete'>;

/** Loyalty summary; the ledger entries themselves belong to the loyalty module. */
export interface SaleLoyalty {
  /** Points the sale earns (computed by the loyalty module). */
  pointsEarned: number;
  /** Points spent as a tender on this sale. */
  pointsRedeemed: number;
}

export interface SaleDoc {
  id: string; // `sale_<time-ordered>`
  storeId: string;
  registerId: string;
  deviceId: string;
  staffId: string;
  shiftId?: string;
  channel: 'store';
  status: 'completed' | 'voided';
  currency: CurrencyCode;
  customerId?: string;
  /** The cart as rung up: the input priceCart takes. */
  cart: CartInput;
  /** priceCart's result for `cart` when the sale was made. */
  priced: PricedCart;
  payment: SalePayment;
  loyalty?: SaleLoyalty;
  createdAt: string;
  completedAt: string;
  /**
   * The number printed for people (`Q1-01-000123`, src/receipt/receipt-number.ts) and its
   * sequence, given in the write that completes the sale (src/sales/receipt-sequence.ts). Both
   * or neither: sales of registers from before receipt numbers have none.
   */
  receiptNumber?: string;
  receiptSeq?: number;
  /** Set only when status is voided. */
  void?: { voidedAt: string; voidedBy: string; reason: string };
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const points: JsonSchema = { type: 'integer', minimum: 0, maximum: 1e12 };

export const saleSchema: DocumentSchema = {
  title: 'sale',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    registerId: text(64),
    deviceId: text(64),
    staffId: text(128),
    shiftId: text(128),
    channel: { type: 'string', enum: ['store'] },
    status: { type: 'string', enum: ['completed', 'voided'] },
    currency: currencyField,
    customerId: text(128),
    cart: cartInputSchema,
    priced: pricedCartSchema,
    payment: salePaymentSchema,
    loyalty: {
      type: 'object',
      properties: { pointsEarned: points, pointsRedeemed: points },
      required: ['pointsEarned', 'pointsRedeemed'],
      additionalProperties: false,
    },
    createdAt: isoTimeField,
    completedAt: isoTimeField,
    receiptNumber: text(24),
    // Not indexed: Dexie indexes required fields only, and the field stays optional (registers
    // from before numbers push sales without it). renderer/sell/receipt-numbering.ts reads it.
    // MAX_RECEIPT_SEQUENCE of src/receipt/receipt-number.ts (not imported: documents import no
    // receipt module; a test checks the two agree).
    receiptSeq: { type: 'integer', minimum: 1, maximum: 999_999_999 },
    void: {
      type: 'object',
      properties: { voidedAt: isoTimeField, voidedBy: text(128), reason: text(200) },
      required: ['voidedAt', 'voidedBy', 'reason'],
      additionalProperties: false,
    },
  },
  required: [
    'id',
    'storeId',
    'registerId',
    'deviceId',
    'staffId',
    'channel',
    'status',
    'currency',
    'cart',
    'priced',
    'payment',
    'createdAt',
    'completedAt',
  ],
  additionalProperties: false,
  indexes: ['createdAt'],
};
