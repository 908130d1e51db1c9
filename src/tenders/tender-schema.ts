/** JSON schemas for settled tenders and refund tenders, as stored in sale and return documents. */
import { minorField } from '../documents/json-schema';
import type { JsonSchema } from '../documents/json-schema';

const kinds = ['cash', 'card', 'store-credit', 'gift-card', 'loyalty-points'];
const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const points: JsonSchema = { type: 'integer', minimum: 0, maximum: 1e12 };

/** One settled tender; kind-specific fields are optional here, `kind` says which apply. */
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
    tenders: { type: 'array', items: appliedTenderSchema, maxItems: 50 },
  },
  required: [...settlementAmounts, 'tenders'],
  additionalProperties: false,
};
