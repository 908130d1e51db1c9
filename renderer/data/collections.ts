/**
 * The register's local replica: which collections it keeps, with which schema from src/documents,
 * and which sync-server database each one replicates with (docs/DATA.md).
 */
import type { DocumentSchema } from '../../src/documents';
import {
  cashMoveSchema,
  customerSchema,
  loyaltyEntrySchema,
  parkedSaleSchema,
  pickupSchema,
  productSchema,
  returnSchema,
  saleSchema,
  shiftSchema,
  staffSchema,
  stockMoveSchema,
  storeSettingsSchema,
  webOrderSchema,
} from '../../src/documents';

export type Direction = 'pull' | 'both';

export interface CollectionSpec {
  name: string;
  schema: DocumentSchema;
  /** The server database for this register's store. */
  serverDb: (storeId: string) => string;
  direction: Direction;
  /** Larger pull batches for the big shared collections (see STACK.md: about 2x faster). */
  pullBatchSize: number;
  /**
   * The server may not have this database yet (a newer register against an older server): the
   * register checks first and keeps the documents local until it does, instead of showing the
   * whole register offline.
   */
  mayBeMissingOnServer?: boolean;
}

const shared = (
  name: string,
  schema: DocumentSchema,
  direction: Direction,
  pullBatchSize = 100,
): CollectionSpec => ({
  name,
  schema,
  serverDb: () => name,
  direction,
  pullBatchSize,
});

const perStore = (name: string, schema: DocumentSchema, direction: Direction): CollectionSpec => ({
  name,
  schema,
  serverDb: (storeId) => `${name}-${storeId}`,
  direction,
  pullBatchSize: 200,
});

export const COLLECTIONS: readonly CollectionSpec[] = [
  shared('products', productSchema, 'pull', 500),
  shared('staff', staffSchema, 'pull'),
  shared('settings', storeSettingsSchema, 'pull'),
  shared('customers', customerSchema, 'both', 500),
  shared('loyalty', loyaltyEntrySchema, 'both', 500),
  perStore('orders', webOrderSchema, 'pull'),
  perStore('sales', saleSchema, 'both'),
  perStore('returns', returnSchema, 'both'),
  perStore('stock', stockMoveSchema, 'both'),
  perStore('shifts', shiftSchema, 'both'),
  perStore('pickups', pickupSchema, 'both'),
  perStore('cashmoves', cashMoveSchema, 'both'),
  // Parked sales replicate so another register of the same store can resume them.
  { ...perStore('parked', parkedSaleSchema, 'both'), mayBeMissingOnServer: true },
];
