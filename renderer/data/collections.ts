/**
 * The register's local replica: which collections it keeps, with which schema from src/documents,
 * and which sync-server database each one replicates with, computed from the document registry
 * (src/documents/registry.ts, docs/DATA.md).
 */
import type { DocumentSchema } from '../../src/documents';
import { DOCUMENT_TYPE_NAMES, documentTypeSpec } from '../../src/documents/registry';
import type { ReplicatedTypeName, ReplicaSpec } from '../../src/documents/registry';

export type Direction = ReplicaSpec['direction'];

export interface CollectionSpec {
  name: ReplicatedTypeName;
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

export const COLLECTIONS: readonly CollectionSpec[] = DOCUMENT_TYPE_NAMES.flatMap((name) => {
  const { scope, schema, replica } = documentTypeSpec(name);
  if (!replica) return [];
  const spec: CollectionSpec = {
    name: name as ReplicatedTypeName,
    schema,
    serverDb: scope === 'shared' ? () => name : (storeId) => `${name}-${storeId}`,
    direction: replica.direction,
    pullBatchSize: replica.pullBatchSize,
  };
  if (replica.mayBeMissingOnServer) spec.mayBeMissingOnServer = true;
  return [spec];
});
