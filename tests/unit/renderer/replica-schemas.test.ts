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
import { findFacts, insertFact } from '../../../renderer/data/facts';
import { REGISTER_COLLECTION_LIMIT } from '../../../src/documents';
import type { CashMoveDoc } from '../../../src/documents';
import { minor } from '../../../src/money';

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

  it('keeps cash moves and pickups in facts, each read back as its own kind', async () => {
    const db = database!;
    const move: CashMoveDoc = {
      id: 'cash_01KAQ0000000000000000000X1',
      shiftId: 'shift_1',
      storeId: 'hcm-q1',
      deviceId: 'dev_1',
      kind: 'paid-in',
      amount: minor(50_000),
      staffId: 'staff_0002',
      createdAt: '2026-11-23T08:00:00.000Z',
    };
    await insertFact(db, 'cashmoves', move);
    expect(await findFacts(db, 'cashmoves', { shiftId: 'shift_1' })).toEqual([move]);
    expect(await findFacts(db, 'pickups', { shiftId: 'shift_1' })).toEqual([]);
    expect((await db.facts.findOne(move.id).exec())?.get('factKind')).toBe('cashmoves');
    await expect(
      db.facts.insert({ ...move, id: 'cash_x2', factKind: 'menus' } as never),
    ).rejects.toThrow();
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
