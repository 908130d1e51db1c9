/**
 * GET /api/v1/reports: the manager's all-stores reports, computed on the server by src/reports
 * over every store's sales, returns, orders and loyalty entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;
let q1: EnrolledDevice;
let hk: EnrolledDevice;

function sale(id: string, device: EnrolledDevice, at: string, price: number): SaleDoc {
  const result = completeSale({
    saleId: id,
    createdAt: at,
    completedAt: at,
    storeId: device.storeId,
    registerId: 'reg-01',
    deviceId: device.deviceId,
    staffId: 'staff_lan',
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
          unitPrice: minor(price),
          quantity: 1,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [{ kind: 'card', tenderId: 't1', amount: minor(price), approvalCode: 'OK' }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function push(device: EnrolledDevice, doc: SaleDoc): Promise<void> {
  const { id, ...rest } = doc;
  const response = await fetch(`${server.url}/db/sales-${device.storeId}/${id}`, {
    method: 'PUT',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: id, ...rest }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
}

const PERIOD = 'from=2026-03-01T17:00:00.000Z&to=2026-03-02T17:00:00.000Z';

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
  await push(q1, sale('sale_01JQ1A', q1, '2026-03-02T02:00:00.000Z', 25_000));
  await push(q1, sale('sale_01JQ1B', q1, '2026-03-02T09:00:00.000Z', 40_000));
  await push(hk, sale('sale_01JHK1', hk, '2026-03-02T03:00:00.000Z', 30_000));
  await push(hk, sale('sale_01JHK2', hk, '2026-03-05T03:00:00.000Z', 99_000));
});

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
    expect(body.customers.customers).toBe(0);
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
