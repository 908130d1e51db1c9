/**
 * Start-up after a crash (renderer/sell/sale-repair.ts, cart-journal.ts) on a real RxDB replica
 * in memory: a sale stored without its stock moves and ledger entries is completed, once; the
 * open cart of a sale that was not stored comes back with its id and payment; the cart of a
 * stored sale does not; an online hold of a repaired sale is confirmed again with the server.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { setServices } from '../../../renderer/services';
import type { Services } from '../../../renderer/services';
import {
  clearCartJournal,
  readCartJournal,
  saveCartJournalNow,
  startCartJournal,
  stopCartJournal,
} from '../../../renderer/sell/cart-journal';
import { useCartStore } from '../../../renderer/sell/cart-store';
import { adoptPointsHold } from '../../../renderer/sell/payment/points-holds';
import { recoverAtStart } from '../../../renderer/sell/sale-repair';
import { generateDemoData } from '../../../src/demo';
import type { AppConfig } from '../../../src/ipc/contract';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { CatalogIndex } from '../../../src/search';
import { cart, NOW, storeSettings } from './sale-fixtures';

const REGISTER = { storeId: 'hcm-q1', registerId: 'reg-01' };
const [COFFEE] = generateDemoData({ now: NOW, productCount: 2, customerCount: 1 }).products;

/** Hold confirmations the register sends, as the sync-server would take them. */
let confirmations: string[] = [];
let api: Server;
let db: ReplicaDatabase;
let replicaCount = 0;

function saleMadeNow(saleId: string): ReturnType<typeof completedSale> {
  return completedSale(saleId, new Date().toISOString());
}

