/**
 * A focused bench of the server index (sync-server/index/server-index.ts) on the embedded store:
 * `npx tsx tests/bench/server-index-bench.ts [stores] [salesPerStore]` (default 10 × 3,000).
 * Seeds sales (a 3-line cart built by src/sales), two stock moves per sale, a return to store
 * credit for every tenth sale and a sale spending each such note, straight into LevelDB. Then it
 * times, on the same data, the full reads the server made before the index (a balance read every
 * sales and returns database; a reconciliation run read sales, orders, returns and stock) and
 * the indexed paths: the one-off build, a balance after one more sale, a reconciliation run
 * after one more sale, and a restart (init and catch-up with nothing new). Prints a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoStoreSettings } from '../../src/demo';
import type { ReturnDoc, SaleDoc, StockMoveDoc, WebOrderDoc } from '../../src/documents';
import { minor } from '../../src/money';
import { completeSale } from '../../src/sales';
import {
  storedValueAccount,
  storedValueFactsOfReturn,
  storedValueFactsOfSale,
} from '../../src/stored-value';
import { stockLevels } from '../../src/stock';
import { readCollection } from '../../sync-server/storage/collection-reader';
import { toCouchDoc } from '../../sync-server/storage/couch-doc';
import { INTERNAL_DATABASES } from '../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../sync-server/storage/pouch-document-store';
import { Reconciler } from '../../sync-server/index/reconciler';
import { ServerIndex } from '../../sync-server/index/server-index';
import { SettingsHistory } from '../../sync-server/history/settings-history';
import { storedValueAccountOf } from '../../sync-server/services/stored-value';

const STORES = Number(process.argv[2] ?? 10);
const SALES = Number(process.argv[3] ?? 3000);
const quiet = () => undefined;

function template(storeId: string): SaleDoc {
  const at = '2026-11-21T09:00:00.000Z';
  const lines = [1, 2, 3].map((n) => ({
    lineId: `l${n}`,
    productId: `prod_SKU00000${n}`,
    sku: `SKU00000${n}`,
    name: `Sản phẩm ${n}`,
    categoryId: 'drinks',
    pricing: 'unit' as const,
    unitPrice: minor(10_000 * n),
    quantity: n,
    taxRateId: 'vat8',
  }));
  const result = completeSale({
    saleId: 'sale_template',
    createdAt: at,
    completedAt: at,
    storeId,
    registerId: 'reg-01',
    deviceId: 'dev_bench',
    staffId: 'staff_bench',
    settings: demoStoreSettings(storeId, 'S', 'A', '2026-01-01T00:00:00.000Z'),
    cart: { lines },
    tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(200_000) }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

function creditNote(id: string, storeId: string, original: string): ReturnDoc {
  return {
    id,
    storeId,
    registerId: 'reg-01',
    deviceId: 'dev_bench',
    staffId: 'staff_bench',
    currency: 'VND',
    original: { documentId: original, channel: 'store' },
    lines: [
      {
        productId: 'prod_SKU000001',
        sku: 'SKU000001',
        name: 'Sản phẩm 1',
        categoryId: 'drinks',
        quantity: 1,
        originalLineId: 'l1',
        refund: minor(10_000),
        tax: minor(0),
        taxRateId: 'vat8',
        rateBp: 800,
        reason: 'changed mind',
        restock: true,
      },
    ],
    totals: { refund: minor(10_000), taxable: minor(10_000), tax: minor(0) },
    taxBreakdown: [],
    tenders: [{ kind: 'store-credit', covers: minor(10_000), amount: minor(10_000) }],
    cashRoundingAdjustment: minor(0),
    loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    status: 'completed',
    createdAt: '2026-11-20T09:00:00.000Z',
    completedAt: '2026-11-20T09:00:00.000Z',
  };
}

function saleOf(base: SaleDoc, id: string, note?: string): SaleDoc {
  if (!note) return { ...base, id };
  return {
    ...base,
    id,
    payment: {
      ...base.payment,
      tenders: [
        {
          kind: 'store-credit',
          tenderId: 't2',
          amount: minor(5_000),
          applied: minor(5_000),
          rounding: minor(0),
          change: minor(0),
          creditReference: note,
        },
        ...base.payment.tenders,
      ],
    },
  };
}

function moves(sale: SaleDoc): StockMoveDoc[] {
  return [1, 2].map((n) => ({
    id: `stk_${sale.id}_${n}`,
    storeId: sale.storeId,
    sku: `SKU00000${n}`,
    kind: 'sale',
    quantity: -n,
    sourceId: sale.id,
    createdAt: sale.completedAt,
  }));
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** Without express-pouchdb's `allDbs`: the bench knows which databases it made. */
class BenchStore extends PouchDocumentStore {
  static readonly names = new Set<string>();

  override async ensureDatabase(name: string): Promise<void> {
    BenchStore.names.add(name);
    await super.ensureDatabase(name);
  }

  override listDatabases(): Promise<string[]> {
    return Promise.resolve([...BenchStore.names].sort());
  }
}

