/**
 * A fresh register's first sync from the server's snapshot (issue #19), against the real
 * sync-server process and the register's own data layer (renderer/data), on the demo data (3,000
 * products; customers scoped to the store, OMNITILL_ALL_CUSTOMERS unset):
 * - a replica filled from the snapshot holds what one filled by replication holds, document by
 *   document (content, and RxDB's revision height: RxDB makes its own local revisions, `height-
 *   token` with a token of each replica, so the token differs by construction and only the height
 *   is comparable; the server's CouchDB `_rev` is not kept in a replica either way);
 * - an import cut off after two chunks resumes from the third, and ends the same;
 * - documents written while the snapshot streams arrive, in a later chunk or the live pull;
 * - another store's customers never come through it; a revoked device, admin credentials, a
 *   database without a snapshot and a bad chunk size are refused.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxDatabase } from 'rxdb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { importSnapshot } from '../../../renderer/data/first-sync';
import type { FirstSyncProgress } from '../../../renderer/data/first-sync';
import { failOnErrorStatus, startReplication } from '../../../renderer/data/replication';
import type { ReplicationHandle } from '../../../renderer/data/replication';
import type { ApiReply } from '../../../src/api';
import { DEMO_OTHER_STORE_ID } from '../../../src/demo/demo-ids';
import type { AppConfig } from '../../../src/ipc/contract';
import { registerConfig } from '../../helpers/register-config';
import { waitFor } from '../../helpers/wait-for';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

type Chunk = ApiReply<'sync/snapshot'>;

/** Demo customer 13: born at Quận 1; a Hoàn Kiếm register never receives them. */
const QUAN_1_CUSTOMER = 'cust_demo0000013';
const FAST = { refreshMs: 200, retryMs: 300, pollIntervalMs: 200 };

type Contents = Map<string, { height: number; body: Record<string, unknown> }>;

/** What a replica holds of a collection: each live document's content and revision height. */
async function contents(db: ReplicaDatabase, name: 'products' | 'customers'): Promise<Contents> {
  const docs = await db.collections[name].find().exec();
  const held: Contents = new Map();
  for (const doc of docs) {
    const json = doc.toMutableJSON(true) as unknown as Record<string, unknown>;
    const { _rev, _meta, _attachments, _deleted, ...body } = json;
    held.set(doc.primary, { height: Number(String(_rev).split('-')[0]), body });
  }
  return held;
}

