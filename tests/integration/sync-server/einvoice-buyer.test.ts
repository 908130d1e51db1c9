/**
 * POST /api/v1/einvoices/:id/buyer against a real sync-server process and the local provider:
 * invoices wait for the end of the day (`sendAt` 24:00) until a manager adds the buyer's data,
 * then go at once with it in `NMua`; the attacks are refused: another store's register, no PIN,
 * a wrong PIN, a cashier's PIN, oversize or malformed fields, and an invoice already accepted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../../src/api';
import { demoStoreSettings } from '../../../src/demo';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { businessDate } from '../../../src/store-clock';
import { startLocalEInvoiceProvider } from '../../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../../sync-server/einvoice/local-provider';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { cashierOf, putDoc } from './sale-fixtures';

let server: SyncServerProcess;
let provider: LocalEInvoiceProvider;
let q1: EnrolledDevice;
let hk: EnrolledDevice;
let configDir: string;

const SOLD_AT = new Date(Date.now() - 60_000).toISOString();
const DAY = businessDate(SOLD_AT, 'Asia/Ho_Chi_Minh');
const MANAGER = { staffId: 'staff_ha', pin: '9999' };
const BUYER = {
  name: 'Công ty TNHH Hoa Sen & Cộng sự',
  taxCode: '0301234567',
  address: '5 Nguyễn Huệ, TP. Hồ Chí Minh',
  idNumber: '',
  phone: '0901 234 567',
};

function numberedSale(id: string, sequence: number) {
  const result = completeSale({
    saleId: id,
    createdAt: SOLD_AT,
    completedAt: SOLD_AT,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: q1.deviceId,
    staffId: cashierOf('hcm-q1'),
    settings: demoStoreSettings('hcm-q1', 'S', 'A', '2026-01-01T00:00:00.000Z'),
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU000001',
          sku: 'SKU000001',
          name: 'Cà phê',
          categoryId: 'drinks',
          pricing: 'unit',
          unitPrice: minor(25_000),
          quantity: 1,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [{ kind: 'card', tenderId: 't1', amount: minor(25_000), approvalCode: 'OK' }],
    receiptSequence: sequence,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function invoices(): Promise<EInvoiceView[]> {
  const response = await fetch(`${server.url}/api/v1/einvoices?store=hcm-q1&date=${DAY}`, {
    headers: { Authorization: server.adminAuth },
  });
  return ((await response.json()) as { invoices: EInvoiceView[] }).invoices;
}

async function listedFor(auth: string): Promise<EInvoiceView[]> {
  const response = await fetch(`${server.url}/api/v1/einvoices?store=hcm-q1&date=${DAY}`, {
    headers: { Authorization: auth },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { invoices: EInvoiceView[] }).invoices;
}

async function invoiceOf(saleId: string): Promise<EInvoiceView> {
  let found: EInvoiceView | undefined;
  await expect
    .poll(
      async () => {
        found = (await invoices()).find((invoice) => invoice.saleId === saleId);
        return found?.status;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBeDefined();
  if (!found) throw new Error(`no invoice for ${saleId}`);
  return found;
}

async function addBuyer(auth: string, id: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/v1/einvoices/${id}/buyer`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  provider = await startLocalEInvoiceProvider();
  configDir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-buyer-'));
  const configFile = join(configDir, 'einvoice.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      provider: { name: 'local', url: provider.invoicesUrl },
      sendAt: '24:00',
      pollMs: 300,
      stores: {
        'hcm-q1': {
          from: DAY,
          seller: {
            name: 'Công ty TNHH Omnitill Việt Nam',
            taxCode: '0312345678',
            address: '12 Lê Lợi, Phường Sài Gòn, TP. Hồ Chí Minh',
          },
          sellerBlock: 'AB12C',
          series: 'AA',
          registers: { 'reg-01': 1 },
        },
      },
    }),
  );
  server = await startSyncServerProcess({
    seedDemo: true,
    env: { OMNITILL_EINVOICE_CONFIG: configFile },
  });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
  for (const sequence of [1, 2]) {
    const pushed = await putDoc(
      server,
      q1.auth,
      'sales-hcm-q1',
      numberedSale(`sale_BUY${sequence}`, sequence),
    );
    expect(pushed, JSON.stringify(pushed.body)).toMatchObject({ status: 201 });
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

describe("the buyer's data after the sale", () => {
  it('refuses another store, no PIN, a wrong PIN, a cashier and bad fields, changing nothing', async () => {
    const queued = await invoiceOf('sale_BUY1');
    expect(queued.status).toBe('queued');
    const body = { buyer: BUYER, ...MANAGER };
    // Another store's register does not even learn the invoice exists.
    expect((await addBuyer(hk.auth, queued.id, body)).status).toBe(404);
    const noPin = await addBuyer(q1.auth, queued.id, { buyer: BUYER, staffId: 'staff_ha' });
    expect(noPin).toMatchObject({ status: 400, body: { field: 'pin' } });
    const wrong = await addBuyer(q1.auth, queued.id, { ...body, pin: '1234' });
    expect(wrong.status).toBe(403);
    const cashier = await addBuyer(q1.auth, queued.id, {
      buyer: BUYER,
      staffId: 'staff_lan',
      pin: '1111',
    });
    expect(cashier.status).toBe(403);
    expect(cashier.body.reason).toMatch(/may not add a buyer's data/);
    const oversize = await addBuyer(q1.auth, queued.id, {
      ...body,
      buyer: { ...BUYER, name: 'x'.repeat(201) },
    });
    expect(oversize).toMatchObject({ status: 400, body: { field: 'buyer.name' } });
    const badTaxCode = await addBuyer(q1.auth, queued.id, {
      ...body,
      buyer: { ...BUYER, taxCode: '03012' },
    });
    expect(badTaxCode).toMatchObject({
      status: 400,
      body: { field: 'buyer.taxCode', problem: 'tax-code' },
    });
    const notText = await addBuyer(q1.auth, queued.id, { ...body, buyer: { phone: 901234567 } });
    expect(notText).toMatchObject({ status: 400, body: { field: 'buyer.phone' } });
    const unknown = await addBuyer(q1.auth, 'inv_hcm-q1_2000-01-01_sale_none', body);
    expect(unknown.status).toBe(404);
    const after = await invoiceOf('sale_BUY1');
    expect(after).toMatchObject({ status: 'queued', updatedAt: queued.updatedAt });
    expect(after.buyer).toBeUndefined();
  });

  it("sends the invoice at once with the buyer's data in NMua, then refuses a change", async () => {
    const queued = await invoiceOf('sale_BUY1');
    const added = await addBuyer(q1.auth, queued.id, { buyer: BUYER, ...MANAGER });
    expect(added.status).toBe(200);
    expect(added.body.invoice).toMatchObject({
      status: 'queued',
      buyer: {
        name: BUYER.name,
        taxCode: BUYER.taxCode,
        address: BUYER.address,
        // The register is shown the phone hidden; the XML below carries it whole.
        phone: '*********567',
      },
    });
    await expect
      .poll(async () => (await invoiceOf('sale_BUY1')).status, { timeout: 30_000, interval: 300 })
      .toBe('accepted');
    const xml = provider.acceptedXml(queued.code ?? '') ?? '';
    expect(xml).toContain(
      '<NMua><Ten>Công ty TNHH Hoa Sen &amp; Cộng sự</Ten><MST>0301234567</MST>' +
        '<DChi>5 Nguyễn Huệ, TP. Hồ Chí Minh</DChi><SDThoai>+84901234567</SDThoai></NMua>',
    );
    // The other sale's invoice still waits for the end of the day, without a buyer.
    expect(await invoiceOf('sale_BUY2')).toMatchObject({ status: 'queued' });

    const again = await addBuyer(server.adminAuth, queued.id, { buyer: { name: 'Khác' } });
    expect(again).toMatchObject({ status: 409, body: { problem: 'accepted' } });
    expect(again.body.reason).toMatch(/04\/SS-HĐĐT/);
  });

  it("shows a register the buyer's phone and ID number hidden, the head office whole", async () => {
    const of = (list: EInvoiceView[]) => list.find((invoice) => invoice.saleId === 'sale_BUY1');
    await expect.poll(async () => of(await listedFor(q1.auth))?.buyer).toBeDefined();
    expect(of(await listedFor(q1.auth))?.buyer).toEqual({
      name: BUYER.name,
      taxCode: BUYER.taxCode,
      address: BUYER.address,
      phone: '*********567',
    });
    expect(of(await listedFor(server.adminAuth))?.buyer?.phone).toBe('+84901234567');
  });

  it('refuses a hidden value with nothing on file behind it, changing nothing', async () => {
    const queued = await invoiceOf('sale_BUY2');
    const forged = await addBuyer(q1.auth, queued.id, {
      buyer: { name: 'Trần Thị Bình', phone: '*********567' },
      ...MANAGER,
    });
    expect(forged).toMatchObject({
      status: 400,
      body: { field: 'buyer.phone', problem: 'masked' },
    });
    expect((await invoiceOf('sale_BUY2')).buyer).toBeUndefined();
  });
});
