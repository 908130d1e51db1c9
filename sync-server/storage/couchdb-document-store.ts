import type {
  ChangeSeq,
  ChangesPage,
  Conflicted,
  DocumentStore,
  StoredDoc,
  WriteRow,
} from './document-store';
import { isDesignOrLocal } from './document-store';
import { settleRace } from './couchdb-races';
import type { RaceTransport } from './couchdb-races';

/** Reads of every copy after a batch of new edits, at most this many at once. */
const RACE_READS_AT_ONCE = 8;

/** `map` over `items` with at most `limit` calls running, results in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What CouchDB accepts at the start of a database name, kept short. */
export const COUCHDB_PREFIX = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * An external Apache CouchDB (or a cluster behind one URL) as the store: the way to grow past one
 * machine. Same protocol, same gate: only the transport differs from the embedded store. The URL
 * carries the CouchDB admin credentials (http://user:pass@host:5984); they never reach clients.
 */
export class CouchDocumentStore implements DocumentStore {
  readonly kind = 'couchdb' as const;
  readonly baseUrl: string;
  readonly authorization: string | undefined;
  /**
   * Put before every database name on the CouchDB (`--couchdb-prefix`): several Omnitill
   * servers, or every test, on one cluster without sharing a database. Empty by default.
   */
  readonly prefix: string;
  private readonly copies = new Map<string, number>();

  constructor(url: string, options: { prefix?: string } = {}) {
    this.prefix = options.prefix ?? '';
    if (this.prefix && !COUCHDB_PREFIX.test(this.prefix)) {
      throw new Error(
        `The CouchDB database prefix "${this.prefix}" must start with a lowercase letter and hold only a-z, 0-9 and _ (at most 32 characters).`,
      );
    }
    const parsed = new URL(url);
    this.authorization =
      parsed.username || parsed.password
        ? 'Basic ' +
          Buffer.from(
            `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`,
          ).toString('base64')
        : undefined;
    parsed.username = '';
    parsed.password = '';
    this.baseUrl = parsed.toString().replace(/\/+$/, '');
  }

  /** The URL path segment of one of our databases on the CouchDB. */
  path(db: string): string {
    return encodeURIComponent(this.prefix + db);
  }

  private async request(path: string, init: { method?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.authorization) headers.Authorization = this.authorization;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const json: unknown = await response.json().catch(() => null);
    return { status: response.status, json };
  }

  private async expectOk(path: string, init: { method?: string; body?: unknown } = {}) {
    const result = await this.request(path, init);
    if (result.status >= 400) {
      throw new Error(
        `CouchDB ${init.method ?? 'GET'} /${path} answered ${result.status}: ${JSON.stringify(result.json)}`,
      );
    }
    return result.json;
  }

  /** How many copies of each document the cluster keeps for this database (its `n`). */
  private async copiesOf(db: string): Promise<number> {
    let copies = this.copies.get(db);
    if (copies === undefined) {
      const info = (await this.expectOk(this.path(db))) as { cluster?: { n?: number } };
      copies = info.cluster?.n ?? 1;
      this.copies.set(db, copies);
    }
    return copies;
  }

  async listDatabases(): Promise<string[]> {
    const all = (await this.expectOk('_all_dbs')) as string[];
    return this.prefix
      ? all
          .filter((name) => name.startsWith(this.prefix))
          .map((name) => name.slice(this.prefix.length))
      : all;
  }

  async databaseExists(name: string): Promise<boolean> {
    return (await this.request(this.path(name))).status === 200;
  }

  ensured = 0;

  async ensureDatabase(name: string): Promise<void> {
    this.ensured += 1;
    const { status, json } = await this.request(this.path(name), { method: 'PUT' });
    // 412: it exists already, which is what we wanted.
    if (status >= 400 && status !== 412) {
      throw new Error(`CouchDB could not create ${name}: ${status} ${JSON.stringify(json)}`);
    }
  }

  async getCurrent(db: string, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    if (ids.length === 0) return found;
    const json = (await this.expectOk(`${this.path(db)}/_all_docs?include_docs=true`, {
      method: 'POST',
      body: { keys: ids },
    })) as {
      rows: { key: string; value?: { rev: string; deleted?: boolean }; doc?: StoredDoc | null }[];
    };
    await Promise.all(
      json.rows.map(async (row) => {
        if (!row.value) return;
        if (row.doc) {
          found.set(row.key, row.doc);
        } else if (row.value.deleted) {
          const body = (await this.expectOk(
            `${this.path(db)}/${encodeURIComponent(row.key)}?rev=${row.value.rev}`,
          )) as StoredDoc;
          found.set(row.key, body);
        }
      }),
    );
    return found;
  }

  async conflictsOf(db: string, ids: readonly string[]): Promise<Map<string, Conflicted>> {
    const found = new Map<string, Conflicted>();
    if (ids.length === 0) return found;
    const json = (await this.expectOk(
      `${this.path(db)}/_all_docs?include_docs=true&conflicts=true`,
      { method: 'POST', body: { keys: ids } },
    )) as { rows: { doc?: (StoredDoc & { _conflicts?: string[] }) | null }[] };
    for (const row of json.rows) {
      const doc = row.doc;
      if (doc?._conflicts?.length) found.set(doc._id, { winner: doc._rev, losers: doc._conflicts });
    }
    return found;
  }

  async allDocs(db: string, idPrefix?: string): Promise<StoredDoc[]> {
    const range =
      idPrefix === undefined
        ? ''
        : `&startkey=${encodeURIComponent(JSON.stringify(idPrefix))}&endkey=${encodeURIComponent(JSON.stringify(`${idPrefix}\ufff0`))}`;
    const json = (await this.expectOk(`${this.path(db)}/_all_docs?include_docs=true${range}`)) as {
      rows: { id: string; doc?: StoredDoc }[];
    };
    return json.rows.filter((row) => row.doc && !isDesignOrLocal(row.id)).map((row) => row.doc!);
  }

  async bulkDocs(
    db: string,
    docs: readonly Record<string, unknown>[],
    newEdits: boolean,
  ): Promise<WriteRow[]> {
    if (docs.length === 0) return [];
    // Written to every copy before the answer: the index and the push checks read back with
    // _all_docs and _changes, which read one copy of each shard, so a write acknowledged by a
    // quorum alone could be missing from the very next read (read-your-writes on a cluster).
    const copies = await this.copiesOf(db);
    const path = `${this.path(db)}/_bulk_docs?w=${copies}`;
    const { status, json } = await this.request(path, {
      method: 'POST',
      body: { docs, new_edits: newEdits },
    });
    if (status >= 400) {
      throw new Error(`CouchDB POST /${path} answered ${status}: ${JSON.stringify(json)}`);
    }
    const rows = json as WriteRow[];
    // Replicated revisions (new_edits false) never conflict. A new edit is "first writer wins",
    // which a cluster can tell two writers at once (couchdb-races.ts), but only when some copy
    // did not take it: 201 says every copy took every row, so no rival was told ok anywhere.
    if (!newEdits || copies < 2 || status === 201) return rows;
    const transport: RaceTransport = {
      get: (path) => this.request(`${this.path(db)}/${path}`),
      write: async (doc) =>
        (
          (await this.expectOk(`${this.path(db)}/_bulk_docs?w=${copies}`, {
            method: 'POST',
            body: { docs: [doc] },
          })) as WriteRow[]
        )[0],
    };
    return mapLimited(rows, RACE_READS_AT_ONCE, (row) => settleRace(transport, row, copies));
  }

  async changesSince(
    db: string,
    since: ChangeSeq | undefined,
    limit: number,
  ): Promise<ChangesPage> {
    const json = (await this.expectOk(
      `${this.path(db)}/_changes?include_docs=true&limit=${limit}&since=${encodeURIComponent(String(since ?? 0))}`,
    )) as {
      results: { id: string; seq: ChangeSeq; deleted?: boolean; doc?: StoredDoc }[];
      last_seq: ChangeSeq;
    };
    return {
      results: json.results
        .filter((row) => !isDesignOrLocal(row.id))
        .map((row) => ({
          id: row.id,
          seq: row.seq,
          deleted: row.deleted === true,
          ...(row.deleted || !row.doc ? {} : { doc: row.doc }),
        })),
      lastSeq: json.last_seq,
      more: json.results.length >= limit,
    };
  }

  async documentCount(db: string): Promise<number> {
    const info = (await this.expectOk(this.path(db))) as { doc_count?: unknown };
    return typeof info.doc_count === 'number' ? info.doc_count : 0;
  }

  forget(db: string): void {
    this.copies.delete(db);
  }

  async close(): Promise<void> {
    // Nothing to close: fetch keeps no handles we own.
  }
}
