/**
 * The bench page: the register's own data layer (renderer/data: RxDB on Dexie/IndexedDB with
 * strict durability, the app's replication settings) and src/ modules, timed in Chromium with
 * performance.now(). It shares the app's origin, so the replica it fills on the first sync is
 * the very one the app opens afterwards.
 */
import type { RxCollection } from 'rxdb';
import { SeededRandom } from '../../../src/demo';
import type { ProductDoc } from '../../../src/documents';
import { CatalogIndex, CatalogSnapshotState } from '../../../src/search';
import {
  CatalogSnapshotKeeper,
  checkAgainstReplica,
  loadCatalog,
  snapshotIdentity,
} from '../../../renderer/data/catalog-snapshot';
import { indexedDbSnapshotStore } from '../../../renderer/data/catalog-snapshot-store';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import { benchSaleInput, completeBenchSale } from '../sale-factory';
import type { CompletedSale } from '../../../src/sales';
import type {
  BenchPageApi,
  ColdStartOptions,
  ColdStartResult,
  CompletionRequest,
  CompletionResult,
  FirstSyncRequest,
  FirstSyncResult,
  SearchResult,
} from './bench-page-api';

let db: ReplicaDatabase | null = null;
let catalog: CatalogIndex | null = null;

async function firstSync(request: FirstSyncRequest): Promise<FirstSyncResult> {
  const start = performance.now();
  const replica = await openReplica(request.replicaName);
  db = replica;
  // Replication errors go to the console, where the driver shows them if the sync stalls.
  // As the app does, a fresh replica fills products and customers from the server's snapshot
  // first (renderer/data/first-sync.ts), then replicates live from where it ended.
  let fromServerSnapshot = 0;
  const replication = startReplication(replica, request.config, (update) => {
    if (update.lastError) console.warn(`bench: replication: ${update.lastError}`);
    if (update.firstSync) fromServerSnapshot = Math.max(fromServerSnapshot, update.firstSync.done);
  });
  const doneAtMs: Record<string, number> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const pulled = Promise.all(
      request.collections.map(async (name) => {
        await replication.initialPull([name]);
        doneAtMs[name] = performance.now() - start;
      }),
    );
    const stalled = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        void countAll(replica, request.collections).then((counts) =>
          reject(new Error(`The first sync did not finish in time: ${JSON.stringify(counts)}`)),
        );
      }, request.timeoutMs);
    });
    await Promise.race([pulled, stalled]);
  } finally {
    clearTimeout(timer);
    await replication.stop();
  }
  const ms = performance.now() - start;
  // What the app does once its first sync is in (boot.ts): write the start-up snapshot.
  const snapshotStart = performance.now();
  const store = indexedDbSnapshotStore(request.replicaName);
  const keeper = new CatalogSnapshotKeeper(replica.products, store, {
    state: CatalogSnapshotState.empty(),
    identity: await snapshotIdentity(replica),
  });
  await keeper.flush();
  store.close();
  const snapshotMs = performance.now() - snapshotStart;
  return {
    ms,
    doneAtMs,
    counts: await countAll(replica, request.collections),
    snapshotMs,
    fromServerSnapshot,
  };
}

async function countAll(
  replica: ReplicaDatabase,
  names: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of names) {
    const collection = replica.collections[name as keyof typeof replica.collections];
    counts[name] = await collection.count().exec();
  }
  return counts;
}

/**
 * What boot.ts does before the register is ready to scan: open, load the catalog (the start-up
 * snapshot and the changes since, or every product), index it.
 */
async function coldStart(
  replicaName: string,
  options: ColdStartOptions = {},
): Promise<ColdStartResult> {
  const start = performance.now();
  const replica = await openReplica(replicaName);
  db = replica;
  const opened = performance.now();
  const loaded = await loadCatalog(replica, indexedDbSnapshotStore(replicaName), {
    ignoreSnapshot: options.ignoreSnapshot === true,
  });
  const queried = performance.now();
  const index = new CatalogIndex();
  index.load(loaded.state.products());
  catalog = index;
  const ready = performance.now();
  // After ready, as boot.ts does: the replica's count against the catalog (not in the figure).
  const checkProblem =
    loaded.source === 'snapshot'
      ? await checkAgainstReplica(replica.products, () => index.size, { attempts: 1 })
      : null;
  if (checkProblem) throw new Error(`The start-up snapshot did not match: ${checkProblem}`);
  const checkMs = performance.now() - ready;
  return {
    sinceNavigationMs: ready,
    openMs: opened - start,
    queryMs: queried - opened,
    indexMs: ready - queried,
    products: index.size,
    source: loaded.source,
    changesRead: loaded.changesRead,
    loadTimings: loaded.timings,
    checkMs,
  };
}

function search(queries: string[], limit: number): SearchResult {
  const index = catalog;
  if (!index) throw new Error('coldStart first: the catalog index is built there');
  const samples: number[] = [];
  const hits: number[] = [];
  for (const query of queries) {
    let found = 0;
    // As the cashier types: every prefix of the query is one search.
    for (let length = 1; length <= query.length; length++) {
      const typed = query.slice(0, length);
      const start = performance.now();
      found = index.search(typed, limit).length;
      samples.push(performance.now() - start);
    }
    hits.push(found);
  }
  return { samples, hits };
}

/**
 * The writes renderer/sell/finish-sale.ts makes (its insertAll is private, and finishSale needs
 * the whole app's state): the sale, then its stock moves, then its ledger entries, one
 * bulkInsert each, in that order, each durable (Dexie, strict) before the next starts.
 */
async function insertAll<T>(collection: RxCollection<T>, docs: T[]): Promise<number> {
  if (docs.length === 0) return 0;
  const result = await collection.bulkInsert(docs);
  const failed = result.error.filter((error) => error.status !== 409);
  if (failed.length > 0)
    throw new Error(`${collection.name}: write refused (${failed[0]?.status})`);
  return docs.length;
}

async function writeDurably(replica: ReplicaDatabase, completed: CompletedSale): Promise<number> {
  return (
    (await insertAll(replica.sales, [completed.sale])) +
    (await insertAll(replica.stock, completed.stockMoves)) +
    (await insertAll(replica.loyalty, completed.loyaltyEntries))
  );
}

async function completeSales(request: CompletionRequest): Promise<CompletionResult> {
  const replica = db;
  const index = catalog;
  if (!replica || !index) throw new Error('coldStart first: the replica is opened there');
  const random = new SeededRandom(request.seed);
  const products = request.productIds
    .map((id) => index.get(id))
    .filter((product): product is ProductDoc => product?.active === true);
  if (products.length === 0) throw new Error('None of the requested products is in the replica');
  const samples: number[] = [];
  const assembleMs: number[] = [];
  let documents = 0;
  for (let round = 0; round < request.count; round++) {
    const input = benchSaleInput({
      random,
      products,
      customers: request.customers,
      settings: request.settings,
      parties: request.parties,
      nowMs: Date.now(),
      lineCount: random.int(request.lineCount.min, request.lineCount.max),
    });
    const start = performance.now();
    const completed = completeBenchSale(input);
    const assembled = performance.now();
    documents += await writeDurably(replica, completed);
    samples.push(performance.now() - start);
    assembleMs.push(assembled - start);
  }
  return { samples, assembleMs, documents };
}

async function close(): Promise<void> {
  await db?.close();
  db = null;
  catalog = null;
}

const api: BenchPageApi = { firstSync, coldStart, search, completeSales, close };
window.omnitillBench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'bench page ready';
