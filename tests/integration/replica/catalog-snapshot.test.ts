/**
 * The catalog's start-up snapshot against a real replica (RxDB, memory storage) and a real
 * IndexedDB (fake-indexeddb): a register starts from the snapshot plus the replica's changes
 * since, never from stale data; a missing, corrupt, foreign or out-of-step snapshot falls back
 * to reading every product and is written again.
 */
import { IDBFactory } from 'fake-indexeddb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { getChangedDocumentsSince } from 'rxdb';
import {
  CatalogSnapshotKeeper,
  checkAgainstReplica,
  countHeldProducts,
  loadCatalog,
} from '../../../renderer/data/catalog-snapshot';
import type { LoadedCatalog } from '../../../renderer/data/catalog-snapshot';
import { changesSince } from '../../../renderer/data/changes-since';
import { indexedDbSnapshotStore } from '../../../renderer/data/catalog-snapshot-store';
import type { CatalogSnapshotStore } from '../../../renderer/data/catalog-snapshot-store';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { generateDemoProducts } from '../../../src/demo';
import type { ProductDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { snapshotChunkOf } from '../../../src/search';
import { waitFor } from '../../helpers/wait-for';

const NOW = '2026-11-23T03:00:00.000Z';
const CATALOG = generateDemoProducts(300, 11, NOW);

let opened: { db: ReplicaDatabase; store: CatalogSnapshotStore }[] = [];
let nameCounter = 0;

afterEach(async () => {
  for (const { db, store } of opened) {
    store.close();
    if (!db.closed) await db.close();
  }
  opened = [];
});

async function register(
  options: { indexedDb?: IDBFactory; products?: ProductDoc[]; name?: string } = {},
) {
  const name = options.name ?? `snapshot-test-${Date.now()}-${nameCounter++}`;
  const indexedDb = options.indexedDb ?? new IDBFactory();
  const db = await openReplica(name, getRxStorageMemory());
  const store = indexedDbSnapshotStore(name, indexedDb);
  opened.push({ db, store });
  if (options.products) await db.products.bulkInsert(options.products);
  return { name, db, store, indexedDb };
}

/** What the register holds after start-up, by id. */
function byId(loaded: LoadedCatalog): Map<string, ProductDoc> {
  return new Map([...loaded.state.products()].map((product) => [product.id, product]));
}

async function replicaProducts(db: ReplicaDatabase): Promise<Map<string, ProductDoc>> {
  const docs = await db.products.find().exec();
  return new Map(docs.map((doc) => [doc.id, doc.toMutableJSON()]));
}

/** Start-up, then the keeper writing what start-up found out of date. */
async function bootAndWrite(db: ReplicaDatabase, store: CatalogSnapshotStore) {
  const loaded = await loadCatalog(db, store);
  await new CatalogSnapshotKeeper(db.products, store, loaded).flush();
  return loaded;
}

/** Overwrites one stored record behind the snapshot's back. */
async function putRaw(indexedDb: IDBFactory, name: string, key: string, value: unknown) {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDb.open(`${name}-catalog-snapshot`, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const transaction = database.transaction('records', 'readwrite');
    const records = transaction.objectStore('records');
    if (value === undefined) records.delete(key);
    else records.put(value, key);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
  });
  database.close();
}

