import { idField, isoTimeField } from './json-schema';
import type { DocumentSchema } from './json-schema';

export type StaffRole = 'cashier' | 'supervisor' | 'manager';

/** A PIN kept as a slow-KDF hash; the PIN itself never leaves the keypad. */
export interface PinHash {
  algorithm: 'pbkdf2-sha256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

/** A member of staff. Written by the server; registers hold the staff of their store. */
export interface StaffDoc {
  id: string; // `staff_<code>`
  name: string;
  role: StaffRole;
  /** Stores this person works in; `*` for all (area managers). */
  storeIds: string[];
  pin: PinHash;
  /** Staff badge barcode value, when the person has one. */
  badge?: string;
  active: boolean;
  updatedAt: string;
}

export const staffSchema: DocumentSchema = {
  title: 'staff',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    role: { type: 'string', enum: ['cashier', 'supervisor', 'manager'] },
    storeIds: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 500 },
    pin: {
      type: 'object',
      properties: {
        algorithm: { type: 'string', enum: ['pbkdf2-sha256'] },
        iterations: { type: 'integer', minimum: 10000, maximum: 10000000 },
        salt: { type: 'string', maxLength: 64 },
        hash: { type: 'string', maxLength: 128 },
      },
      required: ['algorithm', 'iterations', 'salt', 'hash'],
      additionalProperties: false,
    },
    badge: { type: 'string', maxLength: 64 },
    active: { type: 'boolean' },
    updatedAt: isoTimeField,
  },
  required: ['id', 'name', 'role', 'storeIds', 'pin', 'active', 'updatedAt'],
  additionalProperties: false,
};
