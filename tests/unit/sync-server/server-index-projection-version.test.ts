/**
 * An index built before a projection gained a key (here `rcpt:`, a sale by its receipt number)
 * holds checkpoints past sales it never keyed that way: the index re-reads its databases once
 * when its projection version changes, so every stored sale is found by number after an upgrade.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERNAL_DATABASES } from '../../../sync-server/storage/database-layout';
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
    return Promise.resolve([...this.names].filter((name) => name !== INTERNAL_DATABASES.index));
  }
}

const dirs: string[] = [];
const stores: TestStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the server index after its projection changed', () => {
  it('re-reads what an older index passed, so a sale stored before is found by its number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnitill-index-version-'));
    dirs.push(dir);
    const store = new TestStore(dir);
    stores.push(store);
    await store.ensureDatabase('sales-q1');
    await store.ensureDatabase(INTERNAL_DATABASES.index);
    await store.bulkDocs(
      'sales-q1',
      [
        {
          _id: 'sale_1',
          status: 'completed',
          receiptNumber: 'Q1-01-000001',
          receiptSeq: 1,
          payment: { tenders: [] },
          cart: { lines: [{ lineId: 'l1', pricing: 'unit', quantity: 1 }] },
        },
      ],
      true,
    );
    // What an index from before the `rcpt:` key left: a checkpoint past the sale, no version.
    const { lastSeq } = await store.changesSince('sales-q1', undefined, 100);
    await store.bulkDocs(INTERNAL_DATABASES.index, [{ _id: 'c|sales-q1', since: lastSeq }], true);

    const index = new ServerIndex(store, () => undefined);
    await index.init();
    await index.catchUp();
    expect((await index.postings('rcpt', 'Q1-01-000001')).map((posting) => posting.id)).toEqual([
      'sale_1',
    ]);

    // Once re-read at this version, a restart reads nothing again.
    const restarted = new ServerIndex(store, () => undefined);
    await restarted.init();
    await restarted.catchUp();
    expect(restarted.stats.documentsRead).toBe(0);
  });
});
