/**
 * The store's return rules (the `returnPolicy` section of the store settings). One policy for
 * every channel's goods, so a web order returned in store meets the same rules as a till sale.
 */
import type { Minor } from '../../money';
import type { Channel } from '../customer';
import { minorField } from '../json-schema';
import type { JsonSchema } from '../json-schema';

export interface ReturnPolicy {
  /** Days after the sale a return is accepted, by the channel the goods were sold on. */
  windowDays: Record<Channel, number>;
  /** Categories with their own window (e.g. electronics 7 days); these win over the channel's. */
  categoryWindows: { categoryId: string; days: number }[];
  /** Refunds above this need a manager's approval. */
  managerApprovalOver: Minor;
  /** Returns without a receipt: refunded in store credit only, when allowed at all. */
  withoutReceipt: {
    allowed: boolean;
    /** Refunds without a receipt above this need a manager's approval. */
    managerApprovalOver: Minor;
  };
  /** Where money goes when the original tender cannot take it back. */
  fallbackRefund: 'store-credit' | 'cash';
}

const days: JsonSchema = { type: 'integer', minimum: 0, maximum: 3650 };
const nonNegative: JsonSchema = { ...minorField, minimum: 0 };

export const returnPolicySchema: JsonSchema = {
  type: 'object',
  properties: {
    windowDays: {
      type: 'object',
      properties: { store: days, web: days, care: days, social: days },
      required: ['store', 'web', 'care', 'social'],
      additionalProperties: false,
    },
    categoryWindows: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: { categoryId: { type: 'string', maxLength: 64 }, days },
        required: ['categoryId', 'days'],
        additionalProperties: false,
      },
    },
    managerApprovalOver: nonNegative,
    withoutReceipt: {
      type: 'object',
      properties: { allowed: { type: 'boolean' }, managerApprovalOver: nonNegative },
      required: ['allowed', 'managerApprovalOver'],
      additionalProperties: false,
    },
    fallbackRefund: { type: 'string', enum: ['store-credit', 'cash'] },
  },
  required: [
    'windowDays',
    'categoryWindows',
    'managerApprovalOver',
    'withoutReceipt',
    'fallbackRefund',
  ],
  additionalProperties: false,
};
