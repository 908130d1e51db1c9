/**
 * A sale put aside at the till (the customer went back for one more item) so the register can
 * serve the next customer. It replicates through the store's database (`parked-<storeId>`), so
 * any register of the same store can resume it.
 *
 * Mutable once, by whoever resumes it: `status` goes from `parked` to `resumed` (or
 * `discarded`) and never back; the cart itself is never edited in place. Resuming makes a new
 * open sale on the resuming register with the same lines.
 */
import type { CartInput } from './parts/cart';
import { cartInputSchema } from './parts/cart-schema';
import { idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';
import type { Minor } from '../money';

export type ParkedSaleStatus = 'parked' | 'resumed' | 'discarded';

export interface ParkedSaleDoc {
  id: string; // `park_<time-ordered>`
  storeId: string;
  registerId: string;
  deviceId: string;
  /** Who parked it. */
  staffId: string;
  /** The cart as rung up so far: re-priced when resumed (promotions may have changed). */
  cart: CartInput;
  customerId?: string;
  /** A word for the cashier to find it again ("áo xanh", the customer's name). */
  label?: string;
  /** The total when parked, for the list only; the resumed sale is priced again. */
  totalWhenParked: Minor;
  lineCount: number;
  status: ParkedSaleStatus;
  parkedAt: string;
  /** Set once, when the status leaves `parked`. */
  closed?: { at: string; staffId: string; registerId: string };
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });

export const parkedSaleSchema: DocumentSchema = {
  title: 'parked sale',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    registerId: text(64),
    deviceId: text(64),
    staffId: text(128),
    cart: cartInputSchema,
    customerId: text(128),
    label: text(80),
    totalWhenParked: minorField,
    lineCount: { type: 'integer', minimum: 0, maximum: 1000 },
    status: { type: 'string', enum: ['parked', 'resumed', 'discarded'], maxLength: 16 },
    parkedAt: isoTimeField,
    closed: {
      type: 'object',
      properties: { at: isoTimeField, staffId: text(128), registerId: text(64) },
      required: ['at', 'staffId', 'registerId'],
      additionalProperties: false,
    },
  },
  required: [
    'id',
    'storeId',
    'registerId',
    'deviceId',
    'staffId',
    'cart',
    'totalWhenParked',
    'lineCount',
    'status',
    'parkedAt',
  ],
  additionalProperties: false,
  indexes: ['parkedAt'],
};
