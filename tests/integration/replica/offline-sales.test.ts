/**
 * A register offline for a long run of sales: 120 sales completed with the domain core while the
 * sync-server is stopped, written to the replica like the cashier's app does. When the server
 * is back every sale and stock move arrives exactly once, the server's own re-pricing accepts
 * every sale (no refusals), another register of the store can read them, and a restart of the
 * replication sends nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import type { ReplicationHandle, SyncSnapshot } from '../../../renderer/data/replication';
import { generateDemoData, SeededRandom } from '../../../src/demo';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { timeOrderedId } from '../../../src/ids';
import { minor } from '../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../src/pricing';
import type { CartLineInput } from '../../../src/pricing';
import { completeSale } from '../../../src/sales';
import { registerConfig } from '../../helpers/register-config';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { waitFor } from '../../helpers/wait-for';

const SALES = 120;

interface Register {
  database: ReplicaDatabase;
  replication: ReplicationHandle;
  snapshot: SyncSnapshot;
}

async function openRegister(
  server: SyncServerProcess,
  device: EnrolledDevice,
  name: string,
): Promise<Register> {
  const config = registerConfig(server, device, name);
  const database = await openReplica(`${name}-${Date.now()}`, getRxStorageMemory());
  const register: Register = {
    database,
    replication: undefined as unknown as ReplicationHandle,
    snapshot: {
      online: false,
      lastSyncAt: null,
      lastError: null,
      readyCollections: [],
      pendingPush: 0,
      pendingSales: 0,
      rejected: [],
    },
  };
  register.replication = startReplication(
    database,
    config,
    (update) => {
      register.snapshot = { ...register.snapshot, ...update };
    },
    { refreshMs: 250, retryMs: 300 },
  );
  await register.replication.initialPull(['products', 'settings']);
  return register;
}

describe('a long run of sales offline', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-offline-sales-'));
  let server: SyncServerProcess;
  let first: Register;
  let device: EnrolledDevice;

  beforeAll(async () => {
    server = await startSyncServerProcess({ dataDir, seedDemo: true, demoHistory: true });
    device = await server.enrollDevice('hcm-q1', 'reg-01');
    first = await openRegister(server, device, 'reg-01');
  }, 240_000);

  afterAll(async () => {
    await first?.replication.stop();
    await first?.database.close();
    await server?.stop({ keepData: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sells with the server down, then converges without duplicates or refusals', async () => {
    const demo = generateDemoData({
      now: '2026-11-23T00:00:00.000Z',
      productCount: 3000,
      customerCount: 0,
    });
    const settings = (
      await first.database.settings.findOne('store_hcm-q1').exec()
    )?.toJSON() as StoreSettingsDoc;
    const products = demo.products.filter((product) => product.pricing === 'unit').slice(0, 400);
    await server.stop({ keepData: true });

    const random = new SeededRandom(7);
    const bytes = (length: number) => random.bytes(length);
    const start = Date.parse('2026-11-23T09:00:00.000Z');
    // The replica also holds the store's stock pulled before (the demo's opening stock): count
    // only what these sales wrote.
    let movesWritten = 0;
    for (let index = 0; index < SALES; index++) {
      const at = new Date(start + index * 60_000).toISOString();
      const lines: CartLineInput[] = [];
      for (let line = 0; line < random.int(1, 4); line++) {
        const product = random.pick(products);
        lines.push({
          lineId: `l${line}`,
          productId: product.id,
          sku: product.sku,
          name: product.name.vi,
          categoryId: product.categoryId,
          pricing: 'unit',
          unitPrice: product.unitPrice,
          quantity: random.int(1, 3),
          taxRateId: product.taxRateId,
        });
      }
      const total = priceCart({ lines }, pricingContextFromSettings(settings, at)).totals.total;
      const result = completeSale({
        saleId: timeOrderedId('sale', start + index * 60_000, bytes),
        createdAt: at,
        completedAt: at,
        storeId: 'hcm-q1',
        registerId: 'reg-01',
        deviceId: device.deviceId,
        staffId: 'staff_lan',
        settings,
        cart: { lines },
        tenders: [
          { tenderId: 't1', kind: 'cash', amount: minor(Math.ceil(total / 100_000) * 100_000) },
        ],
      });
      if (!result.ok) throw new Error(result.error.message);
      await first.database.sales.insert(result.completed.sale);
      await first.database.stock.bulkInsert(result.completed.stockMoves);
      movesWritten += result.completed.stockMoves.length;
    }
    await first.replication.refresh();
    expect(first.snapshot.pendingPush).toBe(SALES + movesWritten);
    expect(first.snapshot.pendingSales).toBe(SALES);

    server = await startSyncServerProcess({ dataDir, port: server.port });
    await waitFor(
      async () => {
        await first.replication.refresh();
        return first.snapshot.pendingPush === 0 && first.snapshot.online;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'the offline sales to reach the server' },
    );
    expect(first.snapshot.rejected).toEqual([]);

    const count = async (db: string) => {
      const response = await fetch(`${server.url}/db/${db}`, {
        headers: { Authorization: server.adminAuth },
      });
      return ((await response.json()) as { doc_count: number }).doc_count;
    };
    // Besides the demo's own past (src/demo): its sales and stock moves in this store.
    const seeded = generateDemoData({ now: new Date().toISOString() });
    const seededSales = seeded.sales.filter((sale) => sale.storeId === 'hcm-q1').length;
    const seededMoves = seeded.stock.filter((move) => move.storeId === 'hcm-q1').length;
    expect(await count('sales-hcm-q1')).toBe(SALES + seededSales);
    expect(await count('stock-hcm-q1')).toBe(movesWritten + seededMoves);

    // Another register of the same store may read every sale. (A second RxDB replica cannot be
    // opened in this process: the free tier counts collections per process, STACK.md.)
    const other = await server.enrollDevice('hcm-q1', 'reg-02');
    const seen = await fetch(`${server.url}/db/sales-hcm-q1/_all_docs`, {
      headers: { Authorization: other.auth },
    });
    expect(((await seen.json()) as { rows: unknown[] }).rows).toHaveLength(SALES + seededSales);

    // Restarting replication (a register restart) re-sends nothing new.
    await first.replication.stop();
    first.replication = startReplication(
      first.database,
      registerConfig(server, device, 'reg-01'),
      (update) => {
        first.snapshot = { ...first.snapshot, ...update };
      },
      { refreshMs: 250, retryMs: 300 },
    );
    await first.replication.refresh();
    expect(await count('sales-hcm-q1')).toBe(SALES + seededSales);
  }, 120_000);

  it('has a sale whose totals do not add up refused at the server, with the reason', async () => {
    // One of this register's own sales (the replica also holds the demo's past ones).
    const [sale] = await first.database.sales
      .find({ selector: { registerId: 'reg-01' }, limit: 1 })
      .exec();
    if (!sale) throw new Error('no sale to copy');
    const forged = JSON.parse(JSON.stringify(sale.toJSON())) as SaleDoc;
    forged.id = timeOrderedId('sale', Date.parse('2026-11-23T12:00:00.000Z'), () =>
      new Uint8Array(10).fill(7),
    );
    forged.priced.totals.total = minor(forged.priced.totals.total - 1000);
    await first.database.sales.insert(forged);
    await waitFor(
      async () => {
        await first.replication.refresh();
        return first.snapshot.rejected.find((entry) => entry.id === forged.id);
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'the forged sale to be refused' },
    );
    const rejection = first.snapshot.rejected.find((entry) => entry.id === forged.id);
    expect(rejection?.reason).toMatch(/total/i);
  });
});
