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
 * collections), typed as the domain core sees it. A full read: fine for one machine's data;
 * past that, the CouchDB back end is where indexes (Mango, views) would replace it.
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
