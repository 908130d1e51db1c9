/**
 * The queue on the embedded store (PouchDB on LevelDB in a temp dir) with a provider that
 * records what it gets: one invoice per completed sale read from the sales feed, none for a
 * voided sale, a sale of today kept for the end of the store's day while yesterday's goes, a
 * sale without a receipt sequence blocked, a restart reading nothing twice, and two queues on
 * one database (two server processes) sending each invoice exactly once; sales from before the
 * store's first day of e-invoices get none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../../src/documents';
import { startOfBusinessDay, businessDate } from '../../../../src/store-clock';
import type { SettingsHistory } from '../../../../sync-server/history/settings-history';
import { parseEInvoiceConfig } from '../../../../sync-server/einvoice/einvoice-config';
import { EInvoiceQueue } from '../../../../sync-server/einvoice/einvoice-queue';
import type {
  EInvoiceProvider,
  InvoiceResult,
  OutgoingInvoice,
} from '../../../../sync-server/einvoice/einvoice-provider';
import { PouchDocumentStore } from '../../../../sync-server/storage/pouch-document-store';
import { line, saleOf, storeTax } from '../../einvoice/einvoice-fixtures';

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

class RecordingProvider implements EInvoiceProvider {
  readonly name = 'recording';
  readonly batches: OutgoingInvoice[][] = [];

  send(batch: readonly OutgoingInvoice[]): Promise<InvoiceResult[]> {
    this.batches.push([...batch]);
    return Promise.resolve(
      batch.map((invoice) => ({
        id: invoice.id,
        outcome: 'accepted' as const,
        providerId: `P-${invoice.code}`,
      })),
    );
  }

  sentIds(): string[] {
    return this.batches.flat().map((invoice) => invoice.id);
  }
}

const ZONE = 'Asia/Ho_Chi_Minh';
const TODAY = businessDate(Date.now(), ZONE);
/** An hour after the start of the store's day: today, whatever time the test runs. */
const EARLY_TODAY = new Date(Date.parse(startOfBusinessDay(TODAY, ZONE)) + 3_600_000).toISOString();
const YESTERDAY = new Date(Date.parse(EARLY_TODAY) - 24 * 3_600_000).toISOString();
const TWO_DAYS_AGO = new Date(Date.parse(EARLY_TODAY) - 48 * 3_600_000).toISOString();

const settingsHistory = {
  historyOf: (storeId: string) =>
    Promise.resolve({
      storeId,
      hasCurrent: true,
      versions: [{ inForceFrom: '2020-01-01T00:00:00.000Z', settings: storeTax() }],
    }),
} as unknown as SettingsHistory;

const config = parseEInvoiceConfig({
  provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
  stores: {
    'hcm-q1': {
      // The first day of e-invoices: yesterday; sales of the day before get none.
      from: businessDate(YESTERDAY, ZONE),
      seller: {
        name: 'Công ty TNHH Omnitill Việt Nam',
        taxCode: '0312345678',
        address: '12 Lê Lợi, TP. Hồ Chí Minh',
      },
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: { 'reg-01': 1 },
    },
  },
});

const dirs: string[] = [];
const open: TestStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function freshStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-'));
  dirs.push(dir);
  const store = new TestStore(dir);
  open.push(store);
  await store.ensureDatabase('sales-hcm-q1');
  return store;
}

function sale(id: string, at: string, sequence: number | undefined, extra: Partial<SaleDoc> = {}) {
  const made = saleOf([line('ten', 'vat10', 55_000, 2), line('eight', 'vat8', 25_000)], at);
  const { receiptSeq: _seq, ...rest } = made;
  return {
    ...rest,
    id,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    ...(sequence === undefined ? {} : { receiptSeq: sequence }),
    ...extra,
  };
}

async function write(store: TestStore, sales: readonly SaleDoc[]): Promise<void> {
  await store.bulkDocs(
    'sales-hcm-q1',
    sales.map(({ id, ...body }) => ({ _id: id, ...body })),
    true,
  );
}

async function queueOn(store: TestStore, provider: EInvoiceProvider): Promise<EInvoiceQueue> {
  const queue = new EInvoiceQueue(store, settingsHistory, config, provider, () => undefined);
  await queue.init();
  return queue;
}

describe('the e-invoice queue on the embedded store', () => {
  it("queues completed sales from the first day on, sends yesterday's, keeps today's for the end of the day", async () => {
    const store = await freshStore();
    await write(store, [
      sale('sale_Y1', YESTERDAY, 1),
      sale('sale_T2', EARLY_TODAY, 2),
      sale('sale_V3', EARLY_TODAY, 3, {
        status: 'voided',
        void: { voidedAt: EARLY_TODAY, voidedBy: 'staff_an', reason: 'test' },
      }),
      sale('sale_N4', YESTERDAY, undefined),
      sale('sale_OLD5', TWO_DAYS_AGO, 5),
    ]);
    const provider = new RecordingProvider();
    const queue = await queueOn(store, provider);
    await queue.pass();

    const all = await queue.ledger.list('hcm-q1');
    expect(all.map((entry) => [entry.saleId, entry.status]).sort()).toEqual([
      ['sale_N4', 'blocked'],
      ['sale_T2', 'queued'],
      ['sale_Y1', 'accepted'],
    ]);
    expect(provider.sentIds()).toEqual([all.find((entry) => entry.saleId === 'sale_Y1')?.id]);
    const today = all.find((entry) => entry.saleId === 'sale_T2');
    expect(today?.dueAt).toBe(startOfBusinessDay(TODAY, ZONE, 1));
    expect(today?.code).toMatch(/^M1-\d{2}-AB12C-00100000002$/);
    expect(all.find((entry) => entry.saleId === 'sale_N4')?.reason).toMatch(/no receipt number/);
    expect(await queue.ledger.list('hcm-q1', TODAY)).toHaveLength(1);
  });

  it('a restart reads the feed from its checkpoint and sends nothing twice', async () => {
    const store = await freshStore();
    await write(store, [sale('sale_Y1', YESTERDAY, 1)]);
    const provider = new RecordingProvider();
    await (await queueOn(store, provider)).pass();
    await write(store, [sale('sale_Y2', YESTERDAY, 2)]);
    const restarted = await queueOn(store, provider);
    await restarted.pass();
    await restarted.pass();
    expect(provider.sentIds()).toHaveLength(2);
    expect(new Set(provider.sentIds()).size).toBe(2);
  });

  it('two queues on one database (two server processes) send each invoice exactly once', async () => {
    const store = await freshStore();
    await write(
      store,
      Array.from({ length: 12 }, (_, index) => sale(`sale_Y${index + 1}`, YESTERDAY, index + 1)),
    );
    const provider = new RecordingProvider();
    const [first, second] = [await queueOn(store, provider), await queueOn(store, provider)];
    await Promise.all([first.pass(), second.pass(), first.pass()]);
    await Promise.all([first.pass(), second.pass()]);
    const sent = provider.sentIds();
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
    const all = await first.ledger.list('hcm-q1');
    expect(all.every((entry) => entry.status === 'accepted' && entry.attempts === 1)).toBe(true);
  });
});
