/**
 * The server taxes a pushed sale with the store's VAT schedule at the sale's completion, as the
 * register does (docs/TAX.md). The real change (8 % → 10 % on 1 January 2027) is weeks away and
 * the server refuses sales older than its offline window, so the store's 8 % category is given a
 * change at 00:00 today in the store's zone: "before midnight" is yesterday 23:59:59 there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { businessDate, startOfBusinessDay } from '../../../src/store-clock';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { cashierOf, putDoc } from './sale-fixtures';

const ZONE = 'Asia/Ho_Chi_Minh';

let server: SyncServerProcess;
let register: EnrolledDevice;
/** The store's settings with the 8 % category at 10 % from today, as the server holds them. */
let scheduled: StoreSettingsDoc;
/** The same, as a register that never pulled the change holds them: 8 % for ever. */
let outdated: StoreSettingsDoc;
let midnight = '';

async function settingsDoc(): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
    headers: { Authorization: server.adminAuth },
  });
  return (await response.json()) as Record<string, unknown>;
}

const asSettings = ({ _id, _rev, ...rest }: Record<string, unknown>): StoreSettingsDoc =>
  ({ ...rest, id: String(_id) }) as StoreSettingsDoc;

/** Two packs of the demo's biscuits (SKU001303, 40.000 ₫, the 8 % category), paid in cash. */
function biscuits(
  id: string,
  settings: StoreSettingsDoc,
  createdAt: string,
  completedAt: string,
): SaleDoc {
  const result = completeSale({
    saleId: id,
    createdAt,
    completedAt,
    storeId: register.storeId,
    registerId: 'reg-01',
    deviceId: register.deviceId,
    staffId: cashierOf(register.storeId),
    settings,
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU001303',
          sku: 'SKU001303',
          name: 'Bánh quy',
          categoryId: 'snacks',
          pricing: 'unit',
          unitPrice: minor(40_000),
          quantity: 2,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(100_000) }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const push = (sale: SaleDoc) => putDoc(server, register.auth, 'sales-hcm-q1', sale);

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  const today = businessDate(new Date(), ZONE);
  midnight = startOfBusinessDay(today, ZONE);
  const doc = await settingsDoc();
  const seeded = asSettings(doc);
  const rates = seeded.tax.rates.map((rate) =>
    rate.id === 'vat8' ? { ...rate, changes: [{ from: today, rateBp: 1000 }] } : rate,
  );
  const put = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
    method: 'PUT',
    headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...doc, tax: { ...seeded.tax, rates } }),
  });
  if (put.status !== 201) throw new Error(`settings change: ${await put.text()}`);
  scheduled = asSettings(await settingsDoc());
  outdated = {
    ...scheduled,
    tax: { ...scheduled.tax, rates: rates.map(({ changes: _changes, ...rate }) => rate) },
  };
  // Sales "after the change" complete after the server holds the schedule, as in real life.
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('VAT rates that change at midnight, checked by the server', () => {
  it('completed at 23:59:59 yesterday and pushed now: accepted at 8 %', async () => {
    const lastSecond = new Date(Date.parse(midnight) - 1_000).toISOString();
    const sale = biscuits('sale_01VAT00001', scheduled, lastSecond, lastSecond);
    expect(sale.priced.lines[0]?.rateBp).toBe(800);
    const pushed = await push(sale);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
  });

  it('completed after the change at 8 % (a register without the schedule): refused, saying why', async () => {
    const now = new Date().toISOString();
    const sale = biscuits('sale_01VAT00002', outdated, now, now);
    expect(sale.priced.lines[0]?.rateBp).toBe(800);
    const pushed = await push(sale);
    expect(pushed.status).toBe(403);
    expect(String(pushed.body.reason)).toMatch(
      /Line l1 is taxed at 8% but tax category "vat8" is 10% when the sale completed .* in Asia\/Ho_Chi_Minh\)\. The register's tax rates are out of date/,
    );
  });

  it('started before midnight and completed after (offline across midnight): accepted at 10 %', async () => {
    const started = new Date(Date.parse(midnight) - 120_000).toISOString();
    const sale = biscuits('sale_01VAT00003', scheduled, started, new Date().toISOString());
    // 72.000 ₫ after the demo's 10 % snack promotion, 10 % VAT inside it.
    expect(sale.priced.lines[0]).toMatchObject({ rateBp: 1000, total: 72_000, tax: 6_545 });
    const pushed = await push(sale);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
  });
});
