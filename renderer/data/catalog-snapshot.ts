/**
 * The catalog at start-up, and the start-up snapshot kept current after sync changes products.
 *
 * The replica is the truth. The snapshot (src/search/catalog-snapshot.ts, stored by
 * catalog-snapshot-store.ts) records the checkpoint of the last replica change it includes;
 * start-up reads it, then reads every product change after that checkpoint from the replica
 * (`changesSince`: RxDB's change order, the order its own replication pushes in) and applies them.
 * A snapshot that is missing, of another replica or schema, corrupt or ahead of the clock is not
 * used: the register reads every product instead and writes the snapshot again. Whether the
 * catalog holds as many products as the replica is checked once the register is ready
 * (`checkAgainstReplica`): IndexedDB counts an index by walking it (seconds at 100,000 products),
 * which start-up does not wait for; a catalog off by a product is then read again from the
 * replica and the snapshot rebuilt (renderer/boot.ts).
 */
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery, RxChangeEvent, RxCollection, RxDocumentData } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ProductDoc } from '../../src/documents';
import {
  CatalogSnapshotState,
  decodeSnapshot,
  isAfterCheckpoint,
  plainProduct,
  sameProduct,
  snapshotManifest,
} from '../../src/search';
import type { SnapshotCheckpoint, SnapshotChunk, SnapshotIdentity } from '../../src/search';
import type { CatalogSnapshotStore } from './catalog-snapshot-store';
import { changesSince } from './changes-since';
import type { ReplicaDatabase } from './database';

/** Replica changes read per query: big enough to be few queries, small enough to hold. */
const CHANGES_PER_READ = 10_000;

export interface LoadedCatalog {
  state: CatalogSnapshotState;
  identity: SnapshotIdentity;
  /** `snapshot`: the snapshot plus the changes after it; `replica`: every product read. */
  source: 'snapshot' | 'replica';
  /** Why the snapshot was not used (null when it was). */
  problem: string | null;
  /** Replica changes read: those after the snapshot, or every product. */
  changesRead: number;
  /** Where the time went, in milliseconds (for the bench and the start-up log). */
  timings: Partial<Record<'read' | 'decode' | 'catchUp' | 'replica', number>>;
}

export interface LoadOptions {
  /** Read every product as if there were no snapshot (the bench's fallback figure). */
  ignoreSnapshot?: boolean;
  now?: () => number;
}

export async function snapshotIdentity(db: ReplicaDatabase): Promise<SnapshotIdentity> {
  const [replicaToken, schemaHash] = await Promise.all([db.storageToken, db.products.schema.hash]);
  return { replicaToken, schemaHash };
}

function applyChanges(state: CatalogSnapshotState, documents: RxDocumentData<ProductDoc>[]): void {
  for (const doc of documents) {
    state.apply({ id: doc.id, lwt: doc._meta.lwt, deleted: doc._deleted, product: doc });
  }
}

/** Applies every replica change after the state's checkpoint, in order; returns how many. */
export async function catchUpWithReplica(
  products: RxCollection<ProductDoc>,
  state: CatalogSnapshotState,
): Promise<number> {
  let read = 0;
  for (;;) {
    const since: SnapshotCheckpoint | undefined = state.checkpoint ?? undefined;
    const documents = await changesSince(products.storageInstance, CHANGES_PER_READ, since);
    applyChanges(state, documents);
    read += documents.length;
    if (documents.length < CHANGES_PER_READ) return read;
  }
}

/** Products the replica holds (not deleted), counted on an index without reading them. */
export async function countHeldProducts(products: RxCollection<ProductDoc>): Promise<number> {
  const schema = products.schema.jsonSchema;
  const query = prepareQuery(
    schema,
    normalizeMangoQuery(schema, {
      selector: { _deleted: { $eq: false } },
    } as MangoQuery<ProductDoc>),
  );
  const result = await products.storageInstance.count(query);
  return result.count;
}

/**
 * Every product the replica holds, as fast as the snapshot allows, with the state the snapshot
 * keeper continues from.
 */
