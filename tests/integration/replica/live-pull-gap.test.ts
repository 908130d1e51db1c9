/**
 * A web order written on the server just after the register's first catch-up, before its live
 * pull has asked for changes for the first time, still reaches the register. RxDB follows
 * changes from `since=now`, so such a document was in neither read: it stayed missing until the
 * app restarted (a CI run showed it as a web order that never reached the pickup queue). The
 * poll interval is stretched here to hold that window open for long enough to write into it.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import type { ReplicationHandle } from '../../../renderer/data/replication';
import { registerConfig } from '../../helpers/register-config';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { SyncServerProcess } from '../../helpers/sync-server-process';
import { waitFor } from '../../helpers/wait-for';

const POLL_INTERVAL_MS = 8000;

describe('the live pull after the first catch-up', () => {
  let server: SyncServerProcess;
  let database: ReplicaDatabase;
  let replication: ReplicationHandle;
  let replicationStartedAt = 0;

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    const device = await server.enrollDevice('hcm-q1', 'reg-gap');
    const config = registerConfig(server, device, 'reg-gap');
    database = await openReplica(`live-gap-${Date.now()}`, getRxStorageMemory());
    replicationStartedAt = Date.now();
    replication = startReplication(database, config, () => undefined, {
      refreshMs: 60_000,
      pollIntervalMs: POLL_INTERVAL_MS,
    });
  }, 90_000);

  afterAll(async () => {
    await replication?.stop();
    await database?.close();
    await server?.stop();
  });

  it('brings a web order placed between the catch-up and the first live answer', async () => {
    await replication.initialPull(['orders']);
    const demoOrders = await database.orders.count().exec();
    expect(demoOrders).toBeGreaterThan(0);

    const response = await fetch(`${server.url}/api/v1/orders`, {
      method: 'POST',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        externalId: 'SHOP-GAP-1',
        channel: 'web',
        customer: { name: 'Trần Thị Bình', phone: '0987654321' },
        pickupStoreId: 'hcm-q1',
        currency: 'VND',
        lines: [
          { lineId: 'l1', sku: 'SKU000003', name: 'Trà đào', quantity: 1, unitPrice: 30000 },
        ].map((line) => ({ ...line, lineTotal: line.unitPrice, taxRateBp: 800 })),
        prepaid: 0,
        placedAt: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(201);
    const { orderId } = (await response.json()) as { orderId: string };
    // The order was written inside the window this test is about.
    expect(Date.now() - replicationStartedAt).toBeLessThan(POLL_INTERVAL_MS);

    const arrived = await waitFor(() => database.orders.findOne(orderId).exec(), {
      timeoutMs: 20_000,
      intervalMs: 200,
      description: `web order ${orderId} on the register`,
    });
    expect(arrived.toJSON().customerId).toBeTruthy();
    expect(await database.orders.count().exec()).toBe(demoOrders + 1);
  }, 60_000);
});
