/**
 * The server index on the embedded store (PouchDB on LevelDB in a temp dir): built from the
 * changes feeds, resumed from its checkpoints after a restart without reading the documents
 * again, following changes and deletions, and right under concurrent writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';
import { ServerIndex } from '../../../sync-server/index/server-index';

/** express-pouchdb installs `allDbs`; without it, the store lists what it was asked to open. */
class TestStore extends PouchDocumentStore {
  private readonly names = new Set<string>();

  override async ensureDatabase(name: string): Promise<void> {
    this.names.add(name);
    await super.ensureDatabase(name);
  }

  override listDatabases(): Promise<string[]> {
    return Promise.resolve([...this.names].sort());
  }
}

const dirs: string[] = [];
const open: TestStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openIndex(
  dir: string,
  databases: readonly string[],
  batchSize = 500,
): Promise<{ store: TestStore; index: ServerIndex; lines: string[] }> {
  const store = new TestStore(dir);
  open.push(store);
  for (const db of databases) await store.ensureDatabase(db);
  const lines: string[] = [];
  const index = new ServerIndex(store, (line) => lines.push(line), batchSize);
  await index.init();
  return { store, index, lines };
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-index-'));
  dirs.push(dir);
  return dir;
}

function move(id: string, storeId: string, sku: string, quantity: number) {
  return {
    _id: id,
    kind: quantity < 0 ? 'sale' : 'receive',
    sku,
    quantity,
    storeId,
    sourceId: `src_${id}`,
    createdAt: '2026-11-01T08:00:00.000Z',
  };
}

function returnOf(id: string, storeId: string, original: string, quantity: number) {
  return {
    _id: id,
    storeId,
    currency: 'VND',
    original: { documentId: original, channel: 'store' },
    lines: [{ originalLineId: 'l1', quantity }],
    tenders: [],
    status: 'completed',
    completedAt: '2026-11-02T08:00:00.000Z',
  };
}

const ids = (postings: readonly { id: string }[]) => postings.map((posting) => posting.id);

