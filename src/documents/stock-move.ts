import { idField, isoTimeField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

export const STOCK_MOVE_KINDS = [
  'sale',
  'return-sellable',
  'return-damaged',
  'receive',
  'count',
  'adjust',
  'transfer-out',
  'transfer-in',
] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

/** Sellable stock is on the shelf or in the backroom; damaged stock waits for a write-off. */
export type StockBucket = 'sellable' | 'damaged';

/**
 * One immutable change to a store's stock of one SKU. Stock on hand is never stored: it is the
 * sum of moves per store, SKU and bucket (src/stock/stock-levels.ts). Signs by kind:
 * sale < 0, return-sellable > 0, return-damaged > 0 (into the damaged bucket), receive > 0,
 * transfer-out < 0, transfer-in > 0, count and adjust ≠ 0 (a count's move is its variance).
 *
 * `quantity` is in the product's measure: pieces for unit-priced products, grams for weighed
 * ones, so it is always a whole number.
 */
export interface StockMoveDoc {
  id: string; // `stk_<time-ordered>`
  kind: StockMoveKind;
  sku: string;
  /** Signed, whole: units or grams. */
  quantity: number;
  storeId: string;
  /** Which stock: `return-damaged` is always damaged; others default to sellable. */
  bucket?: StockBucket;
  /** Area within the store (backroom, aisle 3), when the store tracks it. */
  location?: string;
  /** Why: required for adjust (breakage, theft, write-off), shown in reviews. */
  reason?: string;
  /** The sale, return, count, receipt or transfer document this move belongs to. */
  sourceId: string;
  /** Transfers: the store at the other end. */
  counterpartStoreId?: string;
  /** The device (or the server, absent) that wrote the move. */
  deviceId?: string;
  createdAt: string;
}

export const stockMoveSchema: DocumentSchema = {
  title: 'stock move',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    kind: { type: 'string', enum: STOCK_MOVE_KINDS },
    sku: { type: 'string', maxLength: 64 },
    quantity: { type: 'integer', minimum: -1e12, maximum: 1e12 },
    storeId: storeIdField,
    bucket: { type: 'string', enum: ['sellable', 'damaged'] },
    location: { type: 'string', maxLength: 64 },
    reason: { type: 'string', maxLength: 300 },
    sourceId: { type: 'string', maxLength: 128 },
    counterpartStoreId: storeIdField,
    deviceId: { type: 'string', maxLength: 64 },
    createdAt: isoTimeField,
  },
  required: ['id', 'kind', 'sku', 'quantity', 'storeId', 'sourceId', 'createdAt'],
  additionalProperties: false,
  indexes: ['sku', 'sourceId'],
};
