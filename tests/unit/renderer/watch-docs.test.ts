/**
 * The renderer's one way to follow the replica live (renderer/platform/watch-docs.ts), on a real
 * RxDB replica in memory: a query's documents arrive as plain data now and after each write, a
 * storage that cannot be read is reported once and ends the watch, and a stopped watch hears
 * nothing more.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { watchChanges, watchDocs } from '../../../renderer/platform/watch-docs';
import type { CustomerDoc } from '../../../src/documents';

const NOW = '2026-12-03T09:00:00.000Z';
const customer = (id: string, name = 'Nguyễn Văn An'): CustomerDoc => ({
  id,
  name,
  origin: { channel: 'store', storeId: 'hcm-q1' },
  createdAt: NOW,
  updatedAt: NOW,
});

/** Memory storage whose reads fail once `broken.reads` is set (writes still work). */
function breakableStorage(broken: { reads: boolean }): RxStorage<unknown, unknown> {
  const base: RxStorage<unknown, unknown> = getRxStorageMemory();
  return {
    ...base,
    async createStorageInstance(params) {
      const instance = await base.createStorageInstance(params);
      const query = instance.query.bind(instance);
      instance.query = (prepared) =>
        broken.reads ? Promise.reject(new Error('disk unreadable')) : query(prepared);
      return instance;
    },
  };
}

let db: ReplicaDatabase | undefined;
let replicas = 0;
async function open(storage: RxStorage<unknown, unknown> = getRxStorageMemory()) {
  replicas += 1;
  db = await openReplica(`watch-docs-${replicas}`, storage);
  return db;
}

afterEach(async () => {
  await db?.close();
  db = undefined;
});

const names = (docs: CustomerDoc[]) => docs.map((doc) => doc.name);

describe('watchDocs', () => {
  it("delivers the query's documents as plain data, now and after each write", async () => {
    const db = await open();
    const seen: string[][] = [];
    const onError = vi.fn();
    const stop = watchDocs<CustomerDoc>(
      db.customers.find({ selector: {}, sort: [{ name: 'asc' }] }),
      (docs) => seen.push(names(docs)),
      onError,
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    await db.customers.insert(customer('cust_b', 'Bình'));
    await vi.waitFor(() => expect(seen).toEqual([[], ['Bình']]));
    await db.customers.insert(customer('cust_a', 'An'));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['An', 'Bình']));
    await db.customers.findOne('cust_a').patch({ name: 'Anh', updatedAt: NOW });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Anh', 'Bình']));
    stop();
    expect(onError).not.toHaveBeenCalled();
  });

  it('delivers a findOne as a list of zero or one plain document', async () => {
    const db = await open();
    const seen: unknown[][] = [];
    const stop = watchDocs<CustomerDoc>(
      db.customers.findOne('cust_a'),
      (docs) => seen.push(docs),
      () => undefined,
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    await db.customers.insert(customer('cust_a'));
    await vi.waitFor(() => expect(seen).toEqual([[], [customer('cust_a')]]));
    stop();
  });

  it('reports a storage that cannot be read once, and the watch ends there', async () => {
    const broken = { reads: false };
    const db = await open(breakableStorage(broken));
    broken.reads = true;
    const onDocs = vi.fn();
    const onError = vi.fn();
    const stop = watchDocs<CustomerDoc>(db.customers.find(), onDocs, onError);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ message: 'disk unreadable' });
    // Reads come back and documents change: the ended watch neither delivers nor reports again.
    broken.reads = false;
    await db.customers.insert(customer('cust_a'));
    const later: string[][] = [];
    watchDocs<CustomerDoc>(
      db.customers.find({ selector: { 'origin.channel': 'store' } }),
      (docs) => later.push(names(docs)),
      vi.fn(),
    );
    await vi.waitFor(() => expect(later.at(-1)).toEqual(['Nguyễn Văn An']));
    expect(onDocs).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
    stop();
  });

  it('hears nothing once stopped, while other watches of the same query go on', async () => {
    const db = await open();
    const stopped: string[][] = [];
    const stop = watchDocs<CustomerDoc>(
      db.customers.find(),
      (docs) => stopped.push(names(docs)),
      vi.fn(),
    );
    await vi.waitFor(() => expect(stopped).toEqual([[]]));
    stop();
    stop();
    const other: string[][] = [];
    watchDocs<CustomerDoc>(db.customers.find(), (docs) => other.push(names(docs)), vi.fn());
    await db.customers.insert(customer('cust_a'));
    // The other watch has seen the write, so the stopped one would have by now.
    await vi.waitFor(() => expect(other.at(-1)).toEqual(['Nguyễn Văn An']));
    expect(stopped).toEqual([[]]);
  });
});

describe('watchChanges', () => {
  it('delivers each write with its operation until stopped', async () => {
    const db = await open();
    const events: string[] = [];
    const stop = watchChanges(
      db.customers,
      (event) => events.push(`${event.operation} ${event.documentId}`),
      vi.fn(),
    );
    await db.customers.insert(customer('cust_a'));
    await db.customers.findOne('cust_a').patch({ name: 'An', updatedAt: NOW });
    await vi.waitFor(() => expect(events).toEqual(['INSERT cust_a', 'UPDATE cust_a']));
    stop();
    await db.customers.insert(customer('cust_b'));
    await db.customers.findOne('cust_b').exec();
    expect(events).toEqual(['INSERT cust_a', 'UPDATE cust_a']);
  });
});
