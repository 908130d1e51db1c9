/**
 * Which stores need which customers (sync-server/index/customer-needs.ts), on the embedded
 * store: a sale naming a customer makes its store need them, and a need that arrives after
 * registers may have pulled past the customer re-sends the customer and its ledger (a new
 * revision each), also when the process stopped between recording and re-sending.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERNAL_DATABASES } from '../../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';
import { ServerIndex } from '../../../sync-server/index/server-index';
import { PROJECTION_VERSION } from '../../../sync-server/index/index-projections';
import { CustomerNeeds } from '../../../sync-server/index/customer-needs';
import { waitFor } from '../../helpers/wait-for';

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

const sale = (id: string, customerId: string) => ({
  _id: id,
  status: 'completed',
  customerId,
  payment: { tenders: [] },
  cart: { lines: [] },
});

/** A store with customer c1 (born at q1) and one ledger entry of theirs, then indexed. */
async function setUp(before: (store: TestStore) => Promise<unknown> = () => Promise.resolve()) {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-customer-needs-'));
  dirs.push(dir);
  const store = new TestStore(dir);
  stores.push(store);
  for (const db of ['customers', 'loyalty', 'sales-hk', INTERNAL_DATABASES.index]) {
    await store.ensureDatabase(db);
  }
  await store.bulkDocs('customers', [{ _id: 'c1', origin: { storeId: 'q1' } }], true);
  await store.bulkDocs('loyalty', [{ _id: 'loy_1', customerId: 'c1', points: 5 }], true);
  await before(store);
  const revs = async () => ({
    customer: (await store.getCurrent('customers', ['c1'])).get('c1')?._rev,
    entry: (await store.getCurrent('loyalty', ['loy_1'])).get('loy_1')?._rev,
  });
  const first = await revs();
  const index = new ServerIndex(store, () => undefined);
  await index.init();
  const needs = new CustomerNeeds(store, index, () => undefined);
  await index.catchUp();
  return { store, index, needs, revs, first };
}

describe('customers a store needs', () => {
  it('a sale found when its database is first indexed is a need, with nothing re-sent', async () => {
    // Indexed from its start: a new index over old data (first start, a rebuilt index).
    const { index, needs, revs, first } = await setUp((store) =>
      store.bulkDocs('sales-hk', [sale('sale_old', 'c1')], true),
    );
    expect(await needs.neededBy('hk', ['c1', 'c2'])).toEqual(new Set(['c1']));
    expect(await needs.neededBy('q1', ['c1'])).toEqual(new Set());
    await index.catchUp();
    expect(await revs()).toEqual(first);
  });

  it('an upgrade re-reads the store databases once: needs of earlier sales, nothing re-sent', async () => {
    // What an index of the previous projection left: a checkpoint past the sale, no needs.
    const { index, needs, revs, first } = await setUp(async (store) => {
      await store.bulkDocs('sales-hk', [sale('sale_old', 'c1')], true);
      const { lastSeq } = await store.changesSince('sales-hk', undefined, 100);
      await store.bulkDocs(
        INTERNAL_DATABASES.index,
        [{ _id: 'c|sales-hk', since: lastSeq, projection: PROJECTION_VERSION - 1 }],
        true,
      );
    });
    expect(await needs.neededBy('hk', ['c1'])).toEqual(new Set(['c1']));
    await index.catchUp();
    expect(await revs()).toEqual(first);
  });

  it('a later sale in another store makes that store need the customer and re-sends them with the ledger', async () => {
    const { store, index, needs, revs } = await setUp();
    const before = await revs();
    expect(await needs.neededBy('hk', ['c1'])).toEqual(new Set());
    await store.bulkDocs('sales-hk', [sale('sale_new', 'c1')], true);
    await index.catchUp();
    expect(await needs.neededBy('hk', ['c1'])).toEqual(new Set(['c1']));
    const after = await waitFor(async () => {
      const now = await revs();
      return now.customer !== before.customer && now.entry !== before.entry && now;
    });
    expect(after.customer?.startsWith('2-')).toBe(true);
    expect(after.entry?.startsWith('2-')).toBe(true);
    expect(await store.allDocs(INTERNAL_DATABASES.index, 'q|')).toEqual([]);
  });

  it('a look-up recorded by a process that stopped before re-sending is re-sent at start-up', async () => {
    const { store, index, revs } = await setUp();
    const before = await revs();
    // What the stopped process left: the queue marker and the need, no touch.
    await store.bulkDocs(
      INTERNAL_DATABASES.index,
      [
        { _id: 'q|hk|c1', storeId: 'hk', customerId: 'c1' },
        { _id: 'n|hk|c1', storeId: 'hk', customerId: 'c1' },
      ],
      true,
    );
    const restarted = new CustomerNeeds(store, index, () => undefined);
    await restarted.resume();
    const after = await revs();
    expect(after.customer).not.toBe(before.customer);
    expect(after.entry).not.toBe(before.entry);
    expect(await store.allDocs(INTERNAL_DATABASES.index, 'q|')).toEqual([]);
  });

  it('a look-up of a customer the store needs already re-sends nothing', async () => {
    const { needs, revs } = await setUp();
    await needs.record('hk', ['c1']);
    const once = await revs();
    await needs.record('hk', ['c1']);
    expect(await revs()).toEqual(once);
  });
});