function completedSale(saleId: string, at: string) {
  const result = completeSale({
    saleId,
    createdAt: at,
    completedAt: at,
    ...REGISTER,
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders: [
      { tenderId: 't1', kind: 'loyalty-points', amount: minor(20_000), points: 20 },
      { tenderId: 't2', kind: 'cash', amount: minor(52_000) },
    ],
    customer: { id: 'cust_1', tier: null, availablePoints: 40 },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed;
}

async function ids(collection: 'stock' | 'loyalty'): Promise<string[]> {
  return (await db[collection].find().exec()).map((doc) => doc.id).sort();
}

beforeAll(async () => {
  api = createServer((request, response) => {
    confirmations.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ holdId: 'h', points: 20, status: 'confirmed', available: 0 }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
});

beforeEach(async () => {
  confirmations = [];
  replicaCount += 1;
  db = await openReplica(`sale-repair-${replicaCount}`, getRxStorageMemory());
  await db.settings.insert(storeSettings());
  const port = (api.address() as AddressInfo).port;
  const config: AppConfig = {
    shell: 'browser',
    ...REGISTER,
    deviceId: 'dev_1',
    deviceSecret: 'secret',
    syncUrl: `http://127.0.0.1:${port}/db`,
    apiUrl: `http://127.0.0.1:${port}/api/v1`,
    locale: 'vi-VN',
    kiosk: false,
  };
  setServices({ config, db, catalog: new CatalogIndex() } as unknown as Services);
  useCartStore.getState().clear();
});

afterEach(async () => {
  stopCartJournal();
  await db.close();
});

describe('start-up after a crash', () => {
  it('completes a sale stored without its stock moves and points, and only once', async () => {
    const done = saleMadeNow('sale_01KAQ0000000000000000000C1');
    await db.sales.insert(done.sale);

    const first = await recoverAtStart(db, REGISTER);
    expect(first.repaired).toEqual([done.sale.id]);
    expect(await ids('stock')).toEqual(done.stockMoves.map((move) => move.id).sort());
    expect(await ids('loyalty')).toEqual(done.loyaltyEntries.map((entry) => entry.id).sort());
    const stored = await db.loyalty.findOne(`loy_01KAQ0000000000000000000C1.earn`).exec();
    expect(stored?.toJSON()).toEqual(done.loyaltyEntries.find((entry) => entry.kind === 'earn'));

    const again = await recoverAtStart(db, REGISTER);
    expect(again.repaired).toEqual([]);
    expect(await ids('stock')).toHaveLength(done.stockMoves.length);
    expect(await ids('loyalty')).toHaveLength(done.loyaltyEntries.length);
  });

  it('completes the journal’s sale even when it is older than the recent window', async () => {
    const done = completedSale('sale_01KAQ0000000000000000000C2', '2026-01-02T08:00:00.000Z');
    useCartStore.getState().reserveSaleId(done.sale.id);
    await saveCartJournalNow(db, REGISTER);
    await db.sales.insert(done.sale);

    const recovery = await recoverAtStart(db, REGISTER);
    expect(recovery.repaired).toEqual([done.sale.id]);
    expect((await readCartJournal(db, REGISTER))?.cart.saleId).toBeNull();
  });

  it('puts back the open cart of a sale that was not stored, with its id and payment', async () => {
    if (!COFFEE) throw new Error('The demo has no product.');
    startCartJournal(db, REGISTER);
    const cartNow = useCartStore.getState();
    cartNow.addProduct(COFFEE, { quantity: 2 });
    useCartStore.getState().addTender({ tenderId: 't1', kind: 'cash', amount: minor(50_000) });
    await saveCartJournalNow(db, REGISTER);
    const before = useCartStore.getState();

    // The register stops: memory is gone, the journal is not.
    stopCartJournal();
    useCartStore.getState().clear();
    const recovery = await recoverAtStart(db, REGISTER);

    const after = useCartStore.getState();
    expect(recovery.restoredSaleId).toBe(before.saleId);
    expect(after.saleId).toBe(before.saleId);
    expect(after.startedAt).toBe(before.startedAt);
    expect(after.lines).toEqual(before.lines);
    expect(after.tenders).toEqual(before.tenders);
    expect(after.paying).toBe(false);
  });

  it('does not bring back the cart of a stored sale, clears the journal, confirms its hold', async () => {
    const done = saleMadeNow('sale_01KAQ0000000000000000000C3');
    useCartStore.getState().reserveSaleId(done.sale.id);
    useCartStore.getState().addTender({
      tenderId: 't1',
      kind: 'loyalty-points',
      amount: minor(20_000),
      points: 20,
    });
    adoptPointsHold('t1', {
      mode: 'online',
      holdId: 'loy_hold1',
      expiresAt: '2099-01-01T00:00:00.000Z',
      customerId: 'cust_1',
      points: 20,
      value: minor(20_000),
      saleId: done.sale.id,
      idempotencyKey: 'k1',
      availableAfter: 20,
    });
    await saveCartJournalNow(db, REGISTER);
    await db.sales.insert(done.sale);
    await db.stock.bulkInsert(done.stockMoves);
    stopCartJournal();

    // (The cart in memory is left as it is: emptying it here would release the hold, which a
    // real restart, with nothing in memory, never does.)
    const recovery = await recoverAtStart(db, REGISTER);
    expect(recovery.restoredSaleId).toBeNull();
    expect(recovery.repaired).toEqual([done.sale.id]);
    expect((await readCartJournal(db, REGISTER))?.cart.saleId).toBeNull();
    await expect
      .poll(() => confirmations)
      .toEqual(['POST /api/v1/loyalty/holds/loy_hold1/confirm']);
    useCartStore.getState().clear();
  });

  it('ignores a journal another register left in a copied replica', async () => {
    useCartStore.getState().reserveSaleId('sale_01KAQ0000000000000000000C4');
    await saveCartJournalNow(db, { storeId: 'hcm-q1', registerId: 'reg-02' });
    useCartStore.getState().clear();
    const recovery = await recoverAtStart(db, REGISTER);
    expect(recovery.restoredSaleId).toBeNull();
    await clearCartJournal(db, REGISTER);
  });
});
