/**
 * The server indexes: lookups the routes and reconciliation need (returns by original document,
 * stored-value facts by note number, pickups by order, stock moves by SKU, loyalty entries by
 * customer, sales and orders by id), kept in the internal database `omnitill-index` and brought
 * up to date from each followed database's changes feed since a persisted checkpoint. A read
 * first catches up (only what changed since the last one), then reads a key range: the cost
 * follows the change and the answer, not the size of the databases. A restart resumes from the
 * checkpoints. Only `changesSince`, `allDocs` with an id prefix, `getCurrent` and `bulkDocs` are
 * used, so the embedded PouchDB and an external CouchDB behave the same (no views).
 *
 * Documents in `omnitill-index` (subjects and document ids are URI-encoded, so `|` separates):
 *   k|<kind>:<subject>|<db>|<docId>   a posting: the document contributes to that key ({ v })
 *   d|<docId>|<db>                    the document's entry: its keys, and sold lines for
 *                                     sales and orders (how a sale is found by id)
 *   p|orig:<subject>                  some return names this original (written once, kept)
 *   n|<store>|<customer>, q|…         the store needs the customer; not re-sent yet (customer-needs.ts)
 *   z|<kind>:<subject>                a key whose postings changed since reconciliation last
 *                                     looked (rewritten on every change, so a run that started
 *                                     before a change does not clear it)
 *   c|<db>                            the checkpoint: the last change of <db> indexed, and
 *                                     the PROJECTION_VERSION it was indexed at (another one
 *                                     re-reads <db> from the start)
 */
import type { ChangeSeq, DocumentStore, StoredDoc } from '../storage/document-store';
import { revOver } from '../storage/document-store';
import {
  indexKey,
  kindOf,
  PROJECTION_VERSION,
  projectDocument,
  RECONCILED_KINDS,
} from './index-projections';
import type { IndexKind } from './index-projections';
import { sameContent } from '../storage/same-content';
import { IndexedDatabases } from './indexed-databases';
import {
  checkpointId,
  checkpointOf,
  DB,
  dirtyId,
  enc,
  entryId,
  IndexConflict,
  postingId,
  postingPrefix,
} from './index-entries';
import type { DirtyKey, DocEntry, EntryBody, IndexStats, Posting } from './index-entries';

export type { DirtyKey, DocEntry, IndexStats, Posting } from './index-entries';

/** Changes feeds probed at once in a pass (each probe is one small request). */
const PROBES_AT_ONCE = 16;
/** Tries at one database while another process writes the same index entries (a few seconds). */
const CONFLICT_ATTEMPTS = 16;

export const byDbThenId = (a: { db: string; id: string }, b: { db: string; id: string }) =>
  a.db === b.db ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.db < b.db ? -1 : 1;

/** Told of each page of changes once its entries are written, before its checkpoint moves. */
export type PageListener = (
  db: string,
  docs: readonly StoredDoc[],
  fromStart: boolean,
) => Promise<void>;