export async function loadCatalog(
  db: ReplicaDatabase,
  store: CatalogSnapshotStore,
  options: LoadOptions = {},
): Promise<LoadedCatalog> {
  const now = options.now ?? Date.now;
  const identity = await snapshotIdentity(db);
  const timings: LoadedCatalog['timings'] = {};
  let mark = performance.now();
  const lap = (name: keyof LoadedCatalog['timings']) => {
    const at = performance.now();
    timings[name] = (timings[name] ?? 0) + at - mark;
    mark = at;
  };
  let problem = 'ignored';
  if (!options.ignoreSnapshot) {
    let stored = null;
    try {
      stored = await store.read();
    } catch (error) {
      console.warn('Catalog snapshot: cannot read it', error);
    }
    lap('read');
    const checked = snapshotManifest(stored, identity);
    if (!checked.ok) {
      problem = checked.problem;
    } else if (checked.manifest.checkpoint && checked.manifest.checkpoint.lwt > now()) {
      // RxDB orders changes by its write time: with the clock set back, a change written now
      // could sort before the checkpoint and never be read.
      problem = 'its last change is later than the clock';
    } else {
      // IndexedDB reads the changes since the snapshot while this thread decodes the chunks.
      const changes = changesSince(
        db.products.storageInstance,
        CHANGES_PER_READ,
        checked.manifest.checkpoint ?? undefined,
      );
      void changes.catch(() => undefined);
      const decoded = decodeSnapshot(stored, identity);
      lap('decode');
      if (!decoded.ok) {
        problem = decoded.problem;
      } else {
        const state = CatalogSnapshotState.fromChunks(decoded.chunks, decoded.checkpoint);
        if (state.size !== decoded.products.length) {
          problem = 'a chunk names a product twice';
        } else {
          const documents = await changes;
          applyChanges(state, documents);
          let changesRead = documents.length;
          if (documents.length === CHANGES_PER_READ) {
            changesRead += await catchUpWithReplica(db.products, state);
          }
          lap('catchUp');
          return { state, identity, source: 'snapshot', problem: null, changesRead, timings };
        }
      }
    }
  }
  if (!options.ignoreSnapshot && problem !== 'no snapshot') {
    // Never use it later either: a snapshot refused for the clock could look valid again once
    // the clock passes it, while changes written meanwhile sort before its checkpoint.
    await store.clear().catch((error: unknown) => {
      console.warn('Catalog snapshot: cannot remove it', error);
    });
  }
  const state = CatalogSnapshotState.empty();
  mark = performance.now();
  const changesRead = await catchUpWithReplica(db.products, state);
  lap('replica');
  return { state, identity, source: 'replica', problem, changesRead, timings };
}

export interface ReplicaCheckOptions {
  /** Counts taken before giving up on a difference (sync may still be adding products). */
  attempts?: number;
  /** Between two counts. */
  waitMs?: number;
}

/**
 * After a start from the snapshot: whether the catalog holds as many products as the replica.
 * Null when they agree; else the problem, after `attempts` counts `waitMs` apart (a product
 * that sync adds between a count and the catalog's change is not a fault).
 */
export async function checkAgainstReplica(
  products: RxCollection<ProductDoc>,
  catalogSize: () => number,
  options: ReplicaCheckOptions = {},
): Promise<string | null> {
  const attempts = options.attempts ?? 3;
  let held = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, options.waitMs ?? 2_000));
    held = await countHeldProducts(products);
    if (held === catalogSize()) return null;
  }
  return `it holds ${catalogSize()} products, the replica ${held}`;
}

