/**
 * The register's local replica: which collections it keeps, with which schema from src/documents,
 * and which sync-server database each type replicates with, computed from the document registry
 * (src/documents/registry.ts, docs/DATA.md). A type has a collection of its own, or is a fact
 * kind in the shared `facts` collection (src/documents/fact.ts), replicated with its own server
 * database like any other type.
 */
import { FACTS_COLLECTION, factsSchema } from '../../src/documents';
import type { DocumentSchema } from '../../src/documents';
import { DOCUMENT_TYPE_NAMES, documentTypeSpec } from '../../src/documents/registry';
import type {
  FactTypeName,
  RegisterCollectionName,
  ReplicatedTypeName,
  ReplicaSpec,
} from '../../src/documents/registry';

export type Direction = ReplicaSpec['direction'];

/** One replication: a type's documents between a register collection and a server database. */
export interface ReplicationSpec {
  type: ReplicatedTypeName;
  /** The register collection holding them. */
  collection: RegisterCollectionName;
  /** Set for a fact kind: the `factKind` its documents carry in `facts`. */
  factKind?: FactTypeName;
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

/** One RxDB collection of the register. */
export interface CollectionSpec {
  name: RegisterCollectionName;
  schema: DocumentSchema;
}

export const REPLICATIONS: readonly ReplicationSpec[] = DOCUMENT_TYPE_NAMES.flatMap((name) => {
  const { scope, replica } = documentTypeSpec(name);
  if (!replica) return [];
  const type = name as ReplicatedTypeName;
  const spec: ReplicationSpec = {
    type,
    collection: replica.inFacts
      ? FACTS_COLLECTION
      : (type as Exclude<ReplicatedTypeName, FactTypeName>),
    serverDb: scope === 'shared' ? () => name : (storeId) => `${name}-${storeId}`,
    direction: replica.direction,
    pullBatchSize: replica.pullBatchSize,
  };
  if (replica.inFacts) spec.factKind = type as FactTypeName;
  if (replica.mayBeMissingOnServer) spec.mayBeMissingOnServer = true;
  return [spec];
});

/** The register's collections, in registry order (`facts` where its first kind stands). */
export const COLLECTIONS: readonly CollectionSpec[] = [
  ...new Set(REPLICATIONS.map((spec) => spec.collection)),
].map((name) => ({
  name,
  schema: name === FACTS_COLLECTION ? factsSchema : documentTypeSpec(name).schema,
}));
