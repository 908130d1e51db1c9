/**
 * Reads the register's local replica straight from IndexedDB in the page (RxDB's Dexie storage
 * keeps one database per collection, `rxdb-dexie-<replica>--<schema version>--<collection>`,
 * documents in its `docs` table, keyed by the primary field), so a test sees what is on disk,
 * not what a screen shows.
 */
import type { Page } from 'playwright-core';

export async function readReplica<T>(
  page: Page,
  replica: string,
  collection: string,
): Promise<T[]> {
  return readDocs<T>(page, replica, collection, null);
}

/**
 * Only the documents with these ids, read by key: a check that needs a few documents of a big
 * collection (the demo's thousands of stock moves) need not read them all. Ids not stored, or
 * stored as deleted, are left out.
 */
export async function readReplicaByIds<T>(
  page: Page,
  replica: string,
  collection: string,
  ids: readonly string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  return readDocs<T>(page, replica, collection, [...ids]);
}

async function readDocs<T>(
  page: Page,
  replica: string,
  collection: string,
  keys: string[] | null,
): Promise<T[]> {
  return page.evaluate(
    async ({ prefix, suffix, keys }) => {
      const names = (await indexedDB.databases())
        .map((info) => info.name ?? '')
        .filter((name) => name.startsWith(prefix) && name.endsWith(suffix));
      // The newest schema version holds the collection (older ones were migrated from).
      const version = (name: string) => Number(name.slice(prefix.length, -suffix.length));
      const name = names.sort((a, b) => version(b) - version(a))[0];
      if (!name) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
      });
      const read = <R>(request: IDBRequest<R>) =>
        new Promise<R>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error(`Cannot read ${name}`));
        });
      try {
        if (!db.objectStoreNames.contains('docs')) return [];
        const store = db.transaction('docs', 'readonly').objectStore('docs');
        const docs = (
          keys === null
            ? await read(store.getAll())
            : await Promise.all(keys.map((key) => read(store.get(key))))
        ) as (Record<string, unknown> | undefined)[];
        return docs.filter(
          (doc) => doc !== undefined && doc._deleted !== true && doc._deleted !== '1',
        );
      } finally {
        db.close();
      }
    },
    { prefix: `rxdb-dexie-${replica}--`, suffix: `--${collection}`, keys },
  ) as Promise<T[]>;
}
