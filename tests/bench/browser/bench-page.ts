/**
 * The bench page: the register's own data layer (renderer/data: RxDB on Dexie/IndexedDB with
 * strict durability, the app's replication settings) and src/ modules, timed in Chromium with
 * performance.now(). It shares the app's origin, so the replica it fills on the first sync is
 * the very one the app opens afterwards.
 */
import { SeededRandom } from '../../../src/demo';
import type { ProductDoc } from '../../../src/documents';
import { CatalogIndex } from '../../../src/search';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import { benchSaleInput, completeBenchSale } from '../sale-factory';
import type { CompletedSale } from '../../../src/sales';
import type {
  BenchPageApi,
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
  const replication = startReplication(replica, request.config, () => undefined);
  const doneAtMs: Record<string, number> = {};
  try {
    await Promise.all(
      request.collections.map(async (name) => {
        await replication.initialPull([name]);
        doneAtMs[name] = performance.now() - start;
      }),
    );
  } finally {
    await replication.stop();
  }
  const ms = performance.now() - start;
  const counts: Record<string, number> = {};
  for (const name of request.collections) {
    const collection = replica.collections[name as keyof typeof replica.collections];
    counts[name] = await collection.count().exec();
  }
  return { ms, doneAtMs, counts };
}

/** What boot.ts does before the register is ready to scan: open, read the catalog, index it. */
async function coldStart(replicaName: string): Promise<ColdStartResult> {
  const start = performance.now();
  const replica = await openReplica(replicaName);
  db = replica;
  const opened = performance.now();
  const docs = await replica.products.find().exec();
  const queried = performance.now();
  const index = new CatalogIndex();
  for (const doc of docs) index.upsert(doc.toJSON() as ProductDoc);
  catalog = index;
  const ready = performance.now();
  return {
    sinceNavigationMs: ready,
    openMs: opened - start,
    queryMs: queried - opened,
    indexMs: ready - queried,
    products: index.size,
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

async function writeDurably(replica: ReplicaDatabase, completed: CompletedSale): Promise<number> {
  const writes = [
    replica.sales.bulkInsert([completed.sale]),
    replica.stock.bulkInsert(completed.stockMoves),
    ...(completed.loyaltyEntries.length > 0
      ? [replica.loyalty.bulkInsert(completed.loyaltyEntries)]
      : []),
  ];
  const results = await Promise.all(writes);
  const failed = results.flatMap((result) => result.error);
  if (failed.length > 0) throw new Error(`Write refused: ${JSON.stringify(failed[0])}`);
  return 1 + completed.stockMoves.length + completed.loyaltyEntries.length;
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
