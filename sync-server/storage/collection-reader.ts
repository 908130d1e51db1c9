import { fromCouchDoc } from './couch-doc';
import { parseDatabaseName } from './database-layout';
import type { Collection } from './database-layout';
import type { DocumentStore } from './document-store';

export interface Located<T> {
  db: string;
  doc: T;
}

/**
 * Every live document of a collection across all its databases (one per store for store
 * collections), typed as the domain core sees it. A full read, which grows with the data: lookups
 * and reconciliation go through the server index (server-index.ts) instead; what still calls this
 * (reports, store settings and staff lookups) is listed in docs/DATA.md, "Server indexes".
 */
export async function readCollection<T>(
  store: DocumentStore,
  collection: Collection,
): Promise<Located<T>[]> {
  const names = (await store.listDatabases()).filter(
    (name) => parseDatabaseName(name)?.collection === collection,
  );
  const all = await Promise.all(
    names.map(async (db) =>
      (await store.allDocs(db)).map((doc) => ({ db, doc: fromCouchDoc<T>(doc) })),
    ),
  );
  return all.flat();
}
