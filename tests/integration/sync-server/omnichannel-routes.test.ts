/**
 * POST /api/v1/orders/{id}/ready and GET /api/v1/sales/{id}, GET /api/v1/returns?original=:
 * the routes the omnichannel counter adds, against the real server process (demo stores).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;
let q1: EnrolledDevice;
let hanoi: EnrolledDevice;
let orderId = '';
let orderNumber = '';
let customerId = '';

async function call(path: string, auth: string, method = 'GET') {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1');
  hanoi = await server.enrollDevice('hn-hk');
  const placed = await fetch(`${server.url}/api/v1/orders`, {
    method: 'POST',
    headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      externalId: 'READY-1',
      customer: { name: 'Khách A', phone: '0911111111' },
      pickupStoreId: 'hcm-q1',
      currency: 'VND',
      lines: [{ sku: 'SKU000001', name: 'Cà phê', quantity: 1, unitPrice: 25000, taxRateBp: 800 }],
    }),
  });
  const body = (await placed.json()) as {
    orderId: string;
    orderNumber: string;
    customerId: string;
  };
  orderId = body.orderId;
  customerId = body.customerId;
  orderNumber = body.orderNumber;
});

afterAll(async () => {
  await server?.stop();
});

describe('marking a web order ready for pickup', () => {
  it('is refused to another store’s register, saying which store collects it', async () => {
    const reply = await call(`/api/v1/orders/${orderId}/ready`, hanoi.auth, 'POST');
    expect(reply.status).toBe(403);
    expect(reply.body.reason).toContain('collected at hcm-q1');
  });

  it('is written by the server for the pickup store’s register, by number too, and replicates', async () => {
    const reply = await call(`/api/v1/orders/${orderNumber}/ready`, q1.auth, 'POST');
    expect(reply.status).toBe(200);
    expect(reply.body.order).toMatchObject({ id: orderId, status: 'ready-for-pickup' });
    const again = await call(`/api/v1/orders/${orderId}/ready`, q1.auth, 'POST');
    expect(again.status).toBe(200);
    expect((again.body.order as { readyAt: string }).readyAt).toBe(
      (reply.body.order as { readyAt: string }).readyAt,
    );
    const stored = await call(`/db/orders-hcm-q1/${orderId}`, q1.auth);
    expect(stored.body.status).toBe('ready-for-pickup');
    const view = await call(`/api/v1/orders/${orderId}`, q1.auth);
    expect(view.body.state).toBe('ready-for-pickup');
  });

  it('answers 404 for an unknown order and 401 without credentials', async () => {
    expect((await call('/api/v1/orders/ord_NOPE/ready', q1.auth, 'POST')).status).toBe(404);
    expect((await call(`/api/v1/orders/${orderId}/ready`, '', 'POST')).status).toBe(401);
  });
});

describe('sales and returns of any store', () => {
  it('answers 404 for a sale the server does not hold, saying what to check', async () => {
    const reply = await call('/api/v1/sales/sale_UNKNOWN', hanoi.auth);
    expect(reply.status).toBe(404);
    expect(reply.body.reason).toContain('check the receipt number');
  });

  it('lists every store’s returns against a document, and needs the original', async () => {
    // The server re-derives a return from its original: the order was paid and handed over at
    // Quận 1 (a pickup that collected 25.000 ₫ in cash), and that cash is what goes back.
    const now = new Date().toISOString();
    const pickedUp = await fetch(`${server.url}/db/pickups-hcm-q1/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: q1.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        docs: [
          {
            _id: 'pick_Q10001',
            orderId,
            storeId: 'hcm-q1',
            deviceId: q1.deviceId,
            staffId: 'staff_lan',
            lines: [{ lineId: '1', quantity: 1 }],
            amountCollected: 25000,
            createdAt: now,
          },
        ],
      }),
    });
    expect(((await pickedUp.json()) as { ok?: boolean }[])[0]?.ok).toBe(true);
    const ret = {
      _id: 'ret_HN0001',
      storeId: 'hn-hk',
      registerId: 'reg-01',
      deviceId: hanoi.deviceId,
      staffId: 'staff_tuan',
      original: { documentId: orderId, channel: 'web', storeId: 'hcm-q1' },
      customerId,
      currency: 'VND',
      lines: [
        {
          originalLineId: '1',
          productId: 'prod_SKU000001',
          sku: 'SKU000001',
          name: 'Cà phê',
          categoryId: 'web',
          quantity: 1,
          refund: 25000,
          tax: 1852,
          taxRateId: 'vat8',
          rateBp: 800,
          reason: 'x',
          restock: true,
        },
      ],
      totals: { refund: 25000, taxable: 23148, tax: 1852 },
      taxBreakdown: [],
      tenders: [{ kind: 'cash', originalTenderId: 'pick_Q10001', covers: 25000, amount: 25000 }],
      cashRoundingAdjustment: 0,
      loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
      status: 'completed',
      createdAt: now,
      completedAt: now,
    };
    const pushed = await fetch(`${server.url}/db/returns-hn-hk/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: hanoi.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [ret] }),
    });
    const [row] = (await pushed.json()) as { ok?: boolean; error?: string; reason?: string }[];
    expect(row?.error, row?.reason).toBeUndefined();
    const reply = await call(`/api/v1/returns?original=${orderId}`, q1.auth);
    expect(reply.status).toBe(200);
    expect(reply.body.returns).toEqual([
      expect.objectContaining({ id: 'ret_HN0001', storeId: 'hn-hk' }),
    ]);
    expect((await call('/api/v1/returns', q1.auth)).status).toBe(400);
  });
});
