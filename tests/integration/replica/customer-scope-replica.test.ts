/**
 * The register's own replica (RxDB, as the app runs it) at a store not set to "all customers":
 * the first pull holds only the customers the store needs and their ledgers; a customer of another
 * store looked up through the server's API then lands in the replica, with their points, at the
 * next pull (issue #15; docs/DATA.md "Customers and loyalty entries a register receives").
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { startReplication } from '../../../renderer/data/replication';
import type { ReplicationHandle } from '../../../renderer/data/replication';
import { generateDemoData } from '../../../src/demo';
import { DEMO_OTHER_STORE_ID } from '../../../src/demo/demo-ids';
import { registerConfig } from '../../helpers/register-config';
import { waitFor } from '../../helpers/wait-for';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

/** Demo customer 13: born at Quận 1, with points. */
const QUAN_1_CUSTOMER = 'cust_demo0000013';
const QUAN_1_CARD = 'LC00000013';

describe('a Hoàn Kiếm register’s replica of customers', () => {
  let server: SyncServerProcess;
  let device: EnrolledDevice;
  let database: ReplicaDatabase;
  let replication: ReplicationHandle;

  beforeAll(async () => {
    server = await startSyncServerProcess({
      seedDemo: true,
      demoHistory: true,
      env: { OMNITILL_ALL_CUSTOMERS: '' },
    });
    device = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'reg-hk');
    database = await openReplica(`customer-scope-${Date.now()}`, getRxStorageMemory());
    replication = startReplication(
      database,
      registerConfig(server, device, 'reg-hk'),
      () => undefined,
      { refreshMs: 200, retryMs: 300, pollIntervalMs: 200 },
    );
  }, 240_000);

  afterAll(async () => {
    await replication?.stop();
    await database?.close();
    await server?.stop();
  });

  it('holds only the customers its store needs, with their ledgers', async () => {
    await replication.initialPull(['customers', 'loyalty']);
    const customers = (await database.customers.find().exec()).map((doc) => doc.id);
    // The demo's customers are born at Quận 1 or on the web; Hoàn Kiếm needs those who bought
    // or collected there (src/demo demo-history.ts) and W-10003's customer, no one else.
    const demo = generateDemoData({ now: new Date().toISOString() });
    const hanoi = new Set(
      [
        ...demo.sales.filter((sale) => sale.storeId === DEMO_OTHER_STORE_ID),
        ...[...demo.pastOrders, ...demo.webOrders].filter(
          (order) => order.pickupStoreId === DEMO_OTHER_STORE_ID,
        ),
      ].map((doc) => doc.customerId),
    );
    expect(hanoi.size).toBeGreaterThan(0);
    expect(hanoi.size).toBeLessThan(demo.customers.length / 4);
    expect([...customers].sort()).toEqual([...hanoi].sort());
    expect(customers).not.toContain(QUAN_1_CUSTOMER);
    const entries = (await database.loyalty.find().exec()).map((doc) => doc.customerId);
    expect(entries.every((customerId) => customers.includes(customerId))).toBe(true);
  });

  it('a Quận 1 customer looked up through the server arrives with their points', async () => {
    const found = await fetch(`${server.url}/api/v1/customers?card=${QUAN_1_CARD}`, {
      headers: { Authorization: device.auth },
    });
    expect(found.status).toBe(200);
    await waitFor(() => database.customers.findOne(QUAN_1_CUSTOMER).exec(), {
      description: 'the looked-up customer in the replica',
    });
    const entries = await waitFor(
      async () => {
        const held = await database.loyalty
          .find({ selector: { customerId: QUAN_1_CUSTOMER } })
          .exec();
        return held.length > 0 && held;
      },
      { description: 'the looked-up customer’s ledger in the replica' },
    );
    expect(entries.length).toBeGreaterThan(0);
  });
});