describe('a fresh register’s first sync from the server’s snapshot', () => {
  let server: SyncServerProcess;
  let device: EnrolledDevice;
  let config: AppConfig;
  /** What plain replication gave (RxDB allows so few collections open that one replica is). */
  const reference = new Map<'products' | 'customers', Contents>();
  let opened: ReplicaDatabase[] = [];
  let running: ReplicationHandle[] = [];
  const closeAll = async () => {
    await Promise.all(running.map((handle) => handle.stop()));
    await Promise.all(opened.map((db) => db.close()));
    running = [];
    opened = [];
  };

  const deviceFetch = (auth: string): typeof fetch =>
    failOnErrorStatus((input, init) =>
      fetch(input, { ...init, headers: { ...init?.headers, Authorization: auth } }),
    );
  const open = async (label: string): Promise<ReplicaDatabase> => {
    const db = await openReplica(`${label}-${Date.now()}`, getRxStorageMemory());
    opened.push(db);
    return db;
  };
  const replicate = (
    db: ReplicaDatabase,
    appConfig: AppConfig,
    onProgress: (update: FirstSyncProgress | null) => void = () => undefined,
  ) => {
    const handle = startReplication(
      db,
      appConfig,
      (update) => update.firstSync !== undefined && onProgress(update.firstSync),
      FAST,
    );
    running.push(handle);
    return handle;
  };
  const importProducts = (db: ReplicaDatabase, fetchImpl: typeof fetch) =>
    importSnapshot({
      database: db as unknown as RxDatabase,
      collection: db.products,
      identifier: `omnitill-products-${config.storeId}`,
      url: `${config.apiUrl}/snapshot/products`,
      fetch: fetchImpl,
      chunkSize: 500,
    });
  const chunk = (query: string, auth = device.auth) =>
    fetch(`${server.url}/api/v1/snapshot/${query}`, { headers: { Authorization: auth } });

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true, env: { OMNITILL_ALL_CUSTOMERS: '' } });
    device = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'reg-hk');
    config = registerConfig(server, device, 'reg-hk');
    // The reference: plain replication, as against a server without the snapshot (it answers
    // 404 there, and the register replicates from the start).
    const byReplication = await open('by-replication');
    const older = replicate(byReplication, { ...config, apiUrl: `${server.url}/api/v1/older` });
    await older.initialPull(['products', 'customers']);
    reference.set('products', await contents(byReplication, 'products'));
    reference.set('customers', await contents(byReplication, 'customers'));
    await closeAll();
  }, 120_000);

  afterEach(closeAll);

  afterAll(async () => {
    await server?.stop();
  });

  it('fills the replica with what replication gives, document by document', async () => {
    const progress: (FirstSyncProgress | null)[] = [];
    const db = await open('by-snapshot');
    const handle = replicate(db, config, (update) => progress.push(update));
    await handle.initialPull(['products', 'customers']);
    for (const name of ['products', 'customers'] as const) {
      const expected: Contents = reference.get(name) ?? new Map<never, never>();
      const actual = await contents(db, name);
      expect(expected.size).toBeGreaterThan(0);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, held] of expected) expect(actual.get(id), id).toEqual(held);
    }
    expect((await contents(db, 'products')).size).toBe(3000);
    // The start-up screen saw the documents come in, and the end of the first sync.
    const counted = progress.filter((entry): entry is FirstSyncProgress => entry !== null);
    expect(counted.length).toBeGreaterThan(0);
    expect(Math.max(...counted.map((entry) => entry.total))).toBeGreaterThanOrEqual(3000);
    expect(progress.at(-1)).toBeNull();
    // Customers also push: RxDB knows each imported customer as the server's version, so none
    // waits to be pushed back (a document written straight into storage would).
    await handle.stop();
    const pending: number[] = [];
    running.push(
      startReplication(db, config, (update) => {
        if (update.pendingPush !== undefined) pending.push(update.pendingPush);
      }),
    );
    await waitFor(() => pending.length > 0, { description: 'a count of documents to push' });
    expect(pending[0]).toBe(0);
  }, 90_000);

  it('resumes after chunk 2 from chunk 3, without reading a chunk twice', async () => {
    const db = await open('resumed');
    const base = deviceFetch(device.auth);
    const lastSeqs: (number | string)[] = [];
    const dropping: typeof fetch = async (input, init) => {
      if (lastSeqs.length === 2) throw new TypeError('Failed to fetch (the network dropped)');
      const response = await base(input, init);
      lastSeqs.push(((await response.clone().json()) as Chunk).lastSeq);
      return response;
    };
    expect(await importProducts(db, dropping)).toBe('fell-back');
    expect(await db.products.count().exec()).toBe(1000);

    const asked: URL[] = [];
    let received = 0;
    const counting: typeof fetch = async (input, init) => {
      asked.push(new URL(input instanceof Request ? input.url : input));
      const response = await base(input, init);
      received += ((await response.clone().json()) as Chunk).docs.length;
      return response;
    };
    expect(await importProducts(db, counting)).toBe('imported');
    expect(asked[0]?.searchParams.get('since')).toBe(String(lastSeqs[1]));
    expect(received).toBe(2000);
    expect(await contents(db, 'products')).toEqual(reference.get('products'));
    // Done: the next start does not ask again.
    asked.length = 0;
    expect(await importProducts(db, counting)).toBe('skipped');
    expect(asked).toEqual([]);
  }, 90_000);

  it('misses nothing written while the snapshot streams', async () => {
    const db = await open('written-during');
    const base = deviceFetch(device.auth);
    const importCatalog = async (products: Record<string, unknown>[]) => {
      const response = await fetch(`${server.url}/api/v1/admin/catalog`, {
        method: 'POST',
        headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
        body: JSON.stringify(products),
      });
      if (response.status !== 200) throw new Error(`import: ${await response.text()}`);
    };
    const asProduct = (doc: Record<string, unknown> | undefined, name: string) => {
      const { _id, _rev, ...product } = doc ?? {};
      return { ...product, id: _id, name: { vi: name, en: name } };
    };
    let chunks = 0;
    let sentFirst: Record<string, unknown> | undefined;
    let sentLast: Record<string, unknown> | undefined;
    const during: typeof fetch = async (input, init) => {
      const response = await base(input, init);
      const answer = (await response.clone().json()) as Chunk;
      chunks += 1;
      if (chunks === 1) {
        // One product already sent changes, and a new one appears, before chunk 2 is asked.
        sentFirst = answer.docs[0];
        sentLast = answer.docs[1];
        await importCatalog([
          asProduct(sentFirst, 'Changed during the snapshot'),
          { ...asProduct(sentFirst, 'New during the snapshot'), id: 'prod_snapshot_new' },
        ]);
      }
      if (!answer.more && answer.docs.length > 0) {
        // Another product of chunk 1 changes after the last chunk: only the live pull brings it.
        await importCatalog([asProduct(sentLast, 'Changed after the snapshot')]);
      }
      return response;
    };
    expect(await importProducts(db, during)).toBe('imported');
    expect(chunks).toBeGreaterThan(2);
    replicate(db, config);
    const nameOf = async (id: unknown): Promise<string | undefined> =>
      (await db.products.findOne(String(id)).exec())?.toJSON().name.vi;
    await waitFor(async () => (await nameOf(sentLast?._id)) === 'Changed after the snapshot', {
      description: 'the product changed after the last chunk, in the replica',
    });
    expect(await nameOf(sentFirst?._id)).toBe('Changed during the snapshot');
    expect(await nameOf('prod_snapshot_new')).toBe('New during the snapshot');
  }, 90_000);

  it('never lets another store’s customers through, and refuses what it must', async () => {
    const customers: string[] = [];
    let since = '';
    for (let page = 0; page < 100; page++) {
      const response = await chunk(`customers?limit=50${since}`);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as Chunk;
      customers.push(...answer.docs.map((doc) => String(doc._id)));
      if (!answer.more) break;
      since = `&since=${encodeURIComponent(String(answer.lastSeq))}`;
    }
    expect(customers).not.toContain(QUAN_1_CUSTOMER);
    expect(customers.sort()).toEqual([...(reference.get('customers')?.keys() ?? [])].sort());

    for (const limit of ['-1', '0', '5001', '99999999999', '1e3', 'all']) {
      const response = await chunk(`products?limit=${limit}`);
      expect(response.status, `limit=${limit}`).toBe(400);
      expect(((await response.json()) as { reason: string }).reason).toMatch(/limit/);
    }
    expect((await chunk('sales-hkm?limit=10')).status).toBe(404);
    expect((await chunk('staff')).status).toBe(404);
    expect((await chunk('products', server.adminAuth)).status).toBe(403);

    const revoked = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'reg-revoked');
    expect((await chunk('products?limit=1', revoked.auth)).status).toBe(200);
    const revoke = await fetch(`${server.url}/api/v1/admin/devices/${revoked.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: server.adminAuth },
    });
    expect(revoke.status).toBe(200);
    expect((await chunk('products?limit=1', revoked.auth)).status).toBe(401);
  }, 60_000);
});
