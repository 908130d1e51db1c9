/**
 * Where the catalog's start-up snapshot lives: a small IndexedDB database of its own beside the
 * replica (not an RxDB collection: the free tier's collection limit is all but used, STACK.md),
 * one object store holding the manifest and the chunks. A write puts the changed chunks and the
 * manifest in one transaction, so a snapshot is never half written.
 */
import type { SnapshotChunk, SnapshotManifest, StoredSnapshot } from '../../src/search';

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

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
    request.onblocked = () => reject(new Error(`${name} is blocked by another connection`));
  });
}

/** The snapshot database of the replica named `replicaName`. */
export function indexedDbSnapshotStore(
  replicaName: string,
  factory: IDBFactory = indexedDB,
): CatalogSnapshotStore {
  const name = `${replicaName}-catalog-snapshot`;
  let opening: Promise<IDBDatabase> | null = null;
  const database = (): Promise<IDBDatabase> => {
    opening ??= openDatabase(factory, name).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };

  return {
    async read() {
      const db = await database();
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
      const db = await database();
      const transaction = db.transaction(STORE, 'readwrite');
      const done = transactionDone(transaction);
      const store = transaction.objectStore(STORE);
      for (const chunk of chunks) store.put(chunk, chunkKey(chunk.index));
      store.put(manifest, MANIFEST_KEY);
      await done;
    },
    async clear() {
      const db = await database();
      const transaction = db.transaction(STORE, 'readwrite');
      const done = transactionDone(transaction);
      transaction.objectStore(STORE).clear();
      await done;
    },
    close() {
      void opening?.then((db) => db.close()).catch(() => undefined);
      opening = null;
    },
  };
}
