import { idField, isoTimeField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

export type Channel = 'store' | 'web' | 'care' | 'social';

/**
 * One customer, whatever the channel. Loyalty balances are not stored here: they are the sum of
 * the customer's ledger entries (ARCHITECTURE.md rule 1).
 */
export interface CustomerDoc {
  id: string; // `cust_<time-ordered>`
  name: string;
  /** E.164 without spaces, e.g. +84901234567. */
  phone?: string;
  email?: string;
  loyaltyCardNumber?: string;
  /** Where the profile was born. */
  origin: { channel: Channel; storeId?: string; deviceId?: string };
  createdAt: string;
  updatedAt: string;
}

export const customerSchema: DocumentSchema = {
  title: 'customer',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    phone: { type: 'string', maxLength: 20, pattern: '^\\+[0-9]{6,15}$' },
    email: { type: 'string', maxLength: 254 },
    loyaltyCardNumber: { type: 'string', maxLength: 32 },
    origin: {
      type: 'object',
      properties: {
        channel: { type: 'string', enum: ['store', 'web', 'care', 'social'] },
        storeId: storeIdField,
        deviceId: { type: 'string', maxLength: 64 },
      },
      required: ['channel'],
      additionalProperties: false,
    },
    createdAt: isoTimeField,
    updatedAt: isoTimeField,
  },
  required: ['id', 'name', 'origin', 'createdAt', 'updatedAt'],
  additionalProperties: false,
};