describe('the server index', () => {
  it('builds from the changes feeds, then resumes from its checkpoints after a restart without reading again', async () => {
    const dir = freshDir();
    const databases = ['stock-q1', 'stock-hk', 'returns-q1'];
    const first = await openIndex(dir, databases, 7);
    const moves = Array.from({ length: 30 }, (_, n) =>
      move(`stk_${String(n).padStart(3, '0')}`, n % 2 ? 'q1' : 'hk', `SKU${n % 3}`, n + 1),
    );
    await first.store.bulkDocs(
      'stock-q1',
      moves.filter((_, n) => n % 2),
      true,
    );
    await first.store.bulkDocs(
      'stock-hk',
      moves.filter((_, n) => !(n % 2)),
      true,
    );
    await first.store.bulkDocs('returns-q1', [returnOf('ret_1', 'q1', 'sale_1', 1)], true);

    await first.index.catchUp();
    // Pages of 7: every document read once, whatever the paging.
    expect(first.index.stats.documentsRead).toBe(31);
    const before = await first.index.postings('stk', 'SKU1');
    expect(before).toHaveLength(10);
    expect(ids(await first.index.postings('orig', 'sale_1'))).toEqual(['ret_1']);
    expect(first.lines.join('\n')).toContain('index read 31 changed document(s)');
    await first.store.close();

    const second = await openIndex(dir, databases, 7);
    await second.index.catchUp();
    expect(second.index.stats.documentsRead).toBe(0);
    expect(second.lines).toEqual([]);
    expect(await second.index.postings('stk', 'SKU1')).toEqual(before);

    // A change after the restart is picked up, alone.
    await second.store.bulkDocs('stock-hk', [move('stk_new', 'hk', 'SKU1', -4)], true);
    await second.index.catchUp();
    expect(second.index.stats.documentsRead).toBe(1);
    expect(ids(await second.index.postings('stk', 'SKU1'))).toContain('stk_new');
  });

  it('reads past a design document that fills a page on its own', async () => {
    const { store, index } = await openIndex(freshDir(), ['stock-q1'], 2);
    await store.bulkDocs('stock-q1', [{ _id: '_design/anything', views: {} }], true);
    await store.bulkDocs('stock-q1', [move('stk_1', 'q1', 'SKU1', 1)], true);
    await store.bulkDocs('stock-q1', [{ _id: '_design/other', views: {} }], true);
    await store.bulkDocs('stock-q1', [move('stk_2', 'q1', 'SKU1', 2)], true);
    await index.catchUp();
    expect(ids(await index.postings('stk', 'SKU1'))).toEqual(['stk_1', 'stk_2']);
    expect(index.stats.documentsRead).toBe(2);
  });

  it('moves a changed document to its new keys and forgets a deleted one', async () => {
    const { store, index } = await openIndex(freshDir(), ['stock-q1', 'sales-q1']);
    const [written] = await store.bulkDocs('stock-q1', [move('stk_a', 'q1', 'SKU_A', 5)], true);
    await store.bulkDocs(
      'sales-q1',
      [
        {
          _id: 'sale_1',
          status: 'completed',
          payment: { tenders: [] },
          cart: { lines: [{ lineId: 'l1', pricing: 'unit', quantity: 2 }] },
        },
      ],
      true,
    );
    await index.catchUp();
    expect(ids(await index.postings('stk', 'SKU_A'))).toEqual(['stk_a']);
    expect(await index.locate('sale_1')).toEqual([
      { db: 'sales-q1', id: 'sale_1', sold: [{ lineId: 'l1', quantity: 2 }] },
    ]);

    const [changed] = await store.bulkDocs(
      'stock-q1',
      [{ ...move('stk_a', 'q1', 'SKU_B', 5), _rev: written?.rev }],
      true,
    );
    await index.catchUp();
    expect(await index.postings('stk', 'SKU_A')).toEqual([]);
    expect(ids(await index.postings('stk', 'SKU_B'))).toEqual(['stk_a']);

    await store.bulkDocs('stock-q1', [{ _id: 'stk_a', _rev: changed?.rev, _deleted: true }], true);
    const current = await store.getCurrent('sales-q1', ['sale_1']);
    await store.bulkDocs(
      'sales-q1',
      [{ _id: 'sale_1', _rev: current.get('sale_1')?._rev, _deleted: true }],
      true,
    );
    await index.catchUp();
    expect(await index.postings('stk', 'SKU_B')).toEqual([]);
    expect(await index.locate('sale_1')).toEqual([]);
    // Nothing of either document is left in the index but the marks for reconciliation.
    const left = (await store.allDocs('omnitill-index')).map((doc) => doc._id);
    expect(left.filter((id) => id.startsWith('k|') || id.startsWith('d|'))).toEqual([]);
  });

  it('reads no posting of a document never indexed, and mends one left behind without its entry', async () => {
    const { store, index } = await openIndex(freshDir(), ['stock-q1']);
    const asked: string[] = [];
    const getCurrent = store.getCurrent.bind(store);
    store.getCurrent = (db, wanted) => {
      if (db === 'omnitill-index') asked.push(...wanted);
      return getCurrent(db, wanted);
    };
    await store.bulkDocs('stock-q1', [move('stk_1', 'q1', 'SKU1', 1)], true);
    await index.catchUp();
    expect(asked.filter((id) => id.startsWith('k|'))).toEqual([]);
    expect(ids(await index.postings('stk', 'SKU1'))).toEqual(['stk_1']);

    // A posting without its entry (a process stopped between two writes on a cluster, where a
    // batch is not written as one): the write over it conflicts, and the retry reads it.
    await store.bulkDocs(
      'omnitill-index',
      [{ _id: 'k|stk:SKU2|stock-q1|stk_2', v: { sku: 'SKU2', quantity: 999 } }],
      true,
    );
    const second = move('stk_2', 'q1', 'SKU2', 2);
    await store.bulkDocs('stock-q1', [second], true);
    await index.catchUp();
    const [posting] = await index.postings<{ quantity: number }>('stk', 'SKU2');
    expect(posting?.id).toBe('stk_2');
    expect(posting?.value.quantity).toBe(2);
    expect(asked).toContain('k|stk:SKU2|stock-q1|stk_2');
  });

  it('keeps a key marked for reconciliation when it changed again during the run', async () => {
    const { store, index } = await openIndex(freshDir(), ['stock-q1']);
    await store.bulkDocs('stock-q1', [move('stk_1', 'q1', 'SKU1', 1)], true);
    await index.catchUp();
    const marked = await index.dirtyKeys();
    expect(marked.map((mark) => [mark.key, mark.db])).toEqual([['stk:SKU1', 'stock-q1']]);

    // Another move of the same SKU lands while reconciliation is looking at the first.
    await store.bulkDocs('stock-q1', [move('stk_2', 'q1', 'SKU1', -3)], true);
    await index.catchUp();
    await index.clearDirty(marked);
    expect((await index.dirtyKeys()).map((mark) => mark.key)).toEqual(['stk:SKU1']);

    await index.clearDirty(await index.dirtyKeys());
    expect(await index.dirtyKeys()).toEqual([]);
  });

  it('marks the original again when a sale arrives after a return against it', async () => {
    const { store, index } = await openIndex(freshDir(), ['returns-q1', 'sales-q1']);
    await store.bulkDocs('returns-q1', [returnOf('ret_1', 'q1', 'sale_late', 3)], true);
    await index.catchUp();
    await index.clearDirty(await index.dirtyKeys());
    await store.bulkDocs(
      'sales-q1',
      [
        {
          _id: 'sale_late',
          status: 'completed',
          payment: { tenders: [] },
          cart: { lines: [{ lineId: 'l1', pricing: 'unit', quantity: 1 }] },
        },
        // A sale nobody returned anything against marks nothing.
        { _id: 'sale_plain', status: 'completed', payment: { tenders: [] }, cart: { lines: [] } },
      ],
      true,
    );
    await index.catchUp();
    expect((await index.dirtyKeys()).map((mark) => mark.key)).toEqual(['orig:sale_late']);
  });

  it('answers as a full read would while registers write and readers catch up at once', async () => {
    const stores = ['q1', 'q2', 'q3', 'hk'];
    const { store, index } = await openIndex(
      freshDir(),
      stores.map((storeId) => `stock-${storeId}`),
      5,
    );
    const writers = stores.map(async (storeId) => {
      for (let batch = 0; batch < 6; batch++) {
        const docs = Array.from({ length: 4 }, (_, n) =>
          move(`stk_${storeId}_${batch}_${n}`, storeId, `SKU${(batch + n) % 5}`, n - 1),
        );
        await store.bulkDocs(`stock-${storeId}`, docs, true);
        await new Promise((done) => setTimeout(done, 1));
      }
    });
    const readers = Array.from({ length: 10 }, async (_, n) => {
      await new Promise((done) => setTimeout(done, n * 2));
      await index.catchUp();
    });
    await Promise.all([...writers, ...readers]);
    await index.catchUp();

    const all = (
      await Promise.all(stores.map((storeId) => store.allDocs(`stock-${storeId}`)))
    ).flat();
    expect(index.stats.documentsRead).toBe(all.length);
    for (let sku = 0; sku < 5; sku++) {
      const expected = all
        .filter((doc) => doc.sku === `SKU${sku}`)
        .map((doc) => ({ db: `stock-${String(doc.storeId)}`, id: doc._id }))
        .sort((a, b) => (a.db === b.db ? a.id.localeCompare(b.id) : a.db < b.db ? -1 : 1));
      const postings = await index.postings('stk', `SKU${sku}`);
      expect(postings.map(({ db, id }) => ({ db, id }))).toEqual(expected);
    }
  });
  it('lets two server processes over one store catch up at once without failing', async () => {
    // Two sync-server instances in front of one CouchDB share the index database: both index
    // the same changes at once, and each meets the other's writes as conflicts.
    const stores = ['q1', 'q2', 'hk'];
    const dbs = stores.map((storeId) => `stock-${storeId}`);
    const first = await openIndex(freshDir(), dbs, 3);
    const { store } = first;
    const second = new ServerIndex(store, () => undefined, 3);
    await second.init();
    const writers = stores.map(async (storeId) => {
      for (let batch = 0; batch < 8; batch++) {
        const docs = Array.from({ length: 5 }, (_, n) =>
          move(`stk_${storeId}_${batch}_${n}`, storeId, `SKU${(batch + n) % 4}`, n - 2),
        );
        await store.bulkDocs(`stock-${storeId}`, docs, true);
        await new Promise((done) => setTimeout(done, 1));
      }
    });
    const readers = Array.from({ length: 16 }, async (_, n) => {
      await new Promise((done) => setTimeout(done, n));
      await (n % 2 ? second : first.index).catchUp();
    });
    await Promise.all([...writers, ...readers]);
    await Promise.all([first.index.catchUp(), second.catchUp()]);

    const all = (await Promise.all(dbs.map((db) => store.allDocs(db)))).flat();
    for (let sku = 0; sku < 4; sku++) {
      const expected = all
        .filter((doc) => doc.sku === `SKU${sku}`)
        .map((doc) => doc._id)
        .sort();
      for (const index of [first.index, second]) {
        const postings = await index.postings('stk', `SKU${sku}`);
        expect(postings.map((posting) => posting.id).sort()).toEqual(expected);
      }
    }
  });
});
