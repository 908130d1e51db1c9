/**
 * Opens the register's RxDB replica. In the app it lives in IndexedDB through Dexie with strict
 * transaction durability: a completed sale is on disk before the cashier sees "done"
 * (ARCHITECTURE.md rule 6). Tests pass another storage in.
 */
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { FactDoc } from '../../src/documents';
import type { DocumentOf, FactTypeName, ReplicatedTypeName } from '../../src/documents/registry';
import { COLLECTIONS } from './collections';
import { addReplicaCollections, replicaSchemas } from './migrations';
import type { ReplicaSchema } from './migrations';

/**
 * One RxDB collection per replicated type of the document registry, and `facts` for the fact
 * kinds (src/documents/fact.ts).
 */
export type ReplicaCollections = {
  [Name in Exclude<ReplicatedTypeName, FactTypeName>]: RxCollection<DocumentOf<Name>>;
} & { facts: RxCollection<FactDoc> };

addRxPlugin(RxDBLocalDocumentsPlugin);

export type ReplicaDatabase = RxDatabase<ReplicaCollections>;

export function defaultStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie({ chromeTransactionDurability: 'strict' });
}

/**
 * Opens the replica and upgrades documents stored under older schema versions before anything
 * reads or replicates them (renderer/data/migrations.ts). `schemas` is for tests only.
 */
export async function openReplica(
  name: string,
  storage: RxStorage<unknown, unknown> = defaultStorage(),
  schemas: readonly ReplicaSchema[] = replicaSchemas(COLLECTIONS),
): Promise<ReplicaDatabase> {
  const database = await createRxDatabase<ReplicaCollections>({
    name,
    storage,
    multiInstance: false,
    // The audit outbox lives in local documents: they persist like the rest but do not count
    // against the free tier's collection limit (STACK.md).
    localDocuments: true,
  });
  try {
    await addReplicaCollections(database as unknown as RxDatabase, schemas);
  } catch (error) {
    // Nothing may read, write or replicate a replica that did not open whole.
    if (!database.closed) await database.close();
    throw error;
  }
  return database;
}
