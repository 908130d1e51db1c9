/**
 * A replica from before the `facts` collection (pickups and cash moves in collections of their
 * own, on IndexedDB as in the app) opens after the update with every pickup and cash move in
 * `facts`, the old collections gone, under the free tier's collection limit; pickups stored at
 * version 0 are upgraded on the way. A second start moves nothing again.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getAllCollectionDocuments, OPEN_COLLECTIONS } from 'rxdb';
import type { RxDatabase, RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../../renderer/data/collections';
import { openReplica } from '../../../renderer/data/database';
import { findFacts } from '../../../renderer/data/facts';
import { replicaSchemas } from '../../../renderer/data/migrations';
import { DOCUMENT_UPGRADES, pickupSchema, REGISTER_COLLECTION_LIMIT } from '../../../src/documents';
import type { CashMoveDoc, DocumentSchema, PickupDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { collectionsBeforeFacts } from './support/before-facts';

const storage = (): RxStorage<unknown, unknown> => getRxStorageDexie({ indexedDB, IDBKeyRange });

/** Pickups as version 0 shipped them: no shift or tenders. */
function pickupsVersion0(): DocumentSchema {
  const { shiftId: _shiftId, tenders: _tenders, ...properties } = pickupSchema.properties;
  return { ...pickupSchema, version: 0, properties };
}

const moves: CashMoveDoc[] = Array.from({ length: 450 }, (_, index) => ({
  id: `cash_01KAQ00000000000000000${String(index).padStart(4, '0')}`,
  shiftId: index % 2 === 0 ? 'shift_even' : 'shift_odd',
  storeId: 'hcm-q1',
  deviceId: 'dev_1',
  kind: 'paid-in',
  amount: minor(1_000 + index),
  staffId: 'staff_0002',
  createdAt: '2026-11-23T08:00:00.000Z',
}));

const pickup = {
  id: 'pick_01KAQ0000000000000000000P1',
  orderId: 'ord_1',
  storeId: 'hcm-q1',
  deviceId: 'dev_1',
  staffId: 'staff_0002',
  lines: [{ lineId: '1', quantity: 1 }],
  amountCollected: minor(0),
  createdAt: '2026-11-23T08:00:00.000Z',
} as PickupDoc;

async function collectionNames(database: RxDatabase): Promise<string[]> {
  const stored = await getAllCollectionDocuments(database.internalStore);
  return stored.map((doc) => doc.data.name).sort();
}

describe('a replica from before the facts collection', () => {
  it('moves its pickups and cash moves into facts, once, within the collection limit', async () => {
    const name = `facts-upgrade-${Date.now()}`;
    const shipped = replicaSchemas(
      collectionsBeforeFacts().map((spec) =>
        spec.name === 'pickups' ? { name: spec.name, schema: pickupsVersion0() } : spec,
      ),
      { ...DOCUMENT_UPGRADES, [pickupSchema.title]: {} },
    );
    // The old layout used all thirteen slots (the test would fail here if it needed more).
    expect(shipped.length).toBe(REGISTER_COLLECTION_LIMIT);
    const before = (await openReplica(name, storage(), shipped)) as unknown as RxDatabase;
    await before.collections.cashmoves!.bulkInsert(moves);
    await before.collections.pickups!.insert(pickup);
    await before.close();

    const after = await openReplica(name, storage());
    try {
      // The old collections were closed and removed: twelve open, not fourteen.
      expect(OPEN_COLLECTIONS.size).toBe(COLLECTIONS.length);
      expect(Object.keys(after.collections).sort()).toEqual(
        COLLECTIONS.map((spec) => spec.name).sort(),
      );
      expect(await collectionNames(after as unknown as RxDatabase)).not.toContain('pickups');
      expect(await collectionNames(after as unknown as RxDatabase)).not.toContain('cashmoves');
      const even = await findFacts(after, 'cashmoves', { shiftId: 'shift_even' });
      expect(even).toHaveLength(225);
      expect(await findFacts(after, 'cashmoves')).toEqual(
        expect.arrayContaining(moves.map((move): unknown => expect.objectContaining(move))),
      );
      expect(await findFacts(after, 'pickups', { orderId: 'ord_1' })).toEqual([pickup]);
      expect(await after.facts.count().exec()).toBe(451);
    } finally {
      await after.close();
    }

    // The next start finds nothing to move and the same facts.
    const again = await openReplica(name, storage());
    try {
      expect(await again.facts.count().exec()).toBe(451);
      expect(await findFacts(again, 'pickups')).toEqual([pickup]);
    } finally {
      await again.close();
    }
  });
});
