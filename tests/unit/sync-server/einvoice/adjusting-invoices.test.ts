/**
 * Returns on the queue, with the local provider as a real HTTP server behind the HTTP adapter: a
 * pushed return of an invoiced sale gets an adjusting invoice of its own number (the store's
 * adjustments number, gapless), sent after the sale's invoice in the same pass and accepted; a
 * return without receipt or of a sale before the first day gets none; a store without an
 * adjustments number blocks it, and a resend keeps its number. The local provider refuses an
 * adjustment of an invoice it does not hold and one that takes back more than is left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnDoc, SaleDoc } from '../../../../src/documents';
import {
  buildAdjustingInvoiceRecord,
  buildEInvoiceRecord,
  invoiceXml,
} from '../../../../src/einvoice';
import { businessDate, startOfBusinessDay } from '../../../../src/store-clock';
import type { SettingsHistory } from '../../../../sync-server/history/settings-history';
import { parseEInvoiceConfig } from '../../../../sync-server/einvoice/einvoice-config';
import { EInvoiceQueue } from '../../../../sync-server/einvoice/einvoice-queue';
import { HttpEInvoiceProvider } from '../../../../sync-server/einvoice/http-provider';
import { startLocalEInvoiceProvider } from '../../../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../../../sync-server/einvoice/local-provider';
import { PouchDocumentStore } from '../../../../sync-server/storage/pouch-document-store';
import { issueOf, line, returnOf, saleOf, storeTax } from '../../einvoice/einvoice-fixtures';

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
const TODAY = businessDate(Date.now(), ZONE);
const EARLY_TODAY = new Date(Date.parse(startOfBusinessDay(TODAY, ZONE)) + 3_600_000).toISOString();
const hoursBefore = (hours: number) =>
  new Date(Date.parse(EARLY_TODAY) - hours * 3_600_000).toISOString();
const YESTERDAY = hoursBefore(24);
const YESTERDAY_LATER = hoursBefore(20);
const TWO_DAYS_AGO = hoursBefore(48);

const settingsHistory = {
  historyOf: (storeId: string) =>
    Promise.resolve({
      storeId,
      hasCurrent: true,
      versions: [{ inForceFrom: '2020-01-01T00:00:00.000Z', settings: storeTax() }],
    }),
} as unknown as SettingsHistory;

function configOf(adjustmentsNumber: number | undefined) {
  return parseEInvoiceConfig({
    provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
    stores: {
      'hcm-q1': {
        from: businessDate(YESTERDAY, ZONE),
        seller: {
          name: 'Công ty TNHH Omnitill Việt Nam',
          taxCode: '0312345678',
          address: '12 Lê Lợi, TP. Hồ Chí Minh',
        },
        sellerBlock: 'AB12C',
        series: 'AA',
        registers: { 'reg-01': 1, 'reg-02': 2 },
        ...(adjustmentsNumber === undefined ? {} : { adjustmentsNumber }),
      },
    },
  });
}

let provider: LocalEInvoiceProvider;
let adapter: HttpEInvoiceProvider;
const dirs: string[] = [];
const open: TestStore[] = [];

beforeAll(async () => {
  provider = await startLocalEInvoiceProvider();
  adapter = new HttpEInvoiceProvider({ name: 'local', url: provider.invoicesUrl, template: '1' });
});

afterAll(async () => {
  await provider?.stop();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function freshStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-adjusting-'));
  dirs.push(dir);
  const store = new TestStore(dir);
  open.push(store);
  await store.ensureDatabase('sales-hcm-q1');
  await store.ensureDatabase('returns-hcm-q1');
  return store;
}

function sale(id: string, at: string, sequence: number): SaleDoc {
  const made = saleOf(
    [
      line('ten', 'vat10', 55_000, 2),
      line('eight', 'vat8', 25_000, 3),
      line('mango', 'vat8', 65_000, 1, { pricing: 'weight', grams: 750 }),
    ],
    at,
  );
  return { ...made, id, storeId: 'hcm-q1', registerId: 'reg-01', receiptSeq: sequence };
}

async function write(
  store: TestStore,
  db: 'sales' | 'returns',
  docs: readonly (SaleDoc | ReturnDoc)[],
): Promise<void> {
  await store.bulkDocs(
    `${db}-hcm-q1`,
    docs.map(({ id, ...body }) => ({ _id: id, ...body })),
    true,
  );
}

/** `null`: the store has no adjustments number. */
async function queueOn(store: TestStore, adjustmentsNumber: number | null = 900) {
  const queue = new EInvoiceQueue(
    store,
    settingsHistory,
    configOf(adjustmentsNumber ?? undefined),
    adapter,
    () => undefined,
  );
  await queue.init();
  return queue;
}

