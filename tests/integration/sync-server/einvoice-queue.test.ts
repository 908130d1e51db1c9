/**
 * The e-invoice queue against a real sync-server process (on-disk storage) and the local
 * provider as a real HTTP server: pushed sales become invoices, the batch goes when due (the
 * configuration here sends at the start of the day, so at once), a provider that fails the
 * first batch gets it again and accepts each invoice exactly once, and the statuses are read
 * back through the manager's route. A sale whose register has no invoice number is blocked
 * with the reason, and stays so when resent; an accepted invoice is never resent. A restart on
 * the same data sends nothing again and goes on with the next sale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EInvoiceView } from '../../../src/api';
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { businessDate } from '../../../src/store-clock';
import { startLocalEInvoiceProvider } from '../../../sync-server/einvoice/local-provider';
import type { LocalEInvoiceProvider } from '../../../sync-server/einvoice/local-provider';
import {
  couchdbPrefixOf,
  dropCouchDatabases,
  startSyncServerProcess,
  TEST_COUCHDB_URL,
} from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { cashierOf, putDoc } from './sale-fixtures';

let server: SyncServerProcess;
let provider: LocalEInvoiceProvider;
let q1: EnrolledDevice;
let hk: EnrolledDevice;
let configDir: string;
let configFile: string;
/** The data dir the restarted server runs on (the helper leaves a passed-in dir in place). */
let restartedDataDir: string | undefined;

const SOLD_AT = new Date(Date.now() - 3_600_000).toISOString();
const DAY = businessDate(SOLD_AT, 'Asia/Ho_Chi_Minh');