async function openStore(dir: string): Promise<PouchDocumentStore> {
  const store = new BenchStore(dir);
  for (const db of ['loyalty', ...Object.values(INTERNAL_DATABASES)])
    await store.ensureDatabase(db);
  return store;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-index-bench-'));
  const rows: [string, string][] = [];
  const report = (what: string, ms: number) => rows.push([what, `${ms.toFixed(1)} ms`]);
  try {
    let store = await openStore(dir);
    const seedStart = performance.now();
    const firstNote = `ret_BENCH_S0_0`;
    for (let s = 0; s < STORES; s++) {
      const storeId = `s${s}`;
      const base = template(storeId);
      for (const db of ['sales', 'returns', 'stock', 'orders', 'pickups'])
        await store.ensureDatabase(`${db}-${storeId}`);
      for (let start = 0; start < SALES; start += 500) {
        const sales: SaleDoc[] = [];
        const returns: ReturnDoc[] = [];
        for (let n = start; n < Math.min(SALES, start + 500); n++) {
          const id = `sale_BENCH_${storeId}_${String(n).padStart(6, '0')}`;
          const spends = n % 10 === 5 ? `ret_BENCH_S${s}_${n - 5}` : undefined;
          sales.push(saleOf(base, id, spends));
          if (n % 10 === 0) returns.push(creditNote(`ret_BENCH_S${s}_${n}`, storeId, id));
        }
        await store.bulkDocs(`sales-${storeId}`, sales.map(toCouchDoc), true);
        await store.bulkDocs(`returns-${storeId}`, returns.map(toCouchDoc), true);
        await store.bulkDocs(`stock-${storeId}`, sales.flatMap(moves).map(toCouchDoc), true);
      }
    }
    rows.push([
      'data',
      `${STORES} stores × ${SALES} sales, ${(STORES * SALES) / 10} returns, ${STORES * SALES * 2} stock moves (seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s)`,
    ]);

    // Before: what a balance request and a reconciliation run read.
    const [balanceBefore, account] = await time(async () => {
      const [returns, sales] = await Promise.all([
        readCollection<ReturnDoc>(store, 'returns'),
        readCollection<SaleDoc>(store, 'sales'),
      ]);
      const facts = [
        ...returns.flatMap(({ doc }) => storedValueFactsOfReturn(doc)),
        ...sales.flatMap(({ doc }) => storedValueFactsOfSale(doc)),
      ];
      return storedValueAccount(firstNote, facts, [], new Date().toISOString());
    });
    report('before: one balance (full read of sales and returns)', balanceBefore);
    const [runBefore] = await time(async () => {
      await readCollection<SaleDoc>(store, 'sales');
      await readCollection<WebOrderDoc>(store, 'orders');
      await readCollection<ReturnDoc>(store, 'returns');
      stockLevels((await readCollection<StockMoveDoc>(store, 'stock')).map((move) => move.doc));
      await readCollection<ReturnDoc>(store, 'returns');
      await readCollection<SaleDoc>(store, 'sales');
    });
    report('before: reads of one reconciliation run after a sale (lower bound)', runBefore);

    // After: the index.
    let index = new ServerIndex(store, quiet);
    await index.init();
    const [build] = await time(() => index.catchUp());
    report(`after: one-off index build (${index.stats.documentsRead} documents)`, build);
    const base = template('s0');
    const extra = saleOf(base, 'sale_BENCH_s0_extra1', firstNote);
    await store.bulkDocs('sales-s0', [toCouchDoc(extra)], true);
    await store.bulkDocs('stock-s0', moves(extra).map(toCouchDoc), true);
    const [balanceAfter, indexed] = await time(() =>
      storedValueAccountOf(index, store, firstNote, new Date().toISOString()),
    );
    report('after: one balance, one new sale to catch up', balanceAfter);
    const [balanceQuiet] = await time(() =>
      storedValueAccountOf(index, store, firstNote, new Date().toISOString()),
    );
    report('after: one balance, nothing new', balanceQuiet);
    if (indexed.redeemed !== account.redeemed + 5_000)
      throw new Error(`Balance differs: ${indexed.redeemed} vs ${account.redeemed} + 5000`);

    const reconciler = new Reconciler(store, index, new SettingsHistory(store, quiet), 0, quiet);
    await reconciler.init();
    reconciler.schedule('stock-s0', []);
    const [firstRun] = await time(() => reconciler.settled());
    report(`after: first reconciliation run (${reconciler.lastRun.keys} keys marked)`, firstRun);
    const another = saleOf(base, 'sale_BENCH_s0_extra2', 'ret_BENCH_S0_10');
    await store.bulkDocs('sales-s0', [toCouchDoc(another)], true);
    await store.bulkDocs('stock-s0', moves(another).map(toCouchDoc), true);
    reconciler.schedule('sales-s0', [toCouchDoc(another)]);
    const [run] = await time(() => reconciler.settled());
    report(`after: reconciliation run after one sale (${reconciler.lastRun.keys} keys)`, run);

    await store.close();
    store = await openStore(dir);
    for (let s = 0; s < STORES; s++)
      for (const db of ['sales', 'returns', 'stock', 'orders', 'pickups'])
        await store.ensureDatabase(`${db}-s${s}`);
    index = new ServerIndex(store, quiet);
    const [restart] = await time(async () => {
      await index.init();
      await index.catchUp();
    });
    report(
      `after: restart, init and catch-up (${index.stats.documentsRead} documents read)`,
      restart,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([what]) => what.length));
  for (const [what, value] of rows) console.log(`${what.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
