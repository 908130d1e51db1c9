import { hashPin } from '../access/staff-pin';
import { generateDemoData } from '../../src/demo';
import type { DemoData, DemoStaff } from '../../src/demo';
import type { StaffDoc } from '../../src/documents';
import { storeDatabaseName, storeDatabaseNames } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { toCouchDoc } from '../storage/couch-doc';
import type { ProductImages } from '../storage/product-images';
import { seedDemoImages } from './demo-images';

export { hashPin, PIN_ITERATIONS } from '../access/staff-pin';

async function staffDoc(staff: DemoStaff): Promise<StaffDoc> {
  return { ...staff, pin: await hashPin(staff.pin) };
}

async function writeAll(store: DocumentStore, db: string, docs: readonly { id: string }[]) {
  for (let start = 0; start < docs.length; start += 500) {
    const chunk = docs.slice(start, start + 500).map((doc) => toCouchDoc(doc));
    const rows = await store.bulkDocs(db, chunk, true);
    const failed = rows.filter((row) => !row.ok && row.error !== 'conflict');
    if (failed.length) throw new Error(`Seeding ${db} failed: ${JSON.stringify(failed[0])}`);
  }
}

/** Documents of one store's collection go to that store's database (`stock-hcm-q1`). */
async function writePerStore(
  store: DocumentStore,
  collection: 'sales' | 'orders' | 'pickups' | 'stock',
  docs: readonly { id: string; storeId?: string; pickupStoreId?: string }[],
): Promise<void> {
  const byStore = new Map<string, { id: string }[]>();
  for (const doc of docs) {
    const storeId = doc.storeId ?? doc.pickupStoreId ?? '';
    const list = byStore.get(storeId);
    if (list) list.push(doc);
    else byStore.set(storeId, [doc]);
  }
  for (const [storeId, list] of byStore) {
    await writeAll(store, storeDatabaseName(collection, storeId), list);
  }
}

/**
 * The demo without its past: no past sales, orders or pickups and no stock moves (the customers
 * keep their points). `OMNITILL_DEMO_HISTORY=none`: the test suites on a CouchDB cluster seed
 * this, as indexing the full demo's 9,000 documents there takes most of a minute at every
 * server start on a 2-core machine (README, `npm run test:couchdb`).
 */
function withoutHistory(demo: DemoData): DemoData {
  return { ...demo, sales: [], pastOrders: [], pickups: [], stock: [] };
}

/**
 * Writes the demo store (src/demo) on first start: settings of the demo stores, staff with
 * hashed PINs, the catalog, customers with their past sales and orders and the points those
 * earned, web orders to collect, and both stores' stock (an opening delivery, less what the past
 * sold). Only when the products database is empty, so a restart with --seed-demo never writes
 * over real data. Every document has a fixed id, so a seed redone after an interruption adds
 * nothing twice. Returns whether it seeded.
 */
export async function seedDemoData(
  store: DocumentStore,
  log: (line: string) => void,
  images?: ProductImages,
): Promise<boolean> {
  const existing = await store.allDocs('products');
  if (existing.length > 0) return false;
  const full = generateDemoData({ now: new Date().toISOString() });
  const demo = process.env.OMNITILL_DEMO_HISTORY === 'none' ? withoutHistory(full) : full;
  for (const settings of demo.stores) {
    for (const db of storeDatabaseNames(settings.storeId)) await store.ensureDatabase(db);
  }
  await writeAll(store, 'settings', demo.stores);
  await writeAll(store, 'staff', await Promise.all(demo.staff.map(staffDoc)));
  await writeAll(store, 'customers', demo.customers);
  await writeAll(store, 'loyalty', demo.loyaltyEntries);
  await writePerStore(store, 'orders', [...demo.pastOrders, ...demo.webOrders]);
  await writePerStore(store, 'sales', demo.sales);
  await writePerStore(store, 'pickups', demo.pickups);
  await writePerStore(store, 'stock', demo.stock);
  // Images before products: they are keyed by SKU and a redone seed writes the same bytes.
  const pictured = images ? await seedDemoImages(images, demo.products) : 0;
  // Products last: an interrupted seed leaves products empty and is simply redone next start.
  await writeAll(store, 'products', demo.products);
  log(
    `omnitill-sync-server: seeded the demo data (${demo.stores.length} stores, ${demo.staff.length} staff, ${demo.products.length} products, ${demo.customers.length} customers, ${demo.loyaltyEntries.length} loyalty entries, ${demo.sales.length} past sales, ${demo.pastOrders.length} past orders, ${demo.webOrders.length} web orders to collect, ${demo.stock.length} stock moves, ${pictured} product images)`,
  );
  return true;
}
