/**
 * Reads the register's local replica straight from IndexedDB in the page (RxDB's Dexie storage
 * keeps one database per collection, `rxdb-dexie-<replica>--<schema version>--<collection>`,
 * documents in its `docs` table), so a test sees what is on disk, not what a screen shows.
 */
import type { Page } from 'playwright-core';

export async function readReplica<T>(
  page: Page,
  replica: string,
  collection: string,
): Promise<T[]> {
  return page.evaluate(
    async ({ prefix, suffix }) => {
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
      try {
        if (!db.objectStoreNames.contains('docs')) return [];
        const docs = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction('docs', 'readonly').objectStore('docs').getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => reject(request.error ?? new Error(`Cannot read ${name}`));
        });
        return docs.filter((doc) => doc._deleted !== true && doc._deleted !== '1');
      } finally {
        db.close();
      }
    },
    { prefix: `rxdb-dexie-${replica}--`, suffix: `--${collection}` },
  ) as Promise<T[]>;
}
