import type { Minor } from '../money';
import type { AppliedTender } from './parts/tender';
import { appliedTenderSchema } from './parts/tender-schema';
import { idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

/**
 * One handing-over of (part of) a web order at the store counter: a fact written once by the
 * register that made it, pointing at the order. An order is picked up when its pickups cover
 * every line; a customer who takes two of five bags today makes one pickup now and one later.
 */
export interface PickupDoc {
  id: string; // `pick_<time-ordered>`
  orderId: string;
  storeId: string;
  deviceId: string;
  /** Staff id of who handed the goods over. */
  staffId: string;
  /** Quantities handed over now, per order line. */
  lines: { lineId: string; quantity: number }[];
  /** Paid at the counter for this pickup (the part of the balance due on what was handed over). */
  amountCollected: Minor;
  /** The sale document that took that payment, when there was one. */
  saleId?: string;
  /**
   * The register's shift the payment went into, and how it was paid (cash keeps its rounding,
   * as in a sale): the shift's X and Z reports count them (version 1; absent on older pickups).
   */
  shiftId?: string;
  tenders?: AppliedTender[];
  createdAt: string;
}

export const pickupSchema: DocumentSchema = {
  title: 'pickup',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    orderId: { type: 'string', maxLength: 128 },
    storeId: storeIdField,
    deviceId: { type: 'string', maxLength: 64 },
    staffId: { type: 'string', maxLength: 128 },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          lineId: { type: 'string', maxLength: 32 },
          quantity: { type: 'integer', minimum: 1, maximum: 1e9 },
        },
        required: ['lineId', 'quantity'],
        additionalProperties: false,
      },
    },
    amountCollected: { ...minorField, minimum: 0 },
    saleId: { type: 'string', maxLength: 128 },
    shiftId: { type: 'string', maxLength: 128 },
    tenders: { type: 'array', items: appliedTenderSchema, maxItems: 10 },
    createdAt: isoTimeField,
  },
  required: [
    'id',
    'orderId',
    'storeId',
    'deviceId',
    'staffId',
    'lines',
    'amountCollected',
    'createdAt',
  ],
  additionalProperties: false,
  indexes: ['orderId'],
};
