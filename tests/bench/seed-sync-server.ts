/**
 * Writes the bench data straight into a sync-server's LevelDB before the server starts, through
 * the server's own document store (the same layout and `_id` form the server writes). Seeding is
 * not a measured figure; going around the HTTP API keeps it to seconds at 150,000 documents.
 */
import { SHARED_COLLECTIONS, storeDatabaseNames } from '../../sync-server/storage/database-layout';
import { hashPin } from '../../sync-server/services/demo-seed';
import { toCouchDoc } from '../../sync-server/storage/couch-doc';
import type { DocumentStore } from '../../sync-server/storage/document-store';
import { PouchDocumentStore } from '../../sync-server/storage/pouch-document-store';
import type { BenchData } from './bench-data';

const CHUNK = 2_000;

async function writeAll(
  store: DocumentStore,
  db: string,
  docs: readonly { id: string }[],
): Promise<void> {
  for (let start = 0; start < docs.length; start += CHUNK) {
    const chunk = docs.slice(start, start + CHUNK).map((doc) => toCouchDoc(doc));
    const rows = await store.bulkDocs(db, chunk, true);
    const failed = rows.find((row) => !row.ok);
    if (failed) throw new Error(`Seeding ${db} failed: ${JSON.stringify(failed)}`);
  }
}

export async function seedSyncServer(dataDir: string, data: BenchData): Promise<void> {
  const store = new PouchDocumentStore(dataDir);
  try {
    await seedDocumentStore(store, data);
  } finally {
    await store.close();
  }
}

/** The same seeding into any document store: the embedded LevelDB or a CouchDB (cluster bench). */
export async function seedDocumentStore(store: DocumentStore, data: BenchData): Promise<void> {
  // PouchDB creates a database on first write; CouchDB answers 404 until it is created.
  for (const db of SHARED_COLLECTIONS) await store.ensureDatabase(db);
  for (const settings of data.stores) {
    for (const db of storeDatabaseNames(settings.storeId)) await store.ensureDatabase(db);
  }
  await writeAll(store, 'settings', data.stores);
  const staff = await Promise.all(
    data.staff.map(async (member) => ({ ...member, pin: await hashPin(member.pin) })),
  );
  await writeAll(store, 'staff', staff);
  await writeAll(store, 'customers', data.customers);
  await writeAll(store, 'products', data.products);
}