/** Sale A (two returns of it), sale B, a sale before the first day returned, a return without receipt. */
async function pushed(store: TestStore) {
  // Unique per test: the provider is shared and remembers every code it accepted.
  const saleA = sale('sale_A', YESTERDAY, 10 + provider.received().length * 10);
  const saleB = sale('sale_B', YESTERDAY, saleA.receiptSeq! + 1);
  const old = sale('sale_OLD', TWO_DAYS_AGO, saleA.receiptSeq! + 2);
  const returns = [
    returnOf(
      saleA,
      YESTERDAY_LATER,
      [
        ['ten', 1],
        ['mango', 300],
      ],
      { id: 'ret_A1' },
    ),
    returnOf(saleA, YESTERDAY_LATER, [['eight', 2]], { id: 'ret_A2' }),
    returnOf(old, YESTERDAY_LATER, [['ten', 1]], { id: 'ret_OLD' }),
  ];
  const { original: _original, ...withoutReceipt } = returnOf(saleB, YESTERDAY_LATER, [['ten', 1]]);
  await write(store, 'sales', [saleA, saleB, old]);
  await write(store, 'returns', [...returns, { ...withoutReceipt, id: 'ret_NORECEIPT' }]);
  return { saleA, returns };
}

describe('adjusting invoices on the queue', () => {
  it('a pushed return gets its adjusting invoice, sent after the sale invoice and accepted', async () => {
    const store = await freshStore();
    const { saleA, returns } = await pushed(store);
    const before = provider.received().length;
    const queue = await queueOn(store);
    await queue.pass();

    const all = await queue.ledger.list('hcm-q1');
    const rows = all
      .map((entry) => [entry.kind, entry.returnId ?? entry.saleId, entry.status])
      .sort();
    expect(rows).toEqual([
      ['adjusting', 'ret_A1', 'accepted'],
      ['adjusting', 'ret_A2', 'accepted'],
      ['sale', 'sale_A', 'accepted'],
      ['sale', 'sale_B', 'accepted'],
    ]);
    const saleEntry = all.find((entry) => entry.saleId === 'sale_A' && entry.kind === 'sale');
    const adjusting = all.filter((entry) => entry.kind === 'adjusting');
    for (const entry of adjusting) {
      expect(entry.saleId).toBe(saleA.id);
      expect(entry.originalCode).toBe(saleEntry?.code);
      expect(entry.code).toMatch(/^M1-\d{2}-AB12C-900\d{8}$/);
    }
    // Gapless: the store's adjustments number took 1 and 2.
    expect(adjusting.map((entry) => entry.code?.slice(-8)).sort()).toEqual([
      '00000001',
      '00000002',
    ]);
    const [first, second] = returns;
    expect(adjusting.find((entry) => entry.returnId === 'ret_A1')?.total).toBe(
      0 - (first?.totals.refund ?? 0),
    );
    expect(adjusting.find((entry) => entry.returnId === 'ret_A2')?.total).toBe(
      0 - (second?.totals.refund ?? 0),
    );
    // The sales went in a batch the provider answered before the adjustments came.
    const batches = provider.received().slice(before);
    expect(batches).toHaveLength(2);
    expect(batches[1]?.ids.sort()).toEqual(adjusting.map((entry) => entry.id).sort());
    expect(batches.flatMap((batch) => batch.results).every((r) => r.outcome === 'accepted')).toBe(
      true,
    );
  });

  it('without an adjustments number the adjusting invoice is blocked; a resend keeps its number', async () => {
    const store = await freshStore();
    const { saleA } = await pushed(store);
    const blocking = await queueOn(store, null);
    await blocking.pass();
    const blocked = (await blocking.ledger.list('hcm-q1')).filter(
      (entry) => entry.kind === 'adjusting',
    );
    expect(blocked.map((entry) => entry.status)).toEqual(['blocked', 'blocked']);
    expect(blocked[0]?.reason).toMatch(/adjustmentsNumber/);

    // The administrator sets the number; the manager resends (the route passes the sale).
    const fixed = await queueOn(store, 901);
    const first = blocked.find((entry) => entry.returnId === 'ret_A1');
    const resent = await fixed.resend(first?.id ?? '', saleA);
    expect(resent?.status).toBe('queued');
    expect(resent?.code).toMatch(/-90100000001$/);
    const again = await fixed.ledger.update(first?.id ?? '', (entry) => ({
      ...entry,
      status: 'refused',
    }));
    expect(again?.status).toBe('refused');
    expect((await fixed.resend(first?.id ?? '', saleA))?.code).toBe(resent?.code);
  });
});