describe('a register starting with its catalog', () => {
  it('reads the changes after a checkpoint as RxDB does, when many share its write time', async () => {
    const { db } = await register({ products: CATALOG });
    // Re-priced in one write, and some new, in another.
    const repriced = CATALOG.slice(0, 120).map((product) => ({
      ...product,
      unitPrice: minor(product.unitPrice + 1000),
    }));
    await db.products.bulkUpsert(repriced);
    await db.products.bulkInsert(
      generateDemoProducts(40, 12, NOW).map((product) => ({
        ...product,
        id: `${product.id}_new`,
        sku: `${product.sku}N`,
        barcodes: [],
      })),
    );
    const all = (await getChangedDocumentsSince(db.products.storageInstance, 10_000)).documents;
    expect(all).toHaveLength(340);
    const times = new Set(all.map((doc) => doc._meta.lwt));
    // Documents written together share a write time: the case RxDB's own read walks.
    expect(times.size).toBeLessThan(all.length);
    const ids = (docs: readonly { id: string }[]) => docs.map((doc) => doc.id);
    for (const at of [0, 1, 150, 179, 180, 181, 299, 300, 339]) {
      const doc = all[at];
      const since = doc ? { id: doc.id, lwt: doc._meta.lwt } : undefined;
      for (const limit of [1, 7, 1000]) {
        const expected = (await getChangedDocumentsSince(db.products.storageInstance, limit, since))
          .documents;
        expect(
          ids(await changesSince(db.products.storageInstance, limit, since)),
          `after ${at}, ${limit}`,
        ).toEqual(ids(expected));
      }
    }
  });

  it('reads every product the first time and writes the snapshot', async () => {
    const { db, store } = await register({ products: CATALOG });
    const first = await bootAndWrite(db, store);
    expect(first.source).toBe('replica');
    expect(first.problem).toBe('no snapshot');
    expect(first.changesRead).toBe(CATALOG.length);
    expect(byId(first)).toEqual(await replicaProducts(db));

    const second = await loadCatalog(db, store);
    expect(second.source).toBe('snapshot');
    expect(second.changesRead).toBe(0);
    expect(byId(second)).toEqual(await replicaProducts(db));
  });

  it('applies what sync changed since the snapshot: new, re-priced and deleted products', async () => {
    const { db, store } = await register({ products: CATALOG.slice(0, 250) });
    await bootAndWrite(db, store);

    const repriced = CATALOG[10] as ProductDoc;
    await db.products.upsert({ ...repriced, unitPrice: minor(repriced.unitPrice + 1_000) });
    const removed = CATALOG[20] as ProductDoc;
    await (await db.products.findOne(removed.id).exec())?.remove();
    await db.products.bulkInsert(CATALOG.slice(250, 253));

    const loaded = await loadCatalog(db, store);
    expect(loaded.source).toBe('snapshot');
    expect(loaded.changesRead).toBe(5);
    const held = byId(loaded);
    expect(held.get(repriced.id)?.unitPrice).toBe(repriced.unitPrice + 1_000);
    expect(held.has(removed.id)).toBe(false);
    expect(held.has((CATALOG[252] as ProductDoc).id)).toBe(true);
    expect(held).toEqual(await replicaProducts(db));
    expect(held.size).toBe(await countHeldProducts(db.products));
  });

  it('rewrites only the chunks sync touched, and then starts with nothing to catch up', async () => {
    const { db, store } = await register({ products: CATALOG });
    await bootAndWrite(db, store);
    const loaded = await loadCatalog(db, store);
    const repriced = CATALOG[30] as ProductDoc;
    await db.products.upsert({ ...repriced, unitPrice: minor(1) });

    const written: number[][] = [];
    const spy: CatalogSnapshotStore = {
      ...store,
      write: (manifest, chunks) => {
        written.push(chunks.map((chunk) => chunk.index));
        return store.write(manifest, chunks);
      },
    };
    await new CatalogSnapshotKeeper(db.products, spy, loaded).flush();
    expect(written).toEqual([[snapshotChunkOf(repriced.id)]]);

    const next = await loadCatalog(db, store);
    expect(next.source).toBe('snapshot');
    expect(next.changesRead).toBe(0);
    expect(byId(next).get(repriced.id)?.unitPrice).toBe(1);
  });

  it('waits out a last change stamped a little ahead of the clock, then writes it', async () => {
    const { db, store } = await register({ products: CATALOG.slice(0, 60) });
    await bootAndWrite(db, store);
    const loaded = await loadCatalog(db, store);
    const repriced = CATALOG[5] as ProductDoc;
    await db.products.upsert({ ...repriced, unitPrice: minor(3) });
    // RxDB stamps writes ahead of Date.now() by hundredths of a millisecond, more in a burst:
    // a clock 300 ms behind them stands in for that, without depending on timing.
    const behind = () => Date.now() - 300;
    await new CatalogSnapshotKeeper(db.products, store, loaded, { now: behind }).flush();
    const next = await loadCatalog(db, store);
    expect(next.source).toBe('snapshot');
    expect(next.changesRead).toBe(0);
    expect(byId(next).get(repriced.id)?.unitPrice).toBe(3);
  });

  it('writes the snapshot by itself once sync has paused', async () => {
    const { db, store } = await register({ products: CATALOG.slice(0, 100) });
    await bootAndWrite(db, store);
    const loaded = await loadCatalog(db, store);
    const keeper = new CatalogSnapshotKeeper(db.products, store, loaded, { quietMs: 20 });
    keeper.start();
    await db.products.bulkInsert(CATALOG.slice(100, 120));
    await waitFor(async () => (await loadCatalog(db, store)).changesRead === 0, {
      timeoutMs: 5_000,
    });
    await keeper.stop();
    const next = await loadCatalog(db, store);
    expect(next.source).toBe('snapshot');
    expect(next.state.size).toBe(120);
  });

  it('keeps the chunks to write when a write fails, and writes them next time', async () => {
    const { db, store } = await register({ products: CATALOG });
    const loaded = await loadCatalog(db, store);
    let fail = true;
    const flaky: CatalogSnapshotStore = {
      ...store,
      write: (manifest, chunks) =>
        fail ? Promise.reject(new Error('disk full')) : store.write(manifest, chunks),
    };
    const keeper = new CatalogSnapshotKeeper(db.products, flaky, loaded);
    await expect(keeper.flush()).rejects.toThrow('disk full');
    expect((await loadCatalog(db, store)).source).toBe('replica');
    fail = false;
    await keeper.flush();
    expect((await loadCatalog(db, store)).source).toBe('snapshot');
  });
});

