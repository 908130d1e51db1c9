import { toCouchDoc } from '../storage/couch-doc';
import type { Collection } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { idOf, revOver } from '../storage/document-store';
import type { DocumentValidator } from '../gate/document-validator';
import { sameContent } from '../storage/same-content';

export interface UpsertResult {
  written: string[];
  unchanged: string[];
  rejected: { index: number; id: string; reason: string }[];
}

/**
 * The server writing documents it owns (catalog, orders, ledger entries): each is checked
 * against the same schema as a pushed document, an identical copy is left alone (so replaying
 * an import or an API call changes nothing), anything else becomes the new revision.
 */
export async function upsertDocs(
  store: DocumentStore,
  validator: DocumentValidator,
  collection: Collection,
  db: string,
  docs: readonly { id: string }[],
): Promise<UpsertResult> {
  const result: UpsertResult = { written: [], unchanged: [], rejected: [] };
  const couchDocs = docs.map((doc) => toCouchDoc(doc));
  const current = await store.getCurrent(
    db,
    couchDocs.map((doc) => doc._id),
  );
  const toWrite: Record<string, unknown>[] = [];
  couchDocs.forEach((doc, index) => {
    const problem = validator.validate(collection, doc);
    if (problem) {
      result.rejected.push({ index, id: doc._id, reason: problem });
      return;
    }
    const existing = current.get(doc._id);
    // A new updatedAt alone is not a change: re-importing the same catalog writes nothing.
    const comparable =
      existing && 'updatedAt' in doc ? { ...doc, updatedAt: existing.updatedAt } : doc;
    if (existing && !existing._deleted && sameContent(existing, comparable)) {
      result.unchanged.push(doc._id);
      return;
    }
    toWrite.push({ ...doc, ...revOver(existing) });
  });
  const rows = await store.bulkDocs(db, toWrite, true);
  rows.forEach((row, position) => {
    if (row.ok) result.written.push(row.id);
    else {
      result.rejected.push({
        index: couchDocs.findIndex((doc) => doc._id === row.id),
        id: row.id || idOf(toWrite[position]),
        reason: `${row.error ?? 'error'}: ${row.reason ?? 'write failed'}; retry the request`,
      });
    }
  });
  return result;
}
