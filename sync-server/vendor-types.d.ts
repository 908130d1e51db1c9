/**
 * The few PouchDB and express-pouchdb calls the server makes, typed by hand: neither package
 * ships types and @types/pouchdb is not installed. Kept deliberately narrow.
 */
declare module 'pouchdb' {
  interface PouchRow {
    id?: string;
    key: string;
    value?: { rev: string; deleted?: boolean };
    doc?: Record<string, unknown> | null;
    error?: string;
  }
  interface PouchWriteRow {
    id: string;
    ok?: boolean;
    rev?: string;
    error?: boolean | string;
    name?: string;
    status?: number;
    message?: string;
    reason?: string;
  }
  interface PouchDatabase {
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    allDocs(options: {
      keys?: string[];
      include_docs?: boolean;
      startkey?: string;
      endkey?: string;
      limit?: number;
      conflicts?: boolean;
    }): Promise<{ rows: PouchRow[]; total_rows: number }>;
    get(id: string, options?: { rev?: string }): Promise<Record<string, unknown>>;
    bulkDocs(
      docs: Record<string, unknown>[],
      options?: { new_edits?: boolean },
    ): Promise<PouchWriteRow[]>;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      style?: 'all_docs' | 'main_only';
    }): Promise<{
      results: {
        id: string;
        seq: number | string;
        deleted?: boolean;
        doc?: Record<string, unknown>;
        changes?: { rev: string }[];
      }[];
      last_seq: number | string;
    }>;
    close(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string): PouchDatabase;
    defaults(options: { prefix: string }): PouchConstructor;
    allDbs?(): Promise<string[]>;
    /** CouchDB's replication protocol, one way, to the end (no live option used here). */
    replicate(
      source: PouchDatabase,
      target: PouchDatabase,
      options?: { batch_size?: number; batches_limit?: number },
    ): Promise<{ ok: boolean; docs_written: number; docs_read: number }>;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
  export type { PouchDatabase, PouchConstructor, PouchRow, PouchWriteRow };
}

declare module 'express-pouchdb' {
  import type { Express } from 'express';
  import type { PouchConstructor } from 'pouchdb';
  interface ExpressPouchOptions {
    mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
    overrideMode?: { include?: string[]; exclude?: string[] };
  }
  function expressPouchDB(PouchDB: PouchConstructor, options?: ExpressPouchOptions): Express;
  export default expressPouchDB;
}
