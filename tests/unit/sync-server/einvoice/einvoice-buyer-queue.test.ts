/**
 * Buyer data on the queue's own database (the embedded store): kept with the invoice across a
 * restart, written into `NMua` by the manager's resend of a refused invoice, and sending a queued
 * invoice of today at once with it instead of at the end of the day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../../src/documents';
import { businessDate, startOfBusinessDay } from '../../../../src/store-clock';
import type { SettingsHistory } from '../../../../sync-server/history/settings-history';
import { addInvoiceBuyer } from '../../../../sync-server/einvoice/einvoice-buyer';
import { parseEInvoiceConfig } from '../../../../sync-server/einvoice/einvoice-config';
import { EInvoiceQueue } from '../../../../sync-server/einvoice/einvoice-queue';
import type {
  EInvoiceProvider,
  InvoiceResult,
  OutgoingInvoice,
} from '../../../../sync-server/einvoice/einvoice-provider';
import { PouchDocumentStore } from '../../../../sync-server/storage/pouch-document-store';
import { line, saleOf, storeTax } from '../../einvoice/einvoice-fixtures';

const ZONE = 'Asia/Ho_Chi_Minh';
const TODAY = businessDate(Date.now(), ZONE);
const EARLY_TODAY = new Date(Date.parse(startOfBusinessDay(TODAY, ZONE)) + 60_000).toISOString();
const YESTERDAY = new Date(Date.parse(EARLY_TODAY) - 24 * 3_600_000).toISOString();
const BUYER = { name: 'Công ty TNHH Hoa Sen', taxCode: '0301234567', phone: '+84901234567' };
const NMUA =
  '<NMua><Ten>Công ty TNHH Hoa Sen</Ten><MST>0301234567</MST><SDThoai>+84901234567</SDThoai></NMua>';

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

/** Refuses the first `refusals` invoices, accepts the rest; keeps what it got. */
class ScriptedProvider implements EInvoiceProvider {
  readonly name = 'scripted';
  readonly got: OutgoingInvoice[] = [];
  constructor(private refusals: number) {}

  send(batch: readonly OutgoingInvoice[]): Promise<InvoiceResult[]> {
    this.got.push(...batch);
    return Promise.resolve(
      batch.map((invoice): InvoiceResult => {
        if (this.refusals > 0) {
          this.refusals -= 1;
          return { id: invoice.id, outcome: 'refused', reason: 'the buyer asked for an invoice' };
        }
        return { id: invoice.id, outcome: 'accepted', providerId: `P-${invoice.code}` };
      }),
    );
  }
}

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
      from: businessDate(YESTERDAY, ZONE),
      seller: { name: 'Công ty TNHH Omnitill', taxCode: '0312345678', address: '12 Lê Lợi' },
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: { 'reg-01': 1 },
    },
  },
});

const dirs: string[] = [];
const stores: TestStore[] = [];
const queues: EInvoiceQueue[] = [];

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function freshStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-buyer-'));
  dirs.push(dir);
  const store = new TestStore(dir);
  stores.push(store);
  await store.ensureDatabase('sales-hcm-q1');
  return store;
}

function sale(id: string, at: string, sequence: number): SaleDoc {
  const made = saleOf([line('ten', 'vat10', 55_000)], at);
  return { ...made, id, storeId: 'hcm-q1', registerId: 'reg-01', receiptSeq: sequence };
}

async function queueWith(
  store: TestStore,
  provider: EInvoiceProvider,
  sales: SaleDoc[],
): Promise<EInvoiceQueue> {
  await store.bulkDocs(
    'sales-hcm-q1',
    sales.map(({ id, ...body }) => ({ _id: id, ...body })),
    true,
  );
  const queue = new EInvoiceQueue(store, settingsHistory, config, provider, () => undefined);
  await queue.init();
  queues.push(queue);
  return queue;
}

describe('buyer data on the queue', () => {
  it('is kept across a restart and written into NMua by the resend of a refused invoice', async () => {
    const store = await freshStore();
    const provider = new ScriptedProvider(1);
    const sold = sale('sale_Y1', YESTERDAY, 1);
    const queue = await queueWith(store, provider, [sold]);
    await queue.pass();
    const [refused] = await queue.ledger.list('hcm-q1');
    expect(refused).toMatchObject({ status: 'refused' });
    const id = refused?.id ?? '';

    const kept = await addInvoiceBuyer(queue, id, BUYER, sold);
    expect(kept).toMatchObject({ status: 'refused', buyer: BUYER });
    expect(kept?.xml).not.toContain('<NMua>');

    // A restart of the server: the buyer is on the invoice's entry, not in memory.
    const restarted = new EInvoiceQueue(store, settingsHistory, config, provider, () => undefined);
    await restarted.init();
    queues.push(restarted);
    expect((await restarted.ledger.get(id))?.buyer).toEqual(BUYER);
    const resent = await restarted.resend(id, sold);
    expect(resent).toMatchObject({ status: 'queued', buyer: BUYER });
    expect(resent?.xml).toContain(NMUA);
    await restarted.stop();
    await restarted.pass();
    expect(await restarted.ledger.get(id)).toMatchObject({ status: 'accepted' });
    expect(provider.got.at(-1)?.xml).toContain(NMUA);
    expect(provider.got[0]?.xml).not.toContain('<NMua>');
  });

  it("sends today's queued invoice at once with the buyer, not at the end of the day", async () => {
    const store = await freshStore();
    const provider = new ScriptedProvider(0);
    const sold = sale('sale_T1', EARLY_TODAY, 1);
    const queue = await queueWith(store, provider, [sold]);
    await queue.pass();
    const [queued] = await queue.ledger.list('hcm-q1');
    expect(queued).toMatchObject({ status: 'queued', dueAt: startOfBusinessDay(TODAY, ZONE, 1) });
    expect(provider.got).toEqual([]);

    const added = await addInvoiceBuyer(queue, queued?.id ?? '', BUYER, sold);
    expect(added?.xml).toContain(NMUA);
    expect(Date.parse(added?.dueAt ?? '')).toBeLessThanOrEqual(Date.now());
    // Its pass was kicked; wait for it, then nothing is left to send.
    await queue.stop();
    await queue.pass();
    expect(await queue.ledger.get(queued?.id ?? '')).toMatchObject({
      status: 'accepted',
      buyer: BUYER,
    });
    expect(provider.got.map((invoice) => invoice.xml)).toEqual([added?.xml]);
  });
});
