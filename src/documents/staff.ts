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

/**
 * What a register receives in place of the PIN hash (issue #15): `HMAC-SHA256(device key,
 * PBKDF2(pin))`. Guessing a PIN from a copied replica then needs that register's device key,
 * which its device host keeps outside the replica (docs/SECURITY.md "Staff PINs"). The server
 * stores the hash and makes a verifier for each register as it reads the staff database.
 */
export interface PinVerifier {
  algorithm: 'pbkdf2-sha256-hmac';
  iterations: number;
  /** base64, the PBKDF2 salt */
  salt: string;
  /** base64 of HMAC-SHA256(device key, PBKDF2 hash) */
  verifier: string;
}

/** A member of staff. Written by the server; registers hold the staff of their store. */
export interface StaffDoc {
  id: string; // `staff_<code>`
  name: string;
  role: StaffRole;
  /** Stores this person works in; `*` for all (area managers). */
  storeIds: string[];
  /** The server holds the hash; a register holds its own verifier (the hash before #15). */
  pin: PinHash | PinVerifier;
  /** Staff badge barcode value, when the person has one. */
  badge?: string;
  active: boolean;
  updatedAt: string;
}

export const staffSchema: DocumentSchema = {
  title: 'staff',
  version: 1,
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
        algorithm: { type: 'string', enum: ['pbkdf2-sha256', 'pbkdf2-sha256-hmac'] },
        iterations: { type: 'integer', minimum: 10000, maximum: 10000000 },
        salt: { type: 'string', maxLength: 64 },
        hash: { type: 'string', maxLength: 128 },
        verifier: { type: 'string', maxLength: 128 },
      },
      required: ['algorithm', 'iterations', 'salt'],
      additionalProperties: false,
    },
    badge: { type: 'string', maxLength: 64 },
    active: { type: 'boolean' },
    updatedAt: isoTimeField,
  },
  required: ['id', 'name', 'role', 'storeIds', 'pin', 'active', 'updatedAt'],
  additionalProperties: false,
};
