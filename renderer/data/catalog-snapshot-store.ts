/**
 * Where the catalog's start-up snapshot lives: a small IndexedDB database of its own beside the
 * replica (not an RxDB collection: the free tier's collection limit is all but used, STACK.md),
 * one object store holding the manifest and the chunks. A write puts the changed chunks and the
 * manifest in one transaction, so a snapshot is never half written.
 */
import type { SnapshotChunk, SnapshotManifest, StoredSnapshot } from '../../src/search';
import { requestDone, sideDatabase } from './side-database';

const STORE = 'records';
const MANIFEST_KEY = 'manifest';
const chunkKey = (index: number) => `chunk-${index}`;

export interface CatalogSnapshotStore {
  /** Every record stored, or null when there is nothing (or the database cannot be opened). */
  read(): Promise<StoredSnapshot | null>;
  write(manifest: SnapshotManifest, chunks: readonly SnapshotChunk[]): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

/** The snapshot database of the replica named `replicaName`. */
export function indexedDbSnapshotStore(
  replicaName: string,
  factory: IDBFactory = indexedDB,
): CatalogSnapshotStore {
  const side = sideDatabase(factory, `${replicaName}-catalog-snapshot`, STORE);

  return {
    async read() {
      const db = await side.open();
      const transaction = db.transaction(STORE, 'readonly');
      const store = transaction.objectStore(STORE);
      const [keys, values] = await Promise.all([
        requestDone(store.getAllKeys()),
        requestDone(store.getAll()),
      ]);
      if (keys.length === 0) return null;
      let manifest: unknown = null;
      const chunks: unknown[] = [];
      keys.forEach((key, index) => {
        if (key === MANIFEST_KEY) manifest = values[index];
        else chunks.push(values[index]);
      });
      return { manifest, chunks };
    },
    async write(manifest, chunks) {
      const db = await side.open();
      const transaction = db.transaction(STORE, 'readwrite');
      const done = transactionDone(transaction);
      const store = transaction.objectStore(STORE);
      for (const chunk of chunks) store.put(chunk, chunkKey(chunk.index));
      store.put(manifest, MANIFEST_KEY);
      await done;
    },
    async clear() {
      const db = await side.open();
      const transaction = db.transaction(STORE, 'readwrite');
      const done = transactionDone(transaction);
      transaction.objectStore(STORE).clear();
      await done;
    },
    close() {
      side.close();
    },
  };
}
