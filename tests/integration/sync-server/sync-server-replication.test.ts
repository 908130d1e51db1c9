/**
 * Registers replicating with the real sync-server process the way the app does: RxDB (memory
 * storage here) with replication-couchdb and Basic auth. Three registers: two of one store, one
 * of another. The scenarios run in order on the same registers and server.
 */
import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import {
  getFetchWithCouchDBAuthorization,
  replicateCouchDB,
} from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftSchema, stockMoveSchema } from '../../../src/documents';
import type { ShiftDoc, StockMoveDoc } from '../../../src/documents';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE = 'hcm-q1';
const OTHER_STORE = 'hn-hk';

interface Register {
  name: string;
  db: RxDatabase;
  stock: RxCollection<StockMoveDoc>;
  shifts: RxCollection<ShiftDoc>;
  replications: RxCouchDBReplicationState<unknown>[];
  close(): Promise<void>;
}

let server: SyncServerProcess;
const registers: Register[] = [];
let sequence = 0;

async function openRegister(name: string, device: EnrolledDevice): Promise<Register> {
  const db = await createRxDatabase({
    name: `${name}-${Date.now()}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  const collections = await db.addCollections({
    stock: { schema: stockMoveSchema as unknown as RxJsonSchema<StockMoveDoc> },
    shifts: { schema: shiftSchema as unknown as RxJsonSchema<ShiftDoc> },
  });
  const replications = (['stock', 'shifts'] as const).map((collection) =>
    replicateCouchDB({
      replicationIdentifier: `${name}-${collection}`,
      collection: collections[collection] as RxCollection,
      url: `${server.url}/db/${collection}-${device.storeId}/`,
      fetch: getFetchWithCouchDBAuthorization(device.deviceId, device.secret),
      live: true,
      retryTime: 300,
      waitForLeadership: false,
      pull: { batchSize: 100 },
      push: { batchSize: 50 },
    }),
  );
  const register: Register = {
    name,
    db,
    stock: collections.stock as RxCollection<StockMoveDoc>,
    shifts: collections.shifts as RxCollection<ShiftDoc>,
    replications: replications,
    close: async () => {
      await Promise.all(replications.map((replication) => replication.cancel()));
      await db.close();
    },
  };
  registers.push(register);
  return register;
}

function move(storeId: string, fields: Partial<StockMoveDoc> = {}): StockMoveDoc {
  sequence += 1;
  return {
    id: `stk_${String(sequence).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}`,
    kind: 'receive',
    sku: 'SKU000001',
    quantity: 1,
    storeId,
    sourceId: 'rcpt_test',
    createdAt: new Date().toISOString(),
    ...fields,
  };
}

function shift(storeId: string, id: string): ShiftDoc {
  return {
    id,
    storeId,
    registerId: 'till-1',
    deviceId: 'dev',
    currency: 'VND',
    status: 'open',
    openedAt: new Date().toISOString(),
    openedBy: 'staff_1',
    openingFloat: 500000 as ShiftDoc['openingFloat'],
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}

async function serverIds(db: string): Promise<string[]> {
  const response = await fetch(`${server.url}/db/${db}/_all_docs`, {
    headers: { Authorization: server.adminAuth },
  });
  const body = (await response.json()) as { rows?: { id: string }[] };
  return (body.rows ?? []).map((row) => row.id);
}

const count = async (collection: RxCollection) => (await collection.find().exec()).length;
/** Till A still holds the move the server refused (the rejection log has it): count around it. */
const countOfStore = async (collection: RxCollection<StockMoveDoc>) =>
  (await collection.find({ selector: { storeId: STORE } }).exec()).length;

let tillA: Register;
let tillB: Register;
let tillHanoi: Register;

beforeAll(async () => {
  server = await startSyncServerProcess();
  tillA = await openRegister('till-a', await server.enrollDevice(STORE, 'till A'));
  tillB = await openRegister('till-b', await server.enrollDevice(STORE, 'till B'));
  tillHanoi = await openRegister('till-hn', await server.enrollDevice(OTHER_STORE, 'till HN'));
});

afterAll(async () => {
  await Promise.all(registers.map((register) => register.close()));
  await server?.stop();
});

describe('registers replicating with the sync-server', () => {
  it('two registers of one store share its documents; the other store keeps to its own', async () => {
    await tillA.stock.bulkInsert(Array.from({ length: 20 }, () => move(STORE)));
    await tillB.stock.bulkInsert(Array.from({ length: 10 }, () => move(STORE)));
    await tillHanoi.stock.bulkInsert(Array.from({ length: 5 }, () => move(OTHER_STORE)));
    await until(
      'both tills of the store hold 30 moves',
      async () => (await count(tillA.stock)) === 30 && (await count(tillB.stock)) === 30,
    );
    await until(
      'the server holds every move once',
      async () =>
        (await serverIds(`stock-${STORE}`)).length === 30 &&
        (await serverIds(`stock-${OTHER_STORE}`)).length === 5,
    );
    expect(await count(tillHanoi.stock)).toBe(5);
  });

  it('goes on replicating valid documents when one is rejected', async () => {
    // RxDB's CouchDB push throws on any reply row that is neither ok nor a conflict and retries
    // the whole batch for ever; the gate answers so that the queue moves on (docs/API.md).
    const forged = move(OTHER_STORE);
    const before = [move(STORE), move(STORE)];
    await tillA.stock.bulkInsert([before[0]!, forged, before[1]!]);
    await until('the valid moves around the forged one land', async () => {
      const ids = await serverIds(`stock-${STORE}`);
      return before.every((doc) => ids.includes(doc.id));
    });
    const later = move(STORE);
    await tillA.stock.insert(later);
    await until('a move written after the rejection lands too', async () =>
      (await serverIds(`stock-${STORE}`)).includes(later.id),
    );
    expect(await serverIds(`stock-${STORE}`)).not.toContain(forged.id);
    expect(await serverIds(`stock-${OTHER_STORE}`)).not.toContain(forged.id);
    const rejections = await fetch(`${server.url}/api/v1/rejections`, {
      headers: { Authorization: server.adminAuth },
    });
    const { rejections: list } = (await rejections.json()) as { rejections: { docId: string }[] };
    expect(list.map((rejection) => rejection.docId)).toContain(forged.id);
  });

  it('puts the server copy back when a register edits an immutable document', async () => {
    const original = move(STORE, { quantity: 7 });
    await tillA.stock.insert(original);
    await until('the move is on the server', async () =>
      (await serverIds(`stock-${STORE}`)).includes(original.id),
    );
    const local = await tillA.stock.findOne(original.id).exec();
    await local!.incrementalPatch({ quantity: 70 });
    await until('the register holds the server copy again', async () => {
      const doc = await tillA.stock.findOne(original.id).exec();
      return doc?.quantity === 7;
    });
  });

  it('propagates deletes both ways, as full tombstones', async () => {
    await tillA.shifts.insert(shift(STORE, 'shift_deleted-by-till'));
    await tillA.shifts.insert(shift(STORE, 'shift_deleted-by-server'));
    await until('till B sees both shifts', async () => (await count(tillB.shifts)) === 2);

    const doc = await tillA.shifts.findOne('shift_deleted-by-till').exec();
    await doc!.remove();
    await until('till B sees the till delete', async () => (await count(tillB.shifts)) === 1);

    const current = (await (
      await fetch(`${server.url}/db/shifts-${STORE}/shift_deleted-by-server`, {
        headers: { Authorization: server.adminAuth },
      })
    ).json()) as { _rev: string };
    const removed = await fetch(
      `${server.url}/db/shifts-${STORE}/shift_deleted-by-server?rev=${current._rev}`,
      { method: 'DELETE', headers: { Authorization: server.adminAuth } },
    );
    expect(removed.status).toBe(200);
    await until(
      'both tills see the server delete',
      async () => (await count(tillA.shifts)) === 0 && (await count(tillB.shifts)) === 0,
    );
    const changes = (await (
      await fetch(`${server.url}/db/shifts-${STORE}/_changes?include_docs=true`, {
        headers: { Authorization: server.adminAuth },
      })
    ).json()) as { results: { doc: Record<string, unknown> }[] };
    for (const { doc: tombstone } of changes.results) {
      expect(tombstone).toMatchObject({ _deleted: true, storeId: STORE, status: 'open' });
    }
  });

  it(
    'converges without duplicates when the server is killed mid-replication',
    { timeout: 45_000 },
    async () => {
      const startCount = (await serverIds(`stock-${STORE}`)).length;
      const burst = Array.from({ length: 300 }, () => move(STORE));
      await tillA.stock.bulkInsert(burst);
      await until(
        'replication of the burst is under way',
        async () => (await serverIds(`stock-${STORE}`)).length > startCount,
      );
      const port = server.port;
      await server.kill();
      const whileDown = Array.from({ length: 40 }, () => move(STORE));
      await tillB.stock.bulkInsert(whileDown);
      server = await startSyncServerProcess({ dataDir: server.dataDir, port });

      const expected = startCount + burst.length + whileDown.length;
      let seen = '';
      await until(
        'server and both tills hold every move exactly once',
        async () => {
          const ids = await serverIds(`stock-${STORE}`);
          const a = await countOfStore(tillA.stock);
          const b = await countOfStore(tillB.stock);
          seen = `server ${ids.length}, till A ${a}, till B ${b}, expected ${expected}`;
          return ids.length === expected && a === expected && b === expected;
        },
        20_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message} (${seen})`);
      });
      const ids = await serverIds(`stock-${STORE}`);
      expect(new Set(ids).size).toBe(ids.length);
      for (const doc of [...burst, ...whileDown]) expect(ids).toContain(doc.id);
    },
  );
});
