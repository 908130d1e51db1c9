/**
 * Which stores need which customers (issue #15: a register receives the customers its store
 * needs and their loyalty entries, not the whole chain's). A store needs a customer born there
 * (the customer's `origin.storeId`, read from the document itself), one with a sale, return or
 * web order in that store's databases (followed here from the server index's pages), and one a
 * register of the store looked up through the server (`customers/find`). The last two are kept
 * in `omnitill-index`, one small document per store and customer, so the read filter answers a
 * page of changes with one `getCurrent`:
 *
 *   n|<store>|<customer>   the store needs the customer (written once, kept)
 *   q|<store>|<customer>   ... and the customer with its ledger was not re-sent yet
 *
 * A customer that becomes needed already sits behind the registers' checkpoints in the
 * `customers` and `loyalty` changes feeds, where they saw it as a removed change. So the server
 * writes the customer and each of its ledger entries again, unchanged, under a new revision
 * (a "touch"): they come up in the feeds once more and the next pull of the store's registers
 * takes them. `q|` makes that survive a crash: it is removed only after the touch, and start-up
 * touches whatever is still queued. Needs found while a database is indexed from its start
 * (first start, a rebuilt index) are recorded without a touch: no register was filtered by the
 * index that did not have them yet.
 */
import { parseDatabaseName } from '../storage/database-layout';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { DB, enc } from './index-entries';
import type { ServerIndex } from './server-index';

export interface CustomerNeed {
  storeId: string;
  customerId: string;
}

const needId = (need: CustomerNeed) => `n|${enc(need.storeId)}|${enc(need.customerId)}`;
const queuedId = (need: CustomerNeed) => `q|${enc(need.storeId)}|${enc(need.customerId)}`;

/** The store databases whose documents name a customer the store then needs. */
const NEEDING_COLLECTIONS = new Set(['sales', 'returns', 'orders']);

/** The needs a page of one database's documents implies. */
export function needsOfDocuments(db: string, docs: readonly StoredDoc[]): CustomerNeed[] {
  const parsed = parseDatabaseName(db);
  if (parsed?.kind !== 'store' || !NEEDING_COLLECTIONS.has(parsed.collection)) return [];
  return docs.flatMap((doc) =>
    typeof doc.customerId === 'string' && doc.customerId !== ''
      ? [{ storeId: parsed.storeId, customerId: doc.customerId }]
      : [],
  );
}

export class CustomerNeeds {
  constructor(
    private readonly store: DocumentStore,
    private readonly index: ServerIndex,
    private readonly log: (line: string) => void,
  ) {
    index.onPage = (db, docs, fromStart) => this.followPage(db, docs, fromStart);
  }

  /** The customers among these that the store needs by a sale, a web order or a look-up. */
  async neededBy(storeId: string, customerIds: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(customerIds)];
    const ids = unique.map((customerId) => needId({ storeId, customerId }));
    const found = await this.store.getCurrent(DB, ids);
    return new Set(unique.filter((_, at) => isLive(found.get(ids[at] ?? ''))));
  }

  /**
   * A register of the store looked these customers up: record it and, for a new need, send the
   * customer and its ledger again before answering, so the register's next pull brings them.
   */
  async record(storeId: string, customerIds: readonly string[]): Promise<void> {
    const added = await this.add(
      customerIds.map((customerId) => ({ storeId, customerId })),
      true,
    );
    if (added.length === 0) return;
    // Entries written before the need but not indexed yet must be touched too.
    await this.index.catchUp();
    await this.touch(added);
  }

  /** Start-up: touches left queued by a process that stopped before it could. */
  async resume(): Promise<void> {
    const queued = await this.store.allDocs(DB, 'q|');
    const needs = queued.flatMap((doc) =>
      typeof doc.storeId === 'string' && typeof doc.customerId === 'string'
        ? [{ storeId: doc.storeId, customerId: doc.customerId }]
        : [],
    );
    if (needs.length > 0) await this.touch(needs);
  }

  private async followPage(db: string, docs: readonly StoredDoc[], fromStart: boolean) {
    const added = await this.add(needsOfDocuments(db, docs), !fromStart);
    if (added.length === 0 || fromStart) return;
    // Inside an index pass: touch after the next one, which has indexed every earlier entry.
    void this.index
      .catchUp()
      .then(() => this.touch(added))
      .catch((error: unknown) =>
        this.log(
          `omnitill-sync-server: customers needed by a store not re-sent yet: ${String(error)}`,
        ),
      );
  }

  /** Writes the needs not recorded yet (and their queue markers); returns those. */
  private async add(needs: readonly CustomerNeed[], queue: boolean): Promise<CustomerNeed[]> {
    const byId = new Map(needs.map((need) => [needId(need), need]));
    if (byId.size === 0) return [];
    const current = await this.store.getCurrent(DB, [...byId.keys()]);
    const added = [...byId].filter(([id]) => !isLive(current.get(id)));
    if (added.length === 0) return [];
    // The queue marker before the need: a crash between them leaves a touch to do, never a
    // need whose customer was not re-sent. A conflict: another process recorded it first.
    if (queue) await this.write(added.map(([, need]) => ({ _id: queuedId(need), ...need })));
    const written = await this.write(added.map(([id, need]) => ({ _id: id, ...need })));
    return added.filter(([id]) => written.has(id)).map(([, need]) => need);
  }

  /** Creates index documents; the ids written (a conflict is someone else's write). */
  private async write(docs: readonly Record<string, unknown>[]): Promise<Set<string>> {
    const rows = await this.store.bulkDocs(DB, docs, true);
    const failed = rows.find((row) => row.error && row.error !== 'conflict');
    if (failed) throw new Error(`Customer need ${failed.id} not written: ${failed.reason}`);
    return new Set(rows.filter((row) => row.ok).map((row) => row.id));
  }

  /**
   * Writes each customer's ledger entries and then the customer again, unchanged, then clears
   * the queue. The ledger first: whoever sees the customer arrive can already read its points.
   */
  private async touch(needs: readonly CustomerNeed[]): Promise<void> {
    const customerIds = [...new Set(needs.map((need) => need.customerId))];
    const postings = await Promise.all(customerIds.map((id) => this.index.postings('loy', id)));
    await this.rewrite(
      'loyalty',
      postings.flat().map((posting) => posting.id),
    );
    await this.rewrite('customers', customerIds);
    const markers = await this.store.getCurrent(DB, needs.map(queuedId));
    const done = [...markers.values()].filter((doc) => !doc._deleted);
    await this.store.bulkDocs(
      DB,
      done.map((doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true })),
      true,
    );
  }

  /** A new revision of each live document, same content (a conflict: it changed anyway). */
  private async rewrite(db: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const current = await this.store.getCurrent(db, ids);
    const live = [...current.values()].filter((doc) => !doc._deleted);
    const rows = await this.store.bulkDocs(db, live, true);
    const failed = rows.find((row) => row.error && row.error !== 'conflict');
    if (failed) throw new Error(`${db} ${failed.id} not re-sent: ${failed.reason}`);
  }
}

const isLive = (doc: StoredDoc | undefined): boolean => doc !== undefined && !doc._deleted;