describe('the local provider and adjusting invoices', () => {
  const sold = saleOf([line('ten', 'vat10', 55_000, 2), line('eight', 'vat8', 25_000, 3)]);
  const soldAt = sold.completedAt;
  const later = new Date(Date.parse(soldAt) + 3_600_000).toISOString();
  const original = (sequence: number) => issueOf(sold, { sequence, registerNumber: 3 });
  const adjustingXml = (originalSequence: number, sequence: number, ret: ReturnDoc) =>
    invoiceXml(
      buildAdjustingInvoiceRecord({
        ret,
        original: original(originalSequence),
        registerNumber: 899,
        sequence,
        issuedAt: later,
      }),
    );
  const send = async (id: string, xml: string) => {
    const code = /<MCCQT>([^<]+)<\/MCCQT>/.exec(xml)?.[1] ?? '';
    const [result] = await adapter.send([{ id, code, symbol: 'C26MAA', xml }]);
    return result;
  };

  it('refuses an adjustment of an invoice it has not accepted', async () => {
    const ret = returnOf(sold, later, [['ten', 1]]);
    const result = await send('adj-unknown', adjustingXml(501, 501, ret));
    expect(result?.outcome).toBe('refused');
    expect(result?.outcome === 'refused' && result.reason).toMatch(/has not accepted/);
  });

  it('takes adjustments up to what the invoice has left, then refuses', async () => {
    const invoice = invoiceXml(buildEInvoiceRecord(original(502)));
    expect((await send('orig-502', invoice))?.outcome).toBe('accepted');
    const all = returnOf(sold, later, [
      ['ten', 2],
      ['eight', 3],
    ]);
    expect((await send('adj-all', adjustingXml(502, 502, all)))?.outcome).toBe('accepted');
    const again = await send(
      'adj-more',
      adjustingXml(502, 503, returnOf(sold, later, [['ten', 1]])),
    );
    expect(again?.outcome).toBe('refused');
    expect(again?.outcome === 'refused' && again.reason).toMatch(/left there/);
  });

  it('refuses negative amounts on an invoice that adjusts nothing', async () => {
    const xml = adjustingXml(504, 504, returnOf(sold, later, [['ten', 1]])).replace(
      /<TTHDLQuan>.*<\/TTHDLQuan>/,
      '',
    );
    const result = await send('neg', xml);
    expect(result?.outcome === 'refused' && result.reason).toMatch(/not negative/);
  });
});