describe('a snapshot that cannot be trusted is not used', () => {
  async function written() {
    const setup = await register({ products: CATALOG });
    await bootAndWrite(setup.db, setup.store);
    return setup;
  }

  async function expectFallback(db: ReplicaDatabase, store: CatalogSnapshotStore, problem: RegExp) {
    const loaded = await bootAndWrite(db, store);
    expect(loaded.source).toBe('replica');
    expect(loaded.problem).toMatch(problem);
    expect(byId(loaded)).toEqual(await replicaProducts(db));
    // …and it is written again: the next start uses it.
    expect((await loadCatalog(db, store)).source).toBe('snapshot');
  }

  it('a chunk that does not parse', async () => {
    const { db, store, indexedDb, name } = await written();
    await putRaw(indexedDb, name, 'chunk-2', { index: 2, count: 1, products: '[{"id":' });
    await expectFallback(db, store, /chunk 2 does not parse/);
  });

  it('a chunk missing', async () => {
    const { db, store, indexedDb, name } = await written();
    await putRaw(indexedDb, name, 'chunk-9', undefined);
    await expectFallback(db, store, /chunk 9 is missing/);
  });

  it('a snapshot of another replica under the same name', async () => {
    const { db, store, indexedDb, name } = await written();
    store.close();
    await db.remove();
    const again = await register({ name, indexedDb, products: CATALOG.slice(0, 50) });
    await expectFallback(again.db, again.store, /another replica/);
  });

  it('a snapshot holding a product the replica does not', async () => {
    const { db, store } = await written();
    const loaded = await loadCatalog(db, store);
    // A deletion the changes no longer show (purged): the snapshot still has the product.
    const ghost = { ...(CATALOG[0] as ProductDoc), id: 'prod_GHOST', sku: 'GHOST' };
    loaded.state.apply({ id: ghost.id, lwt: 0, deleted: false, product: ghost });
    await new CatalogSnapshotKeeper(db.products, store, loaded).flush();
    // Start-up uses it (counting the replica is left until the register is ready)…
    const started = await loadCatalog(db, store);
    expect(started.source).toBe('snapshot');
    expect(started.state.size).toBe(301);
    // …and the check after start-up finds the difference, which the keeper then rebuilds.
    expect(await checkAgainstReplica(db.products, () => started.state.size, { waitMs: 0 })).toMatch(
      /holds 301 products, the replica 300/,
    );
    const keeper = new CatalogSnapshotKeeper(db.products, store, started, { quietMs: 0 });
    keeper.rebuildFromReplica();
    await waitFor(async () => (await loadCatalog(db, store)).state.size === 300);
    await keeper.stop();
    const again = await loadCatalog(db, store);
    expect(again.source).toBe('snapshot');
    expect(byId(again)).toEqual(await replicaProducts(db));
    expect(await checkAgainstReplica(db.products, () => again.state.size)).toBeNull();
  });

  it('a snapshot whose last change is later than the clock (the clock was set back)', async () => {
    const { db, store } = await written();
    const loaded = await loadCatalog(db, store, { now: () => 0 });
    expect(loaded.source).toBe('replica');
    expect(loaded.problem).toMatch(/later than the clock/);
    expect(byId(loaded)).toEqual(await replicaProducts(db));
    // Changes written now would sort before its checkpoint: it must not come back later.
    expect((await loadCatalog(db, store)).problem).toBe('no snapshot');
  });

  it('a change written behind the checkpoint (the clock set back) makes the keeper rebuild', async () => {
    const { db, store } = await written();
    const loaded = await loadCatalog(db, store);
    const ahead = Date.now() + 3_600_000;
    // The snapshot's checkpoint as a run with the clock an hour ahead would have left it.
    const marker = CATALOG[1] as ProductDoc;
    loaded.state.apply({ id: marker.id, lwt: ahead, deleted: false, product: marker });
    const later = () => ahead + 1;
    const keeper = new CatalogSnapshotKeeper(db.products, store, loaded, { now: later });
    keeper.start();
    const repriced = CATALOG[40] as ProductDoc;
    await db.products.upsert({ ...repriced, unitPrice: minor(7) });
    await keeper.flush();
    await keeper.stop();
    const next = await loadCatalog(db, store, { now: later });
    expect(next.source).toBe('snapshot');
    expect(next.changesRead).toBe(0);
    expect(byId(next).get(repriced.id)?.unitPrice).toBe(7);
  });

  it('an IndexedDB that cannot be opened', async () => {
    const { db } = await register({ products: CATALOG.slice(0, 40) });
    const broken: CatalogSnapshotStore = {
      read: () => Promise.reject(new Error('quota')),
      write: () => Promise.reject(new Error('quota')),
      clear: () => Promise.resolve(),
      close: () => undefined,
    };
    const loaded = await loadCatalog(db, broken);
    expect(loaded.source).toBe('replica');
    expect(loaded.state.size).toBe(40);
  });
});
