/**
 * The register's replica against the real sync-server process: the first pull brings the demo
 * catalog; with the server stopped, documents written on the register are counted as waiting;
 * when it comes back they arrive, the count drops to zero, and a document the server refuses is
 * shown with its reason instead of stalling the rest.
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
import type { CustomerDoc } from '../../../src/documents';
import type { AppConfig } from '../../../src/ipc/contract';
import { registerConfig } from '../../helpers/register-config';
import { waitFor } from '../../helpers/wait-for';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { SyncServerProcess } from '../../helpers/sync-server-process';

/** Phones are unique across the chain (the server refuses a second profile with one). */
function customer(id: string, name: string, phone: string): CustomerDoc {
  return {
    id,
    name,
    phone,
    origin: { channel: 'store', storeId: 'hcm-q1', deviceId: 'reg-test' },
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T08:00:00.000Z',
  };
}

describe('the register replica and the sync-server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-replica-sync-'));
  let server: SyncServerProcess;
  let database: ReplicaDatabase;
  let replication: ReplicationHandle;
  let config: AppConfig;
  let snapshot: SyncSnapshot = {
    online: false,
    lastSyncAt: null,
    lastError: null,
    readyCollections: [],
    pendingPush: 0,
    pendingSales: 0,
    rejected: [],
  };

  beforeAll(async () => {
    server = await startSyncServerProcess({ dataDir, seedDemo: true });
    const device = await server.enrollDevice('hcm-q1', 'reg-test');
    config = registerConfig(server, device, 'reg-test');
    database = await openReplica(`replica-sync-${Date.now()}`, getRxStorageMemory());
    replication = startReplication(
      database,
      config,
      (update) => {
        snapshot = { ...snapshot, ...update };
      },
      { refreshMs: 200, retryMs: 300 },
    );
  }, 90_000);

  afterAll(async () => {
    await replication?.stop();
    await database?.close();
    await server?.stop({ keepData: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pulls the demo catalog and nothing is waiting', async () => {
    await replication.initialPull(['products', 'staff', 'settings', 'customers']);
    expect(await database.products.count().exec()).toBe(3000);
    await replication.refresh();
    expect(snapshot.pendingPush).toBe(0);
    expect(snapshot.online).toBe(true);
    expect(snapshot.lastSyncAt).not.toBeNull();
  });

  it('counts documents written while the server is down and delivers them when it is back', async () => {
    await server.stop({ keepData: true });
    await database.customers.insert(
      customer('cust_offline1', 'Khách ngoại tuyến một', '+84911222331'),
    );
    await database.customers.insert(
      customer('cust_offline2', 'Khách ngoại tuyến hai', '+84911222332'),
    );
    await replication.refresh();
    expect(snapshot.pendingPush).toBe(2);
    expect(snapshot.online).toBe(false);

    server = await startSyncServerProcess({ dataDir, port: server.port, seedDemo: true });
    await waitFor(
      async () => {
        await replication.refresh();
        return snapshot.pendingPush === 0 && snapshot.online;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const response = await fetch(`${server.url}/db/customers/cust_offline2`, {
      headers: { Authorization: server.adminAuth },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as CustomerDoc).name).toBe('Khách ngoại tuyến hai');
  });

  it('shows a refused document with its reason, and the next one still goes through', async () => {
    // A register may create customers, but not ones that claim to be born in another store.
    const forged = customer('cust_forged1', 'Khách cửa hàng khác', '+84911222333');
    forged.origin = { channel: 'store', storeId: 'hn-hk', deviceId: 'reg-test' };
    await database.customers.insert(forged);
    await database.customers.insert(customer('cust_after1', 'Khách sau', '+84911222334'));
    await waitFor(
      async () => {
        await replication.refresh();
        return snapshot.rejected.some((rejection) => rejection.id === 'cust_forged1');
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const rejection = snapshot.rejected.find((entry) => entry.id === 'cust_forged1');
    expect(rejection?.database).toBe('customers');
    expect(rejection?.reason).toMatch(/hn-hk|store/);
    // Written after the refused one, it may go in the next push: it arrives, not stalled.
    await waitFor(
      async () => {
        const after = await fetch(`${server.url}/db/customers/cust_after1`, {
          headers: { Authorization: server.adminAuth },
        });
        return after.status === 200;
      },
      { timeoutMs: 30_000, intervalMs: 200, description: 'cust_after1 on the server' },
    );
  });
});
