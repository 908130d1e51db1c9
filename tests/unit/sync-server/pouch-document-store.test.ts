/**
 * The embedded store's reads the gate leans on (issue #19): getCurrent by point reads answers
 * as allDocs({keys}) did (live documents, tombstones with their bodies, nothing for unknown ids,
 * in the order asked), and updateSeq is the lastSeq a changes feed read to its end gives, so a
 * catch-up pass that compares it with its checkpoint sees every write and only writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';

const dirs: string[] = [];
const stores: PouchDocumentStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore(): PouchDocumentStore {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-pouch-store-'));
  dirs.push(dir);
  const store = new PouchDocumentStore(dir);
  stores.push(store);
  return store;
}

async function readToEnd(store: PouchDocumentStore, db: string): Promise<string | number> {
  let since: string | number | undefined;
  for (;;) {
    const page = await store.changesSince(db, since, 2);
    since = page.lastSeq;
    if (!page.more) return since;
  }
}

describe('PouchDocumentStore reads', () => {
  it('getCurrent answers live documents, tombstones with their body and nothing for unknown ids, in order', async () => {
    const store = openStore();
    await store.ensureDatabase('sales-hcm-q1');
    const [first] = await store.bulkDocs(
      'sales-hcm-q1',
      [
        { _id: 'b', total: 2 },
        { _id: 'a', total: 1 },
      ],
      true,
    );
    await store.bulkDocs(
      'sales-hcm-q1',
      [{ _id: 'b', _rev: first?.rev, total: 2, note: 'gone', _deleted: true }],
      true,
    );

    const current = await store.getCurrent('sales-hcm-q1', ['nope', 'b', 'a', 'a']);

    expect([...current.keys()]).toEqual(['b', 'a']);
    expect(current.get('a')).toMatchObject({ _id: 'a', total: 1 });
    expect(current.get('a')?._rev).toMatch(/^1-/);
    // The tombstone comes with its body: immutability checks and the tombstone fill read it.
    expect(current.get('b')).toMatchObject({ _id: 'b', _deleted: true, note: 'gone' });
    expect(current.get('b')?._rev).toMatch(/^2-/);
    expect((await store.getCurrent('sales-hcm-q1', [])).size).toBe(0);
  });

  it('updateSeq moves with every write and equals the changes feed read to its end', async () => {
    const store = openStore();
    await store.ensureDatabase('stock-hcm-q1');
    expect(String(await store.updateSeq('stock-hcm-q1'))).toBe(
      String(await readToEnd(store, 'stock-hcm-q1')),
    );
    await store.bulkDocs(
      'stock-hcm-q1',
      [1, 2, 3].map((n) => ({ _id: `m${n}`, qty: n })),
      true,
    );
    const afterWrites = await store.updateSeq('stock-hcm-q1');
    expect(String(afterWrites)).toBe(String(await readToEnd(store, 'stock-hcm-q1')));
    await store.bulkDocs('stock-hcm-q1', [{ _id: '_design/x', views: {} }], true);
    const afterDesign = await store.updateSeq('stock-hcm-q1');
    expect(afterDesign).not.toEqual(afterWrites);
    expect(String(afterDesign)).toBe(String(await readToEnd(store, 'stock-hcm-q1')));
  });
});

describe('PouchDocumentStore writes', () => {
  it('answers a write of more documents than one PouchDB call takes row for row, in order', async () => {
    const store = openStore();
    await store.ensureDatabase('things');
    await store.bulkDocs('things', [{ _id: 'doc-0400', v: 'first' }], true);
    const docs = Array.from({ length: 600 }, (_, index) => ({
      _id: `doc-${String(index).padStart(4, '0')}`,
      v: index,
    }));
    const rows = await store.bulkDocs('things', docs, true);
    expect(rows.map((row) => row.id)).toEqual(docs.map((doc) => doc._id));
    // The one already there (in the second call of 250) is refused, and only it.
    expect(rows.filter((row) => row.error).map((row) => [row.id, row.error])).toEqual([
      ['doc-0400', 'conflict'],
    ]);
    const stored = await store.getCurrent('things', ['doc-0000', 'doc-0400', 'doc-0599']);
    expect([...stored.values()].map((doc) => doc.v)).toEqual([0, 'first', 599]);
  });
});