export interface SnapshotKeeperOptions {
  /** Write once products have not changed for this long (a sync comes in batches). */
  quietMs?: number;
  /** …but no later than this after the first change (a long import keeps changing them). */
  maxWaitMs?: number;
  now?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const yieldToUi = () => wait(0);

/**
 * RxDB stamps a write with the clock plus hundredths of a millisecond (more in a burst of writes
 * within one millisecond), so the last change can be a little ahead of `Date.now()`: a gap this
 * small is waited out. A larger one is a clock set back (see `notice`).
 */
const STAMP_AHEAD_MS = 1_000;

/**
 * Keeps the snapshot current: after products change in the replica (sync), it reads the changes
 * since its checkpoint and rewrites the chunks they touched, with the new checkpoint, in one
 * transaction. It follows the replica, not the register's in-memory index, so what it writes is
 * always exactly the replica up to its checkpoint.
 */
export class CatalogSnapshotKeeper {
  private subscription: Subscription | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private writesAfter: Promise<unknown> = Promise.resolve();
  private state: CatalogSnapshotState;
  private readonly identity: SnapshotIdentity;
  /** A change was written behind the checkpoint: only a rebuild from the replica is safe. */
  private rebuild = false;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(
    private readonly products: RxCollection<ProductDoc>,
    private readonly store: CatalogSnapshotStore,
    loaded: Pick<LoadedCatalog, 'state' | 'identity'>,
    options: SnapshotKeeperOptions = {},
  ) {
    this.state = loaded.state;
    this.identity = loaded.identity;
    this.quietMs = options.quietMs ?? 3_000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Follows product changes from now on; writes wait for `writesAfter` (the first sync: the
   * whole catalog is then written once, not again and again as it comes in). A snapshot that
   * start-up found out of date is written soon after.
   */
  start(writesAfter: Promise<unknown> = Promise.resolve()): void {
    this.writesAfter = writesAfter;
    this.subscription ??= this.products.$.subscribe((event) => {
      this.notice(event);
      this.schedule();
    });
    if (this.state.hasChanges) this.schedule();
  }

  /**
   * RxDB orders changes by its write time, monotonic within this process but not across a
   * restart: if the clock was set back, a change can sort before the checkpoint, where no
   * catch-up would ever read it. Such a change, not already read, makes the keeper rebuild.
   */
  private notice(event: RxChangeEvent<ProductDoc>): void {
    const doc = event.documentData;
    if (isAfterCheckpoint(doc._meta.lwt, event.documentId, this.state.checkpoint)) return;
    const held = this.state.get(event.documentId);
    const current = event.operation === 'DELETE' ? undefined : plainProduct(doc);
    if (!sameProduct(held, current)) this.rebuild = true;
  }

  private schedule(): void {
    const at = this.now();
    this.firstChangeAt ??= at;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstChangeAt + this.maxWaitMs - at));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.firstChangeAt = null;
      this.flush().catch((error: unknown) => {
        console.warn('Catalog snapshot: not written', error);
      });
    }, wait);
  }

  /** Catches up with the replica and writes what changed; one write at a time. */
  flush(): Promise<void> {
    const run = this.queue.then(() => this.writesAfter).then(() => this.writeChanges());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeChanges(): Promise<void> {
    if (this.rebuild) {
      this.rebuild = false;
      await this.store.clear();
      this.state = CatalogSnapshotState.empty();
    }
    const { state, identity } = this;
    await catchUpWithReplica(this.products, state);
    if (!state.hasChanges) return;
    // Start-up would not trust it (see loadCatalog); wait for the clock to pass it.
    const ahead = state.checkpoint ? state.checkpoint.lwt - this.now() : 0;
    if (ahead > STAMP_AHEAD_MS) return;
    if (ahead >= 0) await wait(Math.ceil(ahead) + 1);
    const indexes = state.takeChangedChunks();
    const manifest = state.manifest(identity);
    const chunks: SnapshotChunk[] = [];
    try {
      for (const index of indexes) {
        chunks.push(state.encodeChunk(index));
        await yieldToUi(); // a chunk is a few megabytes of JSON: keep the register responsive
      }
      await this.store.write(manifest, chunks);
    } catch (error) {
      state.markUnwritten(indexes);
      throw error;
    }
  }

  /** The snapshot is wrong (checkAgainstReplica): write it again from the replica, soon. */
  rebuildFromReplica(): void {
    this.rebuild = true;
    this.schedule();
  }

  /** Stops following changes and waits for a write under way. */
  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }
}
