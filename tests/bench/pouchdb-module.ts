/**
 * PouchDB as the bench uses it directly (the plain-replication baseline and the bare
 * express-pouchdb server). PouchDB ships no types and the sync-server's hand-written ones are
 * deliberately narrow, so the few calls made here are typed here, and the module is loaded with
 * require to keep a second `declare module 'pouchdb'` out of the type program.
 */
import { createRequire } from 'node:module';

export interface PouchReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}

export interface PouchDb {
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  close(): Promise<void>;
}

export interface PouchOptions {
  auth?: { username: string; password: string };
  skip_setup?: boolean;
}

export interface PouchStatic {
  new (name: string, options?: PouchOptions): PouchDb;
  defaults(options: { prefix: string }): PouchStatic;
  replicate(
    source: PouchDb,
    target: PouchDb,
    options?: { batch_size?: number; batches_limit?: number },
  ): PromiseLike<PouchReplicationResult>;
}

const require = createRequire(import.meta.url);

export function loadPouchDB(): PouchStatic {
  return require('pouchdb') as PouchStatic;
}
