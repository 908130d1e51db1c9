/**
 * A register updated while a sale has not reached the server yet: after the replica's sales are
 * upgraded to the next schema version, that sale is still counted as waiting to push, it is
 * pushed once the server answers, and the sale pushed before the update is not sent again.
 */
import { randomBytes } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import type { ReplicationHandle, SyncSnapshot } from '../../../renderer/data/replication';
import type { ProductDoc, SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { saleSchema } from '../../../src/documents';
import { timeOrderedId } from '../../../src/ids';
import type { AppConfig } from '../../../src/ipc/contract';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { registerConfig } from '../../helpers/register-config';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { waitFor } from '../../helpers/wait-for';
import { nextVersionSchemas } from './support/bumped-schemas';

describe('a sale waiting to push across a schema upgrade', () => {
  const storage = getRxStorageMemory();
  const name = `migration-sync-${Date.now()}`;
  let server: SyncServerProcess;
  let device: EnrolledDevice;
  let database: ReplicaDatabase | undefined;
  let replication: ReplicationHandle | undefined;
  let snapshot: Partial<SyncSnapshot> = {};

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    device = await server.enrollDevice('hcm-q1', 'reg-01');
  }, 90_000);

  afterAll(async () => {
    await replication?.stop();
    if (database && !database.closed) await database.close();
    await server?.stop();
  });

  function config(syncBase: string): AppConfig {
    return registerConfig({ url: syncBase }, device, 'reg-01');
  }

  function replicate(db: ReplicaDatabase, syncBase: string): ReplicationHandle {
    snapshot = {};
    return startReplication(
      db,
      config(syncBase),
      (update) => {
        snapshot = { ...snapshot, ...update };
      },
      { refreshMs: 250, retryMs: 300 },
    );
  }

  function sale(settings: StoreSettingsDoc, product: ProductDoc, at: number): SaleDoc {
    const time = new Date(at).toISOString();
    const result = completeSale({
      saleId: timeOrderedId('sale', at, randomBytes),
      createdAt: time,
      completedAt: time,
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: device.deviceId,
      staffId: 'staff_lan',
      settings,
      cart: {
        lines: [
          {
            lineId: 'l1',
            productId: product.id,
            sku: product.sku,
            name: product.name.vi,
            categoryId: product.categoryId,
            pricing: 'unit',
            unitPrice: product.unitPrice,
            quantity: 1,
            taxRateId: product.taxRateId,
          },
        ],
      },
      tenders: [
        {
          tenderId: 't1',
          kind: 'cash',
          amount: minor(Math.ceil(product.unitPrice / 1000) * 1000 + 500_000),
        },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.completed.sale;
  }

  async function onServer(id: string): Promise<{ _rev?: string } | null> {
    const response = await fetch(`${server.url}/db/sales-hcm-q1/${id}`, {
      headers: { Authorization: server.adminAuth },
    });
    return response.ok ? ((await response.json()) as { _rev: string }) : null;
  }

  it('still counts the sale as waiting, pushes it, and sends nothing twice', async () => {
    database = await openReplica(name, storage);
    replication = replicate(database, server.url);
    await replication.initialPull(['products', 'settings']);
    const settings = (
      await database.settings.findOne('store_hcm-q1').exec()
    )?.toJSON() as StoreSettingsDoc;
    const product = (
      await database.products.findOne({ selector: { pricing: 'unit' } }).exec()
    )?.toJSON() as ProductDoc;
    const pushedSale = sale(settings, product, Date.now() - 60_000);
    await database.sales.insert(pushedSale);
    await waitFor(() => onServer(pushedSale.id), { timeoutMs: 30_000, description: 'sale 1' });
    const pushedRev = (await onServer(pushedSale.id))?._rev;

    // The register goes offline, sells once more, and is updated before it is back.
    await replication.stop();
    const waiting = sale(settings, product, Date.now());
    await database.sales.insert(waiting);
    await database.close();

    database = await openReplica(name, storage, nextVersionSchemas());
    expect(database.sales.schema.version).toBe(saleSchema.version + 1);
    expect((await database.sales.findOne(waiting.id).exec())?.toJSON()).toEqual(waiting);

    // Still offline after the update: exactly the one sale is waiting to push.
    replication = replicate(database, 'http://127.0.0.1:1');
    await waitFor(
      async () => {
        await replication?.refresh();
        return snapshot.pendingPush === 1;
      },
      { timeoutMs: 10_000, description: `1 waiting to push (${snapshot.pendingPush} seen)` },
    );
    await replication.stop();

    // Back online: it arrives, and the sale pushed before the update is not sent again.
    replication = replicate(database, server.url);
    await waitFor(() => onServer(waiting.id), { timeoutMs: 30_000, description: 'sale 2' });
    await waitFor(
      async () => {
        await replication?.refresh();
        return snapshot.pendingPush === 0;
      },
      { timeoutMs: 30_000, description: 'nothing left to push' },
    );
    expect((await onServer(pushedSale.id))?._rev).toBe(pushedRev);
    expect(snapshot.rejected ?? []).toEqual([]);
  });
});