/** A coffee at the demo price, numbered `sequence` on `registerId`, as a register pushes it. */
function numberedSale(id: string, device: EnrolledDevice, registerId: string, sequence: number) {
  const result = completeSale({
    saleId: id,
    createdAt: SOLD_AT,
    completedAt: SOLD_AT,
    storeId: device.storeId,
    registerId,
    deviceId: device.deviceId,
    staffId: cashierOf(device.storeId),
    settings: demoStoreSettings(device.storeId, 'S', 'A', '2026-01-01T00:00:00.000Z'),
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
          quantity: sequence,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [
      { kind: 'card', tenderId: 't1', amount: minor(25_000 * sequence), approvalCode: 'OK' },
    ],
    receiptSequence: sequence,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function push(sale: SaleDoc, device: EnrolledDevice): Promise<void> {
  const pushed = await putDoc(server, device.auth, `sales-${device.storeId}`, sale);
  expect(pushed, JSON.stringify(pushed.body)).toMatchObject({ status: 201 });
}

async function list(auth: string, store = 'hcm-q1') {
  const response = await fetch(`${server.url}/api/v1/einvoices?store=${store}&date=${DAY}`, {
    headers: { Authorization: auth },
  });
  return { status: response.status, body: (await response.json()) as { invoices: EInvoiceView[] } };
}

async function resend(auth: string, id: string, body: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/api/v1/einvoices/${id}/resend`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const bySale = (invoices: EInvoiceView[], saleId: string) =>
  invoices.find((invoice) => invoice.saleId === saleId);

beforeAll(async () => {
  provider = await startLocalEInvoiceProvider({ token: 'local-token', failNext: 1 });
  configDir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-'));
  configFile = join(configDir, 'einvoice.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      provider: {
        name: 'local',
        url: provider.invoicesUrl,
        credentials: { token: 'local-token' },
        template: '1',
      },
      sendAt: '00:00',
      pollMs: 300,
      retry: { baseMs: 300, maxMs: 600, maxAttempts: 5 },
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
  for (const sequence of [1, 2, 3]) {
    await push(numberedSale(`sale_INV${sequence}`, q1, 'reg-01', sequence), q1);
  }
  await push(numberedSale('sale_INVR2', q1, 'reg-02', 1), q1);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (restartedDataDir) {
    rmSync(restartedDataDir, { recursive: true, force: true });
    if (TEST_COUCHDB_URL) {
      await dropCouchDatabases(TEST_COUCHDB_URL, couchdbPrefixOf(restartedDataDir));
    }
  }
  await provider?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

describe('the e-invoice queue', () => {
  it('sends the pushed sales, retries the batch the provider failed, and accepts each once', async () => {
    await expect
      .poll(
        async () =>
          (await list(server.adminAuth)).body.invoices
            .filter((invoice) => invoice.registerId === 'reg-01')
            .map((invoice) => invoice.status),
        { timeout: 30_000, interval: 300 },
      )
      .toEqual(['accepted', 'accepted', 'accepted']);
    const { invoices } = (await list(server.adminAuth)).body;
    const accepted = invoices.filter((invoice) => invoice.status === 'accepted');
    expect(accepted.map((invoice) => invoice.code).sort()).toEqual([
      `M1-${DAY.slice(2, 4)}-AB12C-00100000001`,
      `M1-${DAY.slice(2, 4)}-AB12C-00100000002`,
      `M1-${DAY.slice(2, 4)}-AB12C-00100000003`,
    ]);
    expect(bySale(invoices, 'sale_INV2')).toMatchObject({ total: 50_000, businessDate: DAY });
    // The first batch met the provider down: what it held was sent again (2 attempts).
    expect(Math.max(...accepted.map((invoice) => invoice.attempts))).toBe(2);
    const verdicts = provider.received().flatMap((batch) => batch.results);
    for (const invoice of accepted) {
      const forIt = verdicts.filter((result) => result.id === invoice.id);
      expect(forIt).toEqual([
        { id: invoice.id, outcome: 'accepted', providerId: invoice.providerId },
      ]);
    }
    expect(new Set(accepted.map((invoice) => invoice.providerId)).size).toBe(3);
    expect(JSON.stringify(invoices)).not.toContain('<HDon>');
  });

  it('blocks the invoice of a register without an invoice number, saying what to configure', async () => {
    // Its sale was pushed last: on a cluster its pass may come after the first test's.
    await expect
      .poll(async () => bySale((await list(q1.auth)).body.invoices, 'sale_INVR2')?.status, {
        timeout: 30_000,
        interval: 300,
      })
      .toBe('blocked');
    const { invoices } = (await list(q1.auth)).body;
    const blocked = bySale(invoices, 'sale_INVR2');
    expect(blocked?.reason).toMatch(/reg-02 has no e-invoice register number/);
    expect(blocked?.code).toBeUndefined();
  });

  it('never resends an accepted invoice; a blocked one is rebuilt and stays blocked', async () => {
    const { invoices } = (await list(server.adminAuth)).body;
    const accepted = bySale(invoices, 'sale_INV1');
    const refused = await resend(server.adminAuth, accepted?.id ?? '');
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toMatch(/never sent again/);
    const blocked = bySale(invoices, 'sale_INVR2');
    const again = await resend(q1.auth, blocked?.id ?? '', { staffId: 'staff_ha', pin: '9999' });
    expect(again.status).toBe(200);
    expect(again.body.invoice).toMatchObject({ status: 'blocked', attempts: 0 });
  });

  it("a register reads its own store's invoices only, and resends with a manager's PIN only", async () => {
    expect((await list(hk.auth)).status).toBe(403);
    expect((await list(hk.auth, 'hn-hk')).body.invoices).toEqual([]);
    const { invoices } = (await list(q1.auth)).body;
    const blocked = bySale(invoices, 'sale_INVR2');
    expect((await resend(q1.auth, blocked?.id ?? '')).status).toBe(400);
    expect(
      (await resend(q1.auth, blocked?.id ?? '', { staffId: 'staff_lan', pin: '1111' })).status,
    ).toBe(403);
    expect(
      (await resend(hk.auth, blocked?.id ?? '', { staffId: 'staff_ha', pin: '9999' })).status,
    ).toBe(404);
  });

  it('after a restart on the same data, sends nothing twice and invoices the next sale', async () => {
    const acceptedBefore = provider
      .received()
      .flatMap((batch) => batch.results)
      .filter((result) => result.outcome === 'accepted').length;
    await server.stop({ keepData: true });
    restartedDataDir = server.dataDir;
    server = await startSyncServerProcess({
      dataDir: restartedDataDir,
      env: { OMNITILL_EINVOICE_CONFIG: configFile },
    });
    await push(numberedSale('sale_INV4', q1, 'reg-01', 4), q1);
    await expect
      .poll(async () => bySale((await list(server.adminAuth)).body.invoices, 'sale_INV4')?.status, {
        timeout: 30_000,
        interval: 300,
      })
      .toBe('accepted');
    const verdicts = provider.received().flatMap((batch) => batch.results);
    expect(verdicts.filter((result) => result.outcome === 'accepted')).toHaveLength(
      acceptedBefore + 1,
    );
  }, 90_000);
});
