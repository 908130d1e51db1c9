/** JSON schemas for settled tenders and refund tenders, as stored in sale and return documents. */
import { minorField } from '../json-schema';
import type { JsonSchema } from '../json-schema';

const kinds = ['cash', 'card', 'store-credit', 'gift-card', 'loyalty-points'];
const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const points: JsonSchema = { type: 'integer', minimum: 0, maximum: 1e12 };

/**
 * One settled tender; kind-specific fields are optional here, `kind` says which apply. Pickups
 * take the kinds without bank transfer (their schema did not change when sales gained it).
 */
export const appliedTenderSchema: JsonSchema = {
  type: 'object',
  properties: {
    tenderId: text(64),
    kind: { type: 'string', enum: kinds },
    amount: minorField,
    applied: minorField,
    rounding: minorField,
    change: minorField,
    approvalCode: text(64),
    terminalId: text(64),
    cardLast4: { type: 'string', maxLength: 4, pattern: '^[0-9]{4}$' },
    creditReference: text(128),
    cardNumber: text(64),
    points,
  },
  required: ['tenderId', 'kind', 'amount', 'applied', 'rounding', 'change'],
  additionalProperties: false,
};

export const refundTenderSchema: JsonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: kinds },
    originalTenderId: text(64),
    covers: minorField,
    amount: minorField,
    points,
    cardNumber: text(64),
    originalApprovalCode: text(64),
  },
  required: ['kind', 'covers', 'amount'],
  additionalProperties: false,
};

/** A sale's tender: the kinds above and a VietQR bank transfer (sale schema version 1). */
const saleTenderSchema: JsonSchema = {
  ...appliedTenderSchema,
  properties: {
    ...appliedTenderSchema.properties,
    kind: { type: 'string', enum: [...kinds, 'bank-transfer'] },
    paymentReference: text(16),
    confirmedBy: text(128),
    confirmedOffline: { type: 'boolean' },
  },
};

const settlementAmounts = [
  'amountDue',
  'cashRoundingAdjustment',
  'amountToCollect',
  'tendered',
  'paid',
  'change',
] as const;

/** A completed payment: the Settlement without its in-progress fields. */
export const salePaymentSchema: JsonSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(settlementAmounts.map((name) => [name, minorField])),
    tenders: { type: 'array', items: saleTenderSchema, maxItems: 50 },
  },
  required: [...settlementAmounts, 'tenders'],
  additionalProperties: false,
};
