/**
 * A return (refund), written once by the register that took it. It points at the document it
 * undoes (a till sale or a web order) and never edits it: what is still returnable is the sale
 * minus every return document that points at it (ARCHITECTURE.md rule 1).
 */
import type { CurrencyCode, Minor } from '../money';
import { taxBreakdownEntrySchema } from './parts/cart-schema';
import type { TaxBreakdownEntry } from './parts/cart';
import type { RefundTender } from './parts/tender';
import { refundTenderSchema } from './parts/tender-schema';
import type { Channel } from './customer';
import { currencyField, idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';

export interface ReturnLine {
  /** The line of the original document; absent for a return without receipt. */
  originalLineId?: string;
  productId: string;
  sku: string;
  name: string;
  categoryId: string;
  /** Pieces, or grams for a weighed line. */
  quantity: number;
  /** Value refunded for this line, tax included. */
  refund: Minor;
  tax: Minor;
  taxRateId: string;
  rateBp: number;
  reason: string;
  /** Goes back on the shelf (a stock move follows) or not (damaged). */
  restock: boolean;
}

export interface ReturnDoc {
  id: string; // `ret_<time-ordered>`
  storeId: string;
  registerId: string;
  deviceId: string;
  staffId: string;
  shiftId?: string;
  /** The document the goods came from; absent when the customer has no receipt. */
  original?: { documentId: string; channel: Channel; storeId?: string };
  customerId?: string;
  currency: CurrencyCode;
  lines: ReturnLine[];
  /** `refund` is the value returned; the tenders may differ from it by cash rounding only. */
  totals: { refund: Minor; taxable: Minor; tax: Minor };
  taxBreakdown: TaxBreakdownEntry[];
  tenders: RefundTender[];
  /** Sum of refund tender amounts minus the refund value (cash rounding). */
  cashRoundingAdjustment: Minor;
  loyalty: { pointsEarnedReversed: number; pointsRedeemedReturned: number };
  /** Manager who approved (over the policy threshold, or without receipt). */
  approvedBy?: string;
  /** Set when the return is half of an exchange: the new sale's id. */
  exchangeSaleId?: string;
  status: 'completed';
  createdAt: string;
  completedAt: string;
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const points: JsonSchema = { type: 'integer', minimum: 0, maximum: 1e12 };

const returnLineSchema: JsonSchema = {
  type: 'object',
  properties: {
    originalLineId: text(64),
    productId: text(128),
    sku: text(64),
    name: text(200),
    categoryId: text(64),
    quantity: { type: 'integer', minimum: 1, maximum: 100000000 },
    refund: minorField,
    tax: minorField,
    taxRateId: text(32),
    rateBp: { type: 'integer', minimum: 0, maximum: 10000 },
    reason: text(200),
    restock: { type: 'boolean' },
  },
  required: [
    'productId',
    'sku',
    'name',
    'categoryId',
    'quantity',
    'refund',
    'tax',
    'taxRateId',
    'rateBp',
    'reason',
    'restock',
  ],
  additionalProperties: false,
};

export const returnSchema: DocumentSchema = {
  title: 'return',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    registerId: text(64),
    deviceId: text(64),
    staffId: text(128),
    shiftId: text(128),
    original: {
      type: 'object',
      properties: {
        documentId: text(128),
        channel: { type: 'string', enum: ['store', 'web', 'care', 'social'] },
        storeId: storeIdField,
      },
      required: ['documentId', 'channel'],
      additionalProperties: false,
    },
    customerId: text(128),
    currency: currencyField,
    lines: { type: 'array', items: returnLineSchema, minItems: 1, maxItems: 1000 },
    totals: {
      type: 'object',
      properties: { refund: minorField, taxable: minorField, tax: minorField },
      required: ['refund', 'taxable', 'tax'],
      additionalProperties: false,
    },
    taxBreakdown: { type: 'array', items: taxBreakdownEntrySchema, maxItems: 20 },
    tenders: { type: 'array', items: refundTenderSchema, maxItems: 50 },
    cashRoundingAdjustment: minorField,
    loyalty: {
      type: 'object',
      properties: { pointsEarnedReversed: points, pointsRedeemedReturned: points },
      required: ['pointsEarnedReversed', 'pointsRedeemedReturned'],
      additionalProperties: false,
    },
    approvedBy: text(128),
    exchangeSaleId: text(128),
    status: { type: 'string', enum: ['completed'] },
    createdAt: isoTimeField,
    completedAt: isoTimeField,
  },
  required: [
    'id',
    'storeId',
    'registerId',
    'deviceId',
    'staffId',
    'currency',
    'lines',
    'totals',
    'taxBreakdown',
    'tenders',
    'cashRoundingAdjustment',
    'loyalty',
    'status',
    'createdAt',
    'completedAt',
  ],
  additionalProperties: false,
  indexes: ['createdAt'],
};
