/**
 * The register's local replica: which collections it keeps, with which schema from src/documents,
 * and which sync-server database each one replicates with (docs/DATA.md).
 */
import type { DocumentSchema } from '../../src/documents';
import {
  customerSchema,
  productSchema,
  staffSchema,
  storeSettingsSchema,
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
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'products',
    schema: productSchema,
    serverDb: () => 'products',
    direction: 'pull',
    pullBatchSize: 500,
  },
  {
    name: 'staff',
    schema: staffSchema,
    serverDb: () => 'staff',
    direction: 'pull',
    pullBatchSize: 100,
  },
  {
    name: 'settings',
    schema: storeSettingsSchema,
    serverDb: () => 'settings',
    direction: 'pull',
    pullBatchSize: 100,
  },
  {
    name: 'customers',
    schema: customerSchema,
    serverDb: () => 'customers',
    direction: 'both',
    pullBatchSize: 500,
  },
];
