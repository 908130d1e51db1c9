/**
 * How the server index names its documents in `omnitill-index` (server-index.ts has the layout),
 * and the shapes its readers get back.
 */
import type { ChangeSeq, StoredDoc } from '../storage/document-store';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import { kindOf, PROJECTION_VERSION } from './index-projections';
import type { SoldLine } from './index-projections';

export const DB = INTERNAL_DATABASES.index;
export const enc = encodeURIComponent;

export const postingPrefix = (key: string) =>
  `k|${kindOf(key)}:${enc(key.slice(key.indexOf(':') + 1))}|`;
export const postingId = (key: string, db: string, docId: string) =>
  `${postingPrefix(key)}${db}|${enc(docId)}`;
export const entryId = (docId: string, db: string) => `d|${enc(docId)}|${db}`;
/** Stock is reconciled per store (a SKU's moves in one store's database), the rest per key. */
export const dirtyId = (key: string, db: string) =>
  kindOf(key) === 'stk' ? `z|${key}|${db}` : `z|${key}`;
export const checkpointId = (db: string) => `c|${db}`;

/** Where a checkpoint lets indexing resume: from the start if another projection wrote it. */
export const checkpointOf = (doc: StoredDoc) => ({
  since: doc.projection === PROJECTION_VERSION ? (doc.since as ChangeSeq) : 0,
  rev: doc._rev,
  fresh: doc.projection !== PROJECTION_VERSION,
});

export interface Posting<T> {
  db: string;
  id: string;
  value: T;
}

export interface DocEntry {
  db: string;
  id: string;
  sold?: SoldLine[];
}

/** A key reconciliation has to look at again, with the marker's revision to clear it by. */
export interface DirtyKey {
  key: string;
  markerId: string;
  /** For stock: the one store database whose moves of the SKU changed. */
  db?: string;
  rev: string;
}

export interface IndexStats {
  /** Changed source documents read from changes feeds since the process started. */
  documentsRead: number;
  /** Catch-up passes run. */
  passes: number;
}

export interface EntryBody {
  _id: string;
  _rev?: string;
  db: string;
  docId: string;
  keys: string[];
  sold?: SoldLine[];
}

/** An index entry changed under us: another process wrote it first. */
export class IndexConflict extends Error {
  constructor(id: string) {
    super(`Index entry ${id} was written by another process meanwhile.`);
  }
}
