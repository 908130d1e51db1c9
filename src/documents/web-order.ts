import type { CurrencyCode, Minor } from '../money';
import { currencyField, idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

export interface WebOrderLine {
  /** Stable within the order; pickups and returns point at it. */
  lineId: string;
  sku: string;
  /** The product name as the customer saw it when ordering. */
  name: string;
  /** Pieces, or grams for weighed products. */
  quantity: number;
  unitPrice: Minor;
  /** What the customer pays for the whole line after discounts, in the store's pricing mode. */
  lineTotal: Minor;
  /** VAT rate in basis points (10 % = 1000). */
  taxRateBp: number;
}

/**
 * The server-decided part of a web order's life; `status` never says "picked up": that is
 * computed from PickupDocs (src/orders/web-order-progress.ts).
 */
export type WebOrderStatus = 'placed' | 'ready-for-pickup' | 'cancelled';

/**
 * An order placed on the web shop, by customer care or on social, to be collected in a store.
 * Written by the server only (intake, payment, ready, cancel), into the pickup store's `orders`
 * database. What has been picked up, paid at the counter or returned is never a counter here:
 * it is the sum of PickupDocs and return lines that point at the order.
 */
export interface WebOrderDoc {
  id: string; // `ord_<time-ordered>`
  /** Short number the customer quotes and the QR code carries. */
  orderNumber: string;
  customerId: string;
  channel: 'web' | 'care' | 'social';
  pickupStoreId: string;
  currency: CurrencyCode;
  lines: WebOrderLine[];
  /** Σ lineTotal. */
  total: Minor;
  /** Paid online before pickup: `total` when paid, 0 when everything is due at pickup. */
  prepaid: Minor;
  status: WebOrderStatus;
  placedAt: string;
  readyAt?: string;
  cancelledAt?: string;
  cancelReason?: string;
  updatedAt: string;
}

export const webOrderSchema: DocumentSchema = {
  title: 'web order',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    orderNumber: { type: 'string', maxLength: 32 },
    customerId: { type: 'string', maxLength: 128 },
    channel: { type: 'string', enum: ['web', 'care', 'social'] },
    pickupStoreId: storeIdField,
    currency: currencyField,
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          lineId: { type: 'string', maxLength: 32 },
          sku: { type: 'string', maxLength: 64 },
          name: { type: 'string', maxLength: 200 },
          quantity: { type: 'integer', minimum: 1, maximum: 1e9 },
          unitPrice: minorField,
          lineTotal: minorField,
          taxRateBp: { type: 'integer', minimum: 0, maximum: 10000 },
        },
        required: ['lineId', 'sku', 'name', 'quantity', 'unitPrice', 'lineTotal', 'taxRateBp'],
        additionalProperties: false,
      },
    },
    total: minorField,
    prepaid: { ...minorField, minimum: 0 },
    status: { type: 'string', enum: ['placed', 'ready-for-pickup', 'cancelled'] },
    placedAt: isoTimeField,
    readyAt: isoTimeField,
    cancelledAt: isoTimeField,
    cancelReason: { type: 'string', maxLength: 300 },
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'orderNumber',
    'customerId',
    'channel',
    'pickupStoreId',
    'currency',
    'lines',
    'total',
    'prepaid',
    'status',
    'placedAt',
    'updatedAt',
  ],
  additionalProperties: false,
  indexes: ['orderNumber', 'customerId'],
};
