/**
 * The demo seed on the embedded store: both demo stores get their stock as receipts in their own
 * stock databases, the loyalty customers their past sales, orders and pickups, every document as
 * the server's schemas want it; a second seed adds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockMoveDoc } from '../../../src/documents';
import { stockLevels } from '../../../src/stock';
import { DocumentValidator } from '../../../sync-server/gate/document-validator';
import { seedDemoData } from '../../../sync-server/services/demo-seed';
import { fromCouchDoc } from '../../../sync-server/storage/couch-doc';
import type { Collection } from '../../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';

let dir: string;
let store: PouchDocumentStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omnitill-demo-seed-'));
  store = new PouchDocumentStore(dir);
  await store.ensureDatabase('products');
  for (const db of ['settings', 'staff', 'customers', 'loyalty']) await store.ensureDatabase(db);
  expect(await seedDemoData(store, () => undefined)).toBe(true);
}, 120_000);

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const STORES = ['hcm-q1', 'hn-hk'];

describe('the demo seed', () => {
  it('stocks every product in both stores', async () => {
    const products = await store.allDocs('products');
    for (const storeId of STORES) {
      const moves = (await store.allDocs(`stock-${storeId}`)).map((doc) =>
        fromCouchDoc<StockMoveDoc>(doc),
      );
      const levels = stockLevels(moves, { storeId });
      expect(levels).toHaveLength(products.length);
      expect(levels.filter((level) => level.sellable <= 0)).toEqual([]);
    }
  });

  it('writes past sales, orders and pickups in the stores they happened in', async () => {
    for (const storeId of STORES) {
      for (const collection of ['sales', 'orders', 'pickups']) {
        const docs = await store.allDocs(`${collection}-${storeId}`);
        expect(docs.length, `${collection}-${storeId}`).toBeGreaterThan(0);
      }
    }
  });

  it('writes only documents the server itself would accept', async () => {
    const validator = new DocumentValidator();
    const databases: [Collection, string][] = [
      ['customers', 'customers'],
      ['loyalty', 'loyalty'],
      ['products', 'products'],
      ...STORES.flatMap((storeId) =>
        (['sales', 'orders', 'pickups', 'stock'] as const).map(
          (collection): [Collection, string] => [collection, `${collection}-${storeId}`],
        ),
      ),
    ];
    for (const [collection, db] of databases) {
      for (const doc of await store.allDocs(db)) {
        expect(validator.validate(collection, doc), `${db}/${doc._id}`).toBeNull();
      }
    }
  });

  it('adds nothing when it runs again', async () => {
    const count = async () => (await store.allDocs('stock-hcm-q1')).length;
    const before = await count();
    expect(await seedDemoData(store, () => undefined)).toBe(false);
    expect(await count()).toBe(before);
  });
});