export class ServerIndex {
  readonly stats: IndexStats = { documentsRead: 0, passes: 0 };
  /** Customer needs (customer-needs.ts) follow the store databases' pages from here. */
  onPage: PageListener | undefined;
  /** `fresh`: the database is (re)read from its start (another projection wrote the checkpoint). */
  private readonly checkpoints = new Map<
    string,
    { since: ChangeSeq; rev?: string; fresh?: boolean }
  >();
  private readonly databases: IndexedDatabases;
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (line: string) => void,
    private readonly batchSize = 500,
  ) {
    this.databases = new IndexedDatabases(store);
  }

  async init(): Promise<void> {
    await this.store.ensureDatabase(DB);
    for (const doc of await this.store.allDocs(DB, 'c|')) {
      this.checkpoints.set(doc._id.slice(2), checkpointOf(doc));
    }
  }

  /**
   * Brings every index up to date with what is stored now. Calls arriving while a pass runs
   * share the next pass (which starts after them, so it sees their writes).
   */
  catchUp(): Promise<void> {
    if (!this.queued) {
      const next = this.chain.then(() => {
        this.queued = undefined;
        return this.pass();
      });
      this.queued = next;
      this.chain = next.catch(() => undefined);
    }
    return this.queued;
  }

  /** Runs `work` between catch-up passes (nothing is indexed while it runs). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async pass(): Promise<void> {
    this.stats.passes += 1;
    const read = new Map<string, number>();
    const databases = await this.databases.list();
    // Every feed is first asked for one change, a few at a time (mostly nothing changed); the
    // pages are then read and applied one database after the other: databases share index
    // entries, and only one page of documents is held at once.
    const changed: string[] = [];
    for (let start = 0; start < databases.length; start += PROBES_AT_ONCE) {
      await Promise.all(
        databases.slice(start, start + PROBES_AT_ONCE).map(async (db) => {
          const since = this.checkpoints.get(db)?.since;
          if (await this.databases.changedSince(db, since)) changed.push(db);
        }),
      );
    }
    for (const db of changed.sort()) {
      for (let attempt = 1; ; attempt++) {
        try {
          // A retry reads every index entry it writes: the failed try may have left some.
          await this.applyPages(db, read, attempt > 1);
          break;
        } catch (error) {
          // Another sync-server process in front of the same CouchDB indexed these changes
          // first: take its checkpoint and go on from there. Two processes catching up the same
          // backlog collide page after page while in step, so wait a random, growing while
          // before trying again: one gets ahead, and the other finds its work done.
          if (!(error instanceof IndexConflict) || attempt >= CONFLICT_ATTEMPTS) throw error;
          await new Promise((resolve) =>
            setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)),
          );
          await this.reloadCheckpoint(db);
        }
      }
    }
    if (read.size > 0) {
      const total = [...read.values()].reduce((sum, count) => sum + count, 0);
      this.log(
        `omnitill-sync-server: index read ${total} changed document(s) (${[...read]
          .map(([db, count]) => `${db}: ${count}`)
          .join(', ')})`,
      );
    }
  }

  private async applyPages(db: string, read: Map<string, number>, readAll: boolean): Promise<void> {
    const checkpoint = this.checkpoints.get(db);
    const fromStart = checkpoint === undefined || checkpoint.fresh === true;
    for (;;) {
      const page = await this.store.changesSince(
        db,
        this.checkpoints.get(db)?.since,
        this.batchSize,
      );
      const count = page.results.length;
      this.stats.documentsRead += count;
      if (count > 0) {
        read.set(db, (read.get(db) ?? 0) + count);
        await this.apply(db, page.results, readAll);
        const docs = page.results.flatMap((c) => (c.doc && !c.deleted ? [c.doc] : []));
        await this.onPage?.(db, docs, fromStart);
      }
      await this.saveCheckpoint(db, page.lastSeq);
      if (!page.more) return;
    }
  }

  private async reloadCheckpoint(db: string): Promise<void> {
    const doc = (await this.store.getCurrent(DB, [checkpointId(db)])).get(checkpointId(db));
    if (doc && !doc._deleted) this.checkpoints.set(db, checkpointOf(doc));
    else if (doc) this.checkpoints.set(db, { since: 0, rev: doc._rev, fresh: true });
  }

  private async saveCheckpoint(db: string, since: ChangeSeq): Promise<void> {
    const checkpoint = this.checkpoints.get(db);
    if (checkpoint?.since === since) return;
    const [row] = await this.store.bulkDocs(
      DB,
      [
        {
          _id: checkpointId(db),
          since,
          projection: PROJECTION_VERSION,
          ...(checkpoint?.rev ? { _rev: checkpoint.rev } : {}),
        },
      ],
      true,
    );
    if (row?.error === 'conflict') throw new IndexConflict(checkpointId(db));
    if (!row?.ok) throw new Error(`Index checkpoint of ${db} not written: ${row?.reason}`);
    this.checkpoints.set(db, { since, ...(row.rev ? { rev: row.rev } : {}) });
  }

  /**
   * One page of changes: postings out for old keys, in for new ones, keys marked for reconciling.
   * Postings are written and removed with their entry: those of a document without a live entry
   * are not read (`readAll` false; most of a page under the push load is new sales and moves).
   * Should one be there after all, its write conflicts and the retry reads everything.
   */
  private async apply(
    db: string,
    changes: readonly { id: string; deleted: boolean; doc?: StoredDoc }[],
    readAll: boolean,
  ): Promise<void> {
    const latest = new Map<string, StoredDoc | undefined>();
    for (const change of changes) latest.set(change.id, change.deleted ? undefined : change.doc);
    const entryIds = [...latest.keys()].map((docId) => entryId(docId, db));
    const oldEntries = await this.store.getCurrent(DB, entryIds);

    const wanted = new Map<string, Record<string, unknown> | null>();
    const notThere = new Set<string>();
    const touched = new Set<string>();
    const originals = new Set<string>();
    for (const [docId, doc] of latest) {
      const old = oldEntries.get(entryId(docId, db));
      const oldKeys = old && !old._deleted ? ((old.keys as string[] | undefined) ?? []) : [];
      const projection = doc ? projectDocument(db, doc) : undefined;
      const newKeys = projection ? [...projection.postings.keys()] : [];
      for (const key of oldKeys) {
        if (!newKeys.includes(key)) wanted.set(postingId(key, db, docId), null);
        touched.add(key);
      }
      for (const [key, value] of projection?.postings ?? []) {
        const id = postingId(key, db, docId);
        wanted.set(id, { v: value });
        if (!readAll && !(old && !old._deleted)) notThere.add(id);
        touched.add(key);
      }
      const entry =
        projection && (newKeys.length > 0 || projection.sold)
          ? {
              db,
              docId,
              keys: newKeys,
              ...(projection.sold ? { sold: projection.sold } : {}),
            }
          : null;
      wanted.set(entryId(docId, db), entry);
      // A sale or order that arrives after a return against it: the return can now be judged.
      if (projection?.sold || old?.sold) originals.add(docId);
    }
    if (originals.size > 0) {
      const known = await this.store.getCurrent(
        DB,
        [...originals].map((id) => `p|${indexKey('orig', enc(id))}`),
      );
      for (const id of originals) {
        const marker = known.get(`p|${indexKey('orig', enc(id))}`);
        if (marker && !marker._deleted) touched.add(indexKey('orig', id));
      }
    }
    const presence = [...touched].filter((key) => kindOf(key) === 'orig');
    const reconciled = [...touched].filter((key) => RECONCILED_KINDS.has(kindOf(key)));
    const ids = [
      ...wanted.keys(),
      ...presence.map((key) => `p|${indexKey('orig', enc(key.slice(5)))}`),
      ...reconciled.map((key) => dirtyId(key, db)),
    ];
    const current = await this.store.getCurrent(
      DB,
      ids.filter((id) => !id.startsWith('d|') && !notThere.has(id)),
    );
    for (const [id, doc] of oldEntries) current.set(id, doc);
    const writes: Record<string, unknown>[] = [];
    for (const [id, body] of wanted) {
      const existing = current.get(id);
      const live = existing && !existing._deleted ? existing : undefined;
      if (body === null) {
        if (live) writes.push({ _id: id, _rev: live._rev, _deleted: true });
        continue;
      }
      if (live) {
        const { _id: _ignored, _rev: _rev, ...kept } = live;
        if (sameContent(kept, body)) continue;
      }
      writes.push({ ...body, _id: id, ...revOver(existing) });
    }
    for (const key of presence) {
      const id = `p|${indexKey('orig', enc(key.slice(5)))}`;
      const existing = current.get(id);
      if (existing && !existing._deleted) continue;
      writes.push({ _id: id, ...revOver(existing) });
    }
    for (const key of reconciled) {
      const id = dirtyId(key, db);
      const existing = current.get(id);
      writes.push({
        _id: id,
        key,
        ...(kindOf(key) === 'stk' ? { db } : {}),
        ...revOver(existing),
      });
    }
    const rows = await this.store.bulkDocs(DB, writes, true);
    const failed = rows.find((row) => row.error);
    if (failed?.error === 'conflict') throw new IndexConflict(failed.id);
    if (failed)
      throw new Error(`Index write failed for ${failed.id}: ${failed.reason ?? failed.error}`);
  }

  /** Every posting of a key, ordered by database then document id (as a full read was). */
  async postings<T>(kind: IndexKind, subject: string, onlyDb?: string): Promise<Posting<T>[]> {
    const prefix = postingPrefix(indexKey(kind, subject));
    const docs = await this.store.allDocs(
      DB,
      onlyDb === undefined ? prefix : `${prefix}${onlyDb}|`,
    );
    return docs
      .map((doc) => {
        const rest = doc._id.slice(prefix.length);
        const bar = rest.indexOf('|');
        return {
          db: rest.slice(0, bar),
          id: decodeURIComponent(rest.slice(bar + 1)),
          value: doc.v as T,
        };
      })
      .sort(byDbThenId);
  }

  /** Where a sale or web order with this id is stored (several places if a store re-sent it). */
  async locate(docId: string): Promise<DocEntry[]> {
    const docs = (await this.store.allDocs(DB, `d|${enc(docId)}|`)) as unknown as EntryBody[];
    return docs
      .filter((doc) => doc.sold !== undefined)
      .map((doc) => ({ db: doc.db, id: doc.docId, ...(doc.sold ? { sold: doc.sold } : {}) }))
      .sort(byDbThenId);
  }

  /** The documents themselves, in the order given; any deleted meanwhile are left out. */
  async fetch(
    refs: readonly { db: string; id: string }[],
  ): Promise<{ db: string; doc: StoredDoc }[]> {
    const byDb = new Map<string, string[]>();
    for (const ref of refs) byDb.set(ref.db, [...(byDb.get(ref.db) ?? []), ref.id]);
    const found = new Map<string, StoredDoc>();
    await Promise.all(
      [...byDb].map(async ([db, ids]) => {
        for (const [id, doc] of await this.store.getCurrent(db, ids)) {
          if (!doc._deleted) found.set(`${db}\u0000${id}`, doc);
        }
      }),
    );
    return refs.flatMap((ref) => {
      const doc = found.get(`${ref.db}\u0000${ref.id}`);
      return doc ? [{ db: ref.db, doc }] : [];
    });
  }

  /** The keys changed since reconciliation last cleared them. */
  dirtyKeys(): Promise<DirtyKey[]> {
    return this.exclusive(async () =>
      (await this.store.allDocs(DB, 'z|')).map((doc) => ({
        key: String(doc.key),
        markerId: doc._id,
        ...(typeof doc.db === 'string' ? { db: doc.db } : {}),
        rev: doc._rev,
      })),
    );
  }

  /** Clears markers reconciliation has handled, unless a change marked the key again since. */
  clearDirty(keys: readonly DirtyKey[]): Promise<void> {
    return this.exclusive(async () => {
      if (keys.length === 0) return;
      const current = await this.store.getCurrent(
        DB,
        keys.map((key) => key.markerId),
      );
      const writes = keys.flatMap((key) => {
        const doc = current.get(key.markerId);
        return doc && !doc._deleted && doc._rev === key.rev
          ? [{ _id: key.markerId, _rev: key.rev, _deleted: true }]
          : [];
      });
      await this.store.bulkDocs(DB, writes, true);
    });
  }
}
