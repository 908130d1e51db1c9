import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import PouchDB from 'pouchdb';
import type { PouchConstructor, PouchDatabase } from 'pouchdb';
import type {
  ChangeSeq,
  ChangesPage,
  Conflicted,
  DocumentStore,
  StoredDoc,
  WriteRow,
} from './document-store';
import { idOf, isDesignOrLocal } from './document-store';

/**
 * The embedded store: PouchDB on LevelDB under the data directory. The same PouchDB constructor
 * is handed to express-pouchdb, so LevelDB handles and the changes feed are shared and a write
 * made here wakes the long-polls of replicating registers.
 */
/** The map in the order of `ids` (as allDocs({keys}) answered), for callers that iterate it. */
function ordered(ids: readonly string[], found: Map<string, StoredDoc>): Map<string, StoredDoc> {
  const result = new Map<string, StoredDoc>();
  for (const id of ids) {
    const doc = found.get(id);
    if (doc) result.set(id, doc);
  }
  return result;
}

/** Documents per PouchDB `bulkDocs` call (see bulkDocs). */
const WRITE_CHUNK = 250;

export class PouchDocumentStore implements DocumentStore {
  readonly kind = 'embedded' as const;
  readonly PouchDB: PouchConstructor;
  private readonly handles = new Map<string, PouchDatabase>();

  constructor(dataDir: string) {
    const dbDir = join(dataDir, 'db');
    mkdirSync(dbDir, { recursive: true });
    this.PouchDB = PouchDB.defaults({ prefix: dbDir + '/' });
  }

  private handle(name: string): PouchDatabase {
    let db = this.handles.get(name);
    if (!db) {
      db = new this.PouchDB(name);
      this.handles.set(name, db);
    }
    return db;
  }

  async listDatabases(): Promise<string[]> {
    if (!this.PouchDB.allDbs) throw new Error('pouchdb-all-dbs is not installed yet.');
    return this.PouchDB.allDbs();
  }

  async databaseExists(name: string): Promise<boolean> {
    return (await this.listDatabases()).includes(name);
  }

  ensured = 0;

  async ensureDatabase(name: string): Promise<void> {
    this.ensured += 1;
    await this.handle(name).info();
  }

  /**
   * One point read per id (`get`): PouchDB answers `allDocs({keys})` with a LevelDB iterator
   * per key, whose setup and teardown were the largest cost of the gate under load
   * (docs/BENCHMARKS.md, "Gate profile"). Only a tombstone, which `get` answers with a 404,
   * takes the old road: allDocs gives its winning revision, then `get` that revision's body.
   */
  async getCurrent(db: string, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    if (ids.length === 0) return found;
    const handle = this.handle(db);
    const deleted: string[] = [];
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        try {
          found.set(id, (await handle.get(id)) as StoredDoc);
        } catch (error) {
          if ((error as { status?: number }).status !== 404) throw error;
          if ((error as { reason?: string }).reason === 'deleted') deleted.push(id);
        }
      }),
    );
    if (deleted.length === 0) return ordered(ids, found);
    const { rows } = await handle.allDocs({ keys: deleted, include_docs: true });
    await Promise.all(
      rows.map(async (row) => {
        if (!row.value) return;
        if (row.doc) {
          found.set(row.key, row.doc as StoredDoc);
        } else if (row.value.deleted) {
          // allDocs gives no body for tombstones; immutability and the tombstone fill need it.
          const body = await handle.get(row.key, { rev: row.value.rev });
          found.set(row.key, body as StoredDoc);
        }
      }),
    );
    return ordered(ids, found);
  }

  async conflictsOf(db: string, ids: readonly string[]): Promise<Map<string, Conflicted>> {
    const found = new Map<string, Conflicted>();
    if (ids.length === 0) return found;
    const { rows } = await this.handle(db).allDocs({
      keys: [...ids],
      include_docs: true,
      conflicts: true,
    });
    for (const row of rows) {
      const doc = (row as { doc?: StoredDoc & { _conflicts?: string[] } }).doc;
      if (doc?._conflicts?.length) found.set(doc._id, { winner: doc._rev, losers: doc._conflicts });
    }
    return found;
  }

  async allDocs(db: string, idPrefix?: string): Promise<StoredDoc[]> {
    const range = idPrefix === undefined ? {} : { startkey: idPrefix, endkey: `${idPrefix}\ufff0` };
    const { rows } = await this.handle(db).allDocs({ include_docs: true, ...range });
    return rows
      .filter((row) => row.doc && !isDesignOrLocal(row.key))
      .map((row) => row.doc as StoredDoc);
  }

  async bulkDocs(
    db: string,
    docs: readonly Record<string, unknown>[],
    newEdits: boolean,
  ): Promise<WriteRow[]> {
    if (docs.length === 0) return [];
    // PouchDB's LevelDB adapter gathers a call's writes by copying its whole list per document
    // (quadratic: 10,000 small documents took 1,857 ms in one call, 328 ms in calls of 250;
    // tests/bench/gate-report.ts). A call is not atomic on CouchDB either, and its callers do
    // not count on it (the server index reads what is there before each write).
    const rows: Awaited<ReturnType<PouchDatabase['bulkDocs']>> = [];
    for (let start = 0; start < docs.length; start += WRITE_CHUNK) {
      const chunk = docs.slice(start, start + WRITE_CHUNK);
      rows.push(...(await this.handle(db).bulkDocs(chunk, { new_edits: newEdits })));
    }
    return rows.map((row, index) => {
      const id = row.id ?? idOf(docs[index]);
      if (row.error) {
        return {
          id,
          error: typeof row.error === 'string' ? row.error : (row.name ?? 'error'),
          reason: row.reason ?? row.message ?? 'write failed',
        };
      }
      return { id, ok: true, ...(row.rev ? { rev: row.rev } : {}) };
    });
  }

  async changesSince(
    db: string,
    since: ChangeSeq | undefined,
    limit: number,
  ): Promise<ChangesPage> {
    const page = await this.handle(db).changes({ since: since ?? 0, limit, include_docs: true });
    return {
      results: page.results
        .filter((row) => !isDesignOrLocal(row.id))
        .map((row) => ({
          id: row.id,
          seq: row.seq,
          deleted: row.deleted === true,
          ...(row.deleted || !row.doc ? {} : { doc: row.doc as StoredDoc }),
        })),
      lastSeq: page.last_seq,
      more: page.results.length >= limit,
    };
  }

  async updateSeq(db: string): Promise<ChangeSeq> {
    return (await this.handle(db).info()).update_seq;
  }

  async documentCount(db: string): Promise<number> {
    return (await this.handle(db).info()).doc_count;
  }

  forget(db: string): void {
    this.handles.delete(db);
  }

  async close(): Promise<void> {
    await Promise.all([...this.handles.values()].map((db) => db.close().catch(() => undefined)));
    this.handles.clear();
  }
}
