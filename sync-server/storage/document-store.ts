/**
 * What the server needs from the database behind /db, whichever it is: the embedded PouchDB on
 * LevelDB or an external Apache CouchDB. The replication gate, the domain API and reconciliation
 * all go through this, so both back ends share one code path.
 */
export interface StoredDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

/**
 * A position in a database's changes feed: a number on PouchDB, an opaque string on CouchDB 2+.
 * Only ever handed back to the same database's `changesSince`.
 */
export type ChangeSeq = number | string;

/** One row of a changes feed with the winning revision's body (a tombstone for a deletion). */
export interface Change {
  id: string;
  seq: ChangeSeq;
  deleted: boolean;
  /** The winning revision; absent for a deletion. */
  doc?: StoredDoc;
}

export interface ChangesPage {
  results: Change[];
  /** Where the next page starts (`since`); the same as the `since` given when nothing changed. */
  lastSeq: ChangeSeq;
  /** The feed filled the page (before design documents were left out): ask again from `lastSeq`. */
  more: boolean;
}

/** One row of a `_bulk_docs` reply, as CouchDB shapes it. */
export interface WriteRow {
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}

export interface Conflicted {
  winner: string;
  losers: string[];
}

export interface DocumentStore {
  readonly kind: 'embedded' | 'couchdb';
  listDatabases(): Promise<string[]>;
  databaseExists(name: string): Promise<boolean>;
  ensureDatabase(name: string): Promise<void>;
  /** How many times this process called ensureDatabase: a cached database list older is stale. */
  readonly ensured: number;
  /** The winning revision of each id that exists, tombstones included (with their bodies). */
  getCurrent(db: string, ids: readonly string[]): Promise<Map<string, StoredDoc>>;
  /**
   * The losing revisions of each id that has any (CouchDB `_conflicts`), with the winner's.
   * Ids without conflicts are absent.
   */
  conflictsOf(db: string, ids: readonly string[]): Promise<Map<string, Conflicted>>;
  /** Every live document (design and local documents excluded); only ids from `idPrefix` on. */
  allDocs(db: string, idPrefix?: string): Promise<StoredDoc[]>;
  bulkDocs(
    db: string,
    docs: readonly Record<string, unknown>[],
    newEdits: boolean,
  ): Promise<WriteRow[]>;
  /**
   * Up to `limit` changes after `since` (from the start when undefined), oldest first, each with
   * the winning revision's body; design documents excluded. PouchDB `changes()` and CouchDB
   * `_changes` both answer this, so the server indexes (server-index.ts) work on either.
   */
  changesSince(db: string, since: ChangeSeq | undefined, limit: number): Promise<ChangesPage>;
  /**
   * The sequence of the database's last change, when the store knows it without reading the
   * feed (PouchDB keeps it in memory); equal to the `lastSeq` of a page that read to the end.
   * A catch-up pass compares it with its checkpoint instead of probing the feed.
   */
  updateSeq?(db: string): Promise<ChangeSeq>;
  /** How many live documents the database holds (its `doc_count`). */
  documentCount(db: string): Promise<number>;
  /** Forget cached handles of a database deleted behind our back (admin DELETE /db/{name}). */
  forget(db: string): void;
  close(): Promise<void>;
}

/** A document's `_id` when it has a string one, else '' (for error rows). */
export function idOf(doc: Record<string, unknown> | undefined): string {
  return typeof doc?._id === 'string' ? doc._id : '';
}

export function isDesignOrLocal(id: string): boolean {
  return id.startsWith('_design/') || id.startsWith('_local/');
}

/**
 * The `_rev` a write over `existing` names: the live revision, or none when there is no document
 * or only a tombstone. CouchDB refuses a write naming a deleted revision (`conflict`) where
 * PouchDB accepts it; both re-create a deleted document written without `_rev`.
 */
export function revOver(existing: StoredDoc | undefined): { _rev?: string } {
  return existing && !existing._deleted ? { _rev: existing._rev } : {};
}

/** Writes one document as the server (new revision over whatever is there). */
export async function putAsServer(
  store: DocumentStore,
  db: string,
  doc: Record<string, unknown> & { _id: string },
): Promise<WriteRow> {
  const current = (await store.getCurrent(db, [doc._id])).get(doc._id);
  const body = { ...doc, ...revOver(current) };
  const [row] = await store.bulkDocs(db, [body], true);
  if (!row) throw new Error(`No write result for ${doc._id} in ${db}.`);
  return row;
}
