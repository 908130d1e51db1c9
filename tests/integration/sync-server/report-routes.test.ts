/**
 * GET /api/v1/reports: the manager's all-stores reports, computed on the server by src/reports
 * over every store's sales, returns, orders and loyalty entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo';
import type { SaleDoc } from '../../../src/documents';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { coffeeSale } from './sale-fixtures';

let server: SyncServerProcess;
let q1: EnrolledDevice;
let hk: EnrolledDevice;

async function push(device: EnrolledDevice, doc: SaleDoc): Promise<void> {
  const { id, ...rest } = doc;
  const response = await fetch(`${server.url}/db/sales-${device.storeId}/${id}`, {
    method: 'PUT',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: id, ...rest }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
}

/** A UTC day a few days back: the server refuses sales outside its offline window. */
const DAY = Date.parse(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));
const dayAt = (days: number, hoursUtc: number) =>
  new Date(DAY + days * 86_400_000 + hoursUtc * 3_600_000).toISOString();
const PERIOD = `from=${dayAt(-1, 17)}&to=${dayAt(0, 17)}`;

beforeAll(async () => {
  // The demo's past orders are counted below.
  server = await startSyncServerProcess({ seedDemo: true, demoHistory: true });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
  await push(q1, coffeeSale('sale_01JQ1A', q1, 25_000, { at: dayAt(0, 2) }));
  await push(q1, coffeeSale('sale_01JQ1B', q1, 40_000, { at: dayAt(0, 9) }));
  await push(hk, coffeeSale('sale_01JHK1', hk, 30_000, { at: dayAt(0, 3) }));
  await push(hk, coffeeSale('sale_01JHK2', hk, 99_000, { at: dayAt(3, 3) }));
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/v1/reports', () => {
  it('adds up every store for a device, by channel and by hour on the store clock', async () => {
    const response = await fetch(`${server.url}/api/v1/reports?${PERIOD}`, {
      headers: { Authorization: q1.auth },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      sales: { count: number; total: number; byChannel: unknown[]; byHour: { amount: number }[] };
      returns: { count: number };
      customers: { customers: number };
    };
    expect(body.sales.count).toBe(3);
    expect(body.sales.total).toBe(95_000);
    expect(body.sales.byChannel).toEqual([{ key: 'store', count: 3, amount: 95_000 }]);
    expect(body.sales.byHour[9]?.amount).toBe(25_000);
    expect(body.sales.byHour[16]?.amount).toBe(40_000);
    expect(body.returns.count).toBe(0);
    // Customer measures span each customer's whole history: the demo's own customers with past
    // sales and collected orders (src/demo demo-history.ts); the pushed sales name none.
    const demo = generateDemoData({ now: new Date().toISOString() });
    expect(body.customers.customers).toBe(
      new Set([...demo.sales, ...demo.pastOrders].map((doc) => doc.customerId)).size,
    );
  });

  it('keeps to one store when asked', async () => {
    const response = await fetch(`${server.url}/api/v1/reports?${PERIOD}&storeId=hn-hk`, {
      headers: { Authorization: server.adminAuth },
    });
    const body = (await response.json()) as { sales: { total: number } };
    expect(body.sales.total).toBe(30_000);
  });

  it('refuses a missing period, an unknown time zone and callers without credentials', async () => {
    const bad = await fetch(`${server.url}/api/v1/reports?from=yesterday`, {
      headers: { Authorization: q1.auth },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('bad_request');
    const zone = await fetch(`${server.url}/api/v1/reports?${PERIOD}&tz=Mars/Olympus`, {
      headers: { Authorization: q1.auth },
    });
    expect(zone.status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/reports?${PERIOD}`)).status).toBe(401);
  });
});
