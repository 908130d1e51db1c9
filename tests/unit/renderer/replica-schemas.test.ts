/**
 * Every document schema in src/documents must be one RxDB accepts under dev-mode's strict schema
 * checks (dev-mode runs only here, never in a served build), and the collection count must stay
 * within the free tier's limit (STACK.md).
 */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../renderer/data/collections';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { generateDemoData } from '../../../src/demo';
import { REGISTER_COLLECTION_LIMIT } from '../../../src/documents';

addRxPlugin(RxDBDevModePlugin);

describe('the register replica', () => {
  let database: ReplicaDatabase | undefined;

  afterAll(async () => {
    await database?.close();
  });

  it('stays within the free tier collection limit', () => {
    expect(COLLECTIONS.length).toBeLessThanOrEqual(REGISTER_COLLECTION_LIMIT);
  });

  it('opens every collection under RxDB dev-mode and takes valid demo documents', async () => {
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
    database = await openReplica(`schema-check-${Date.now()}`, storage as never);
    expect(Object.keys(database.collections).sort()).toEqual(
      COLLECTIONS.map((spec) => spec.name).sort(),
    );

    const demo = generateDemoData({
      now: '2026-11-23T08:00:00.000Z',
      productCount: 50,
      customerCount: 5,
    });
    await database.products.bulkInsert(demo.products);
    await database.settings.bulkInsert(demo.stores);
    await database.customers.bulkInsert(demo.customers);
    expect(await database.products.count().exec()).toBe(50);
    const store = await database.settings.findOne('store_hcm-q1').exec();
    expect(store?.currency).toBe('VND');
  });

  it('rejects a document that breaks its schema', async () => {
    const [product] = generateDemoData({
      now: '2026-11-23T08:00:00.000Z',
      productCount: 1,
    }).products;
    await expect(
      database?.products.insert({ ...product!, id: 'prod_bad', unitPrice: 1.5 as never }),
    ).rejects.toThrow();
  });
});
