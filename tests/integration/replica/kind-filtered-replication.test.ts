/**
 * What the register's `facts` collection (docs/DATA.md, "Room under the collection limit") relies
 * on in RxDB 17 and the sync-server: one register collection replicating several server
 * databases, one replication per kind, a push modifier that returns null for other kinds, and the
 * kind put on the push's conflicts (`conflictsWithKind`, renderer/data/replication.ts). An RxDB
 * upgrade that changes any of this fails here first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxJsonSchema, WithDeleted } from 'rxdb';
import {
  getFetchWithCouchDBAuthorization,
  replicateCouchDB,
} from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { waitFor } from '../../helpers/wait-for';
import { conflictsWithKind } from '../../../renderer/data/replication';

type Fact = Record<string, unknown> & { id: string; factKind: string };

/** An envelope: the server validates each kind with its own schema at the door. */
const factsSchema: RxJsonSchema<Fact> = {
  title: 'facts',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 128 },
    factKind: { type: 'string', maxLength: 20 },
  },
  required: ['id', 'factKind'],
};

/** Kind on the register → its server database, as today. */
const KINDS = { cashmove: 'cashmoves', pickup: 'pickups' } as const;

async function openFacts(name: string): Promise<RxDatabase> {
  const database = await createRxDatabase({
    name,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await database.addCollections({ facts: { schema: factsSchema } });
  return database;
}

function replicateKinds(
  collection: RxCollection<Fact>,
  server: SyncServerProcess,
  device: EnrolledDevice,
  tag: string,
): RxCouchDBReplicationState<Fact>[] {
  const fetch = getFetchWithCouchDBAuthorization(device.deviceId, device.secret);
  return Object.entries(KINDS).map(([kind, serverDb]) => {
    const state = replicateCouchDB<Fact>({
      replicationIdentifier: `kinds-${tag}-${kind}`,
      collection,
      url: `${server.url}/db/${serverDb}-hcm-q1/`,
      fetch,
      live: true,
      retryTime: 300,
      waitForLeadership: false,
      pull: {
        batchSize: 50,
        modifier: (doc: WithDeleted<Fact>): WithDeleted<Fact> => ({ ...doc, factKind: kind }),
      },
      push: {
        batchSize: 50,
        // null: not this replication's kind (RxDB skips it and moves its checkpoint on).
        modifier: (doc) => {
          if (doc.factKind !== kind) return null;
          const { factKind: _factKind, ...rest } = doc;
          return rest;
        },
      },
    });
    conflictsWithKind(state as RxCouchDBReplicationState<unknown>, kind);
    return state;
  });
}

describe('one register collection replicating a database per kind', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-kinds-'));
  let server: SyncServerProcess;
  let device: EnrolledDevice;
  const databases: RxDatabase[] = [];

  beforeAll(async () => {
    server = await startSyncServerProcess({ dataDir, seedDemo: true, timeoutMs: 60_000 });
    device = await server.enrollDevice('hcm-q1', 'reg-kinds');
  }, 90_000);

  afterAll(async () => {
    for (const database of databases) await database.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admin = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${server.url}/db/${path}`, {
      ...init,
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    });
  const rejections = async (): Promise<unknown> => {
    const auth = `Basic ${btoa(`${device.deviceId}:${device.secret}`)}`;
    const response = await fetch(`${server.url}/api/v1/rejections?mine=1`, {
      headers: { Authorization: auth },
    });
    return ((await response.json()) as { rejections: unknown }).rejections;
  };
  const cashMove = (id: string): Fact => ({
    id,
    factKind: 'cashmove',
    shiftId: 'shift_kinds',
    storeId: 'hcm-q1',
    deviceId: device.deviceId,
    kind: 'paid-in',
    amount: 50000,
    staffId: 'staff_0002',
    reason: 'delivery',
    createdAt: '2026-11-23T08:00:00.000Z',
  });

  it('pushes a kind to its own database without the discriminator, and pulls it back with it', async () => {
    const database = await openFacts(`kinds-a-${Date.now()}`);
    databases.push(database);
    const facts = database.collections.facts as RxCollection<Fact>;
    const states = replicateKinds(facts, server, device, 'a');
    await facts.insert(cashMove('cash_kinds1'));
    await waitFor(async () => (await admin('cashmoves-hcm-q1/cash_kinds1')).ok);
    const stored = (await (await admin('cashmoves-hcm-q1/cash_kinds1')).json()) as Fact;
    expect(stored.factKind).toBeUndefined();
    expect((await admin('pickups-hcm-q1/cash_kinds1')).status).toBe(404);

    const { factKind: _factKind, ...onServer } = cashMove('cash_kinds2');
    await admin('cashmoves-hcm-q1/cash_kinds2', { method: 'PUT', body: JSON.stringify(onServer) });
    const pulled = await waitFor(() => facts.findOne('cash_kinds2').exec());
    expect(pulled.get('factKind')).toBe('cashmove');
    for (const state of states) await state.awaitInSync();
    expect(await rejections()).toEqual([]);
    for (const state of states) await state.cancel();
  });

  it('a fresh collection re-offering the same facts (the replica upgrade) rewrites nothing', async () => {
    const database = await openFacts(`kinds-b-${Date.now()}`);
    databases.push(database);
    const facts = database.collections.facts as RxCollection<Fact>;
    await facts.bulkInsert([cashMove('cash_kinds1'), cashMove('cash_kinds3')]);
    const states = replicateKinds(facts, server, device, 'b');
    const errors: unknown[] = [];
    for (const state of states) state.error$.subscribe((error) => errors.push(error));
    await waitFor(async () => (await admin('cashmoves-hcm-q1/cash_kinds3')).ok);
    for (const state of states) await state.awaitInSync();
    const stored = (await (await admin('cashmoves-hcm-q1/cash_kinds1')).json()) as { _rev: string };
    expect(stored._rev).toMatch(/^1-/);
    expect(errors).toEqual([]);
    expect(await rejections()).toEqual([]);
    // Every cash move is there once, with its kind: the re-offered cash_kinds1, which the server
    // already held, comes back through the push's conflict (session 8 saw it lose its `factKind`
    // there; tests/integration/replica/facts-reoffer.test.ts forces that order).
    await expect
      .poll(async () =>
        (await facts.find().exec())
          .filter((doc) => doc.id.startsWith('cash_kinds'))
          .map((doc) => `${doc.id} ${String(doc.get('factKind'))}`)
          .sort(),
      )
      .toEqual(['cash_kinds1 cashmove', 'cash_kinds2 cashmove', 'cash_kinds3 cashmove']);
    for (const state of states) await state.cancel();
  });
});
