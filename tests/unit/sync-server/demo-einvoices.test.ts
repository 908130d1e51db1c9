/**
 * The demo's past sales and e-invoices (docs/INVOICES.md, "The demo store"): a store's
 * e-invoices start on its configured first day (`from`), and the demo's history lies before the
 * day it was seeded. So e-invoicing switched on for a demo store from the day it is switched on
 * queues none of the hundreds of past sales; only a `from` set back into that history would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../../../src/demo/demo-ids';
import type { SaleDoc } from '../../../src/documents';
import { businessDate } from '../../../src/store-clock';
import { parseEInvoiceConfig } from '../../../sync-server/einvoice/einvoice-config';
import type { EInvoiceProvider } from '../../../sync-server/einvoice/einvoice-provider';
import { EInvoiceQueue } from '../../../sync-server/einvoice/einvoice-queue';
import type { SettingsHistory } from '../../../sync-server/history/settings-history';
import { seedDemoData } from '../../../sync-server/services/demo-seed';
import { fromCouchDoc } from '../../../sync-server/storage/couch-doc';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';
import { storeTax } from '../einvoice/einvoice-fixtures';

/** express-pouchdb installs `allDbs`; without it, the store lists what it was asked to open. */
class TestStore extends PouchDocumentStore {
  private readonly names = new Set<string>();

  override async ensureDatabase(name: string): Promise<void> {
    this.names.add(name);
    await super.ensureDatabase(name);
  }

  override listDatabases(): Promise<string[]> {
    return Promise.resolve([...this.names].sort());
  }
}

const ZONE = 'Asia/Ho_Chi_Minh';
const SEED_DAY = businessDate(Date.now(), ZONE);

let dir: string;
let store: TestStore;
/** A second store holding only the demo's sales, with a queue that has read nothing yet. */
let copy: TestStore;

const settingsHistory = {
  historyOf: (storeId: string) =>
    Promise.resolve({
      storeId,
      hasCurrent: true,
      versions: [{ inForceFrom: '2020-01-01T00:00:00.000Z', settings: storeTax() }],
    }),
} as unknown as SettingsHistory;

/** Accepts whatever is due (the past days' batches go in the same pass). */
const accepting: EInvoiceProvider = {
  name: 'accepting',
  send: (batch) =>
    Promise.resolve(
      batch.map((invoice) => ({
        id: invoice.id,
        outcome: 'accepted' as const,
        providerId: `P-${invoice.code}`,
      })),
    ),
};

/** A queue on `on` for the demo's Quận 1 store, whose e-invoices start on `from`. */
async function queueFrom(on: TestStore, from: string): Promise<EInvoiceQueue> {
  const config = parseEInvoiceConfig({
    provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
    stores: {
      [DEMO_STORE_ID]: {
        from,
        seller: {
          name: 'Công ty TNHH Omnitill Việt Nam',
          taxCode: '0312345678',
          address: '12 Lê Lợi, TP. Hồ Chí Minh',
        },
        sellerBlock: 'AB12C',
        series: 'AA',
        registers: { 'reg-05': 5 },
      },
    },
  });
  const queue = new EInvoiceQueue(on, settingsHistory, config, accepting, () => undefined);
  await queue.init();
  return queue;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omnitill-demo-einvoices-'));
  store = new TestStore(dir);
  for (const db of ['products', 'settings', 'staff', 'customers', 'loyalty']) {
    await store.ensureDatabase(db);
  }
  expect(await seedDemoData(store, () => undefined)).toBe(true);
  copy = new TestStore(join(dir, 'copy'));
  const salesDb = `sales-${DEMO_STORE_ID}`;
  await copy.ensureDatabase(salesDb);
  await copy.bulkDocs(salesDb, await store.allDocs(salesDb), false);
}, 120_000);

afterAll(async () => {
  await copy?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the demo's past sales and e-invoices", () => {
  it('dates every past sale before the day the demo was seeded', async () => {
    const sales = (await store.allDocs(`sales-${DEMO_STORE_ID}`)).map((doc) =>
      fromCouchDoc<SaleDoc>(doc),
    );
    expect(sales.length).toBeGreaterThan(50);
    const days = sales.map((sale) => businessDate(sale.completedAt ?? sale.createdAt, ZONE));
    expect(days.filter((day) => day >= SEED_DAY)).toEqual([]);
  });

  it('queues none of them when e-invoices start on the day they are switched on', async () => {
    const queue = await queueFrom(store, SEED_DAY);
    await queue.pass();
    expect(await queue.ledger.list(DEMO_STORE_ID)).toEqual([]);
  });

  it('would queue them all with a first day set back into the history', async () => {
    const sales = await store.allDocs(`sales-${DEMO_STORE_ID}`);
    const queue = await queueFrom(copy, '2020-01-01');
    await queue.pass();
    expect(await queue.ledger.list(DEMO_STORE_ID)).toHaveLength(sales.length);
  });
});
