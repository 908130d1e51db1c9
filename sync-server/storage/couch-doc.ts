import type { StoredDoc } from './document-store';

/**
 * Documents are stored the way RxDB's CouchDB replication writes them: the primary key lives in
 * `_id` only. A stored `id` beside `_id` would come back on pull as an extra field.
 */
export function toCouchDoc(doc: { id: string }): Record<string, unknown> & { _id: string } {
  const { id, ...rest } = doc as { id: string } & Record<string, unknown>;
  return { _id: id, ...rest };
}

/** A stored document as the domain core types it (primary key `id`). */
export function fromCouchDoc<T>(doc: StoredDoc): T {
  const { _id, _rev: _ignoredRev, _deleted: _ignoredDeleted, ...rest } = doc;
  return { id: _id, ...rest } as T;
}
