/**
 * An app update that changes a schema must not brick a register: the replica written by the
 * shipped version reopens under the next one (shift and sale schemas at version 1), every
 * document there and upgraded, the unsynced sale intact. A changed schema without a version
 * bump is the bricking mistake (RxDB DB6); an upgrade that fails loses nothing and says so.
 * Run on RxDB's memory storage, and once on the real Dexie storage over fake-indexeddb.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { ReplicaMigrationError } from '../../../renderer/data/migrations';
import type { ParkedSaleDoc, SaleDoc, ShiftDoc } from '../../../src/documents';
import { saleSchema } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { openShift } from '../../../src/shifts';
import { cart, NOW, SALE_ID, storeSettings } from '../../unit/renderer/sale-fixtures';
import { changedWithoutBump, nextVersionSchemas } from './support/bumped-schemas';

type Storage = RxStorage<unknown, unknown>;

const SHIFT: ShiftDoc = openShift({
  id: 'shift_01KAQ0000000000000000000SH',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  deviceId: 'dev_1',
  currency: 'VND',
  openedAt: NOW,
  openedBy: 'staff_lan',
  openingDenominations: [
    { value: minor(200_000), count: 2 },
    { value: minor(50_000), count: 2 },
  ],
});

function unsyncedSale(): SaleDoc {
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: '2026-11-23T08:01:00.000Z',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    shiftId: SHIFT.id,
    settings: storeSettings(),
    cart: cart(),
    tenders: [{ tenderId: 't1', kind: 'cash', amount: minor(100_000) }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const PARKED: ParkedSaleDoc = {
  id: 'park_01KAQ0000000000000000000PK',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  deviceId: 'dev_1',
  staffId: 'staff_lan',
  cart: cart(),
  label: 'áo xanh',
  totalWhenParked: minor(72_000),
  lineCount: 2,
  status: 'parked',
  parkedAt: NOW,
};

const plain = <T>(doc: { toJSON(): unknown } | null): T => doc?.toJSON() as T;

describe.each([
  ['memory', () => getRxStorageMemory() as Storage],
  ['Dexie over fake-indexeddb', () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as Storage],
])('the replica across a schema change (%s storage)', (_name, makeStorage) => {
  let open: ReplicaDatabase | undefined;
  let count = 0;
  const nextName = () => `migration-${Date.now()}-${count++}`;

  afterEach(async () => {
    if (open && !open.closed) await open.close();
    open = undefined;
  });

  /** The shipped version writes a shift, a sale not yet pushed and a parked sale, and quits. */
  async function writtenByShippedVersion(storage: Storage, name: string): Promise<SaleDoc> {
    const sale = unsyncedSale();
    open = await openReplica(name, storage);
    await open.shifts.insert(SHIFT);
    await open.sales.insert(sale);
    await open.parked.insert(PARKED);
    await open.close();
    return sale;
  }

  it('opens under the next version with every document there and upgraded', async () => {
    const storage = makeStorage();
    const name = nextName();
    const sale = await writtenByShippedVersion(storage, name);

    // The mistake this guards against: a schema changed with its version left at 0.
    await expect(openReplica(name, storage, changedWithoutBump())).rejects.toMatchObject({
      code: 'DB6',
    });

    const logged: string[] = [];
    const original = console.info;
    console.info = (text: string) => logged.push(text);
    try {
      open = await openReplica(name, storage, nextVersionSchemas());
    } finally {
      console.info = original;
    }
    expect(open.shifts.schema.version).toBe(1);
    expect(logged.join('\n')).toMatch(/upgrading shifts from version 0 to 1/);

    const shift = plain<ShiftDoc & { drawerId?: string }>(
      await open.shifts.findOne(SHIFT.id).exec(),
    );
    expect(shift).toEqual({ ...SHIFT, drawerId: 'reg-01' });
    expect(plain<SaleDoc>(await open.sales.findOne(sale.id).exec())).toEqual(sale);
    expect(plain<ParkedSaleDoc>(await open.parked.findOne(PARKED.id).exec())).toEqual(PARKED);
    // The upgraded collections take the new field, and queries on their indexes still work.
    await open.shifts
      .findOne(SHIFT.id)
      .exec()
      .then((doc) => doc?.incrementalPatch({}));
    expect(await open.shifts.count({ selector: { status: 'open' } }).exec()).toBe(1);
    await open.close();

    // A second start has nothing left to upgrade.
    open = await openReplica(name, storage, nextVersionSchemas());
    expect(await open.sales.count().exec()).toBe(1);
    expect((await open.shifts.findOne(SHIFT.id).exec())?.get('drawerId')).toBe('reg-01');
  });

  it('keeps everything when an upgrade fails, says why, and upgrades on a later start', async () => {
    const storage = makeStorage();
    const name = nextName();
    const sale = await writtenByShippedVersion(storage, name);

    const failing = nextVersionSchemas({
      sale: () => {
        throw new Error('no receipt e-mail for this sale');
      },
    });
    const error = await openReplica(name, storage, failing).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReplicaMigrationError);
    const from = saleSchema.version;
    expect(error).toMatchObject({ collection: 'sales', fromVersion: from, toVersion: from + 1 });
    expect((error as Error).message).toContain(`version ${from} → ${from + 1}`);
    expect((error as Error).message).toMatch(/no receipt e-mail for this sale/);
    expect((error as Error).message).toMatch(/Không nâng cấp được dữ liệu/);

    // The shipped version still opens its data untouched (e.g. after a rollback)…
    open = await openReplica(name, storage);
    expect(plain<SaleDoc>(await open.sales.findOne(sale.id).exec())).toEqual(sale);
    await open.close();

    // …and the fixed next version upgrades it.
    open = await openReplica(name, storage, nextVersionSchemas());
    expect(plain<SaleDoc>(await open.sales.findOne(sale.id).exec())).toEqual(sale);
    expect((await open.shifts.findOne(SHIFT.id).exec())?.get('drawerId')).toBe('reg-01');
  });
});
