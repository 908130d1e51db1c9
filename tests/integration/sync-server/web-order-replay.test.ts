/**
 * POST /api/v1/orders replayed after the order moved on, and GET /api/v1/orders/{id} showing how
 * each pickup was paid. A replay answers with the order as it is now and never moves it back
 * (ready stays ready); the same externalId with a different body is a 409 that names the order;
 * an order deleted on the server is not brought back. Against the real server process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { putDoc, snackSale } from './sale-fixtures';

let server: SyncServerProcess;
let q1: EnrolledDevice;

const order = (externalId: string, quantity = 3) => ({
  externalId,
  channel: 'web',
  customer: { name: 'Trần Thị B', phone: '0912000111' },
  pickupStoreId: 'hcm-q1',
  currency: 'VND',
  lines: [{ sku: 'SKU000001', name: 'Cà phê', quantity, unitPrice: 25000, taxRateBp: 800 }],
  placedAt: '2026-11-23T10:00:00.000Z',
});

async function call(path: string, auth: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const place = (body: unknown) => call('/api/v1/orders', server.adminAuth, 'POST', body);

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1');
});

afterAll(async () => {
  await server?.stop();
});

describe('replaying a web order that a store has moved on', () => {
  let orderId = '';
  let orderNumber = '';

  beforeAll(async () => {
    const placed = await place(order('REPLAY-1'));
    expect(placed.status).toBe(201);
    orderId = String(placed.body.orderId);
    orderNumber = String(placed.body.orderNumber);
    const ready = await call(`/api/v1/orders/${orderId}/ready`, q1.auth, 'POST', {});
    expect(ready.status).toBe(200);
  });

  it('answers 200 with the order as it is now: still ready for pickup', async () => {
    const replay = await place(order('REPLAY-1'));
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ orderId, replayed: true, status: 'ready-for-pickup' });
    const stored = await call(`/db/orders-hcm-q1/${orderId}`, server.adminAuth);
    expect(stored.body).toMatchObject({ status: 'ready-for-pickup' });
    expect(stored.body._rev).toMatch(/^2-/);
  });

  it('the same body with its keys in another order is the same request', async () => {
    const { lines, ...rest } = order('REPLAY-1');
    const reordered = `{"lines":${JSON.stringify(lines)},${JSON.stringify(rest).slice(1)}`;
    const replay = await place(reordered);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ orderId, replayed: true });
  });

  it('a different body under the same externalId is a 409 naming the order', async () => {
    const other = await place(order('REPLAY-1', 5));
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      error: 'idempotency_conflict',
      externalId: 'REPLAY-1',
      orderId,
      orderNumber,
    });
    expect(String(other.body.reason)).toMatch(/use a new externalId/);
    const stored = await call(`/db/orders-hcm-q1/${orderId}`, server.adminAuth);
    expect(stored.body).toMatchObject({ status: 'ready-for-pickup' });
  });

  it('an order deleted on the server is not brought back: 410, use a new externalId', async () => {
    const placed = await place(order('REPLAY-2'));
    const id = String(placed.body.orderId);
    const stored = await call(`/db/orders-hcm-q1/${id}`, server.adminAuth);
    const removed = await call(
      `/db/orders-hcm-q1/${id}?rev=${String(stored.body._rev)}`,
      server.adminAuth,
      'DELETE',
    );
    expect(removed.status).toBe(200);
    const replay = await place(order('REPLAY-2'));
    expect(replay.status).toBe(410);
    expect(replay.body).toMatchObject({ error: 'gone' });
    expect(String(replay.body.reason)).toContain('use a new externalId');
  });
});

describe('how each pickup of an order was paid', () => {
  let orderId = '';

  beforeAll(async () => {
    const placed = await place(order('PICKUP-PAY-1'));
    orderId = String(placed.body.orderId);
    // Only a ready order is handed over (the server's pickup check).
    expect((await call(`/api/v1/orders/${orderId}/ready`, q1.auth, 'POST', {})).status).toBe(200);
    const settings = await call('/db/settings/store_hcm-q1', server.adminAuth);
    const { _id, _rev, ...rest } = settings.body;
    const sale = snackSale(
      'sale_01PICKPAY01',
      q1,
      { ...rest, id: String(_id) } as StoreSettingsDoc,
      new Date().toISOString(),
      [
        {
          kind: 'card',
          tenderId: 't1',
          amount: minor(50_000),
          approvalCode: 'APPROVAL-778899',
          cardLast4: '4242',
        },
        { kind: 'cash', tenderId: 't2', amount: minor(50_000) },
      ],
    );
    expect((await putDoc(server, q1.auth, 'sales-hcm-q1', sale)).status).toBe(201);
    const pickup = (id: string, saleId: string | undefined, amountCollected: number) => ({
      id,
      orderId,
      storeId: 'hcm-q1',
      deviceId: q1.deviceId,
      staffId: 'staff_lan',
      lines: [{ lineId: '1', quantity: 1 }],
      amountCollected,
      ...(saleId ? { saleId } : {}),
      createdAt: new Date().toISOString(),
    });
    for (const doc of [
      pickup('pick_01PICKPAY01', 'sale_01PICKPAY01', 25_000),
      pickup('pick_01PICKPAY02', undefined, 25_000),
      pickup('pick_01PICKPAY03', 'sale_01NOTSYNCED', 25_000),
    ]) {
      expect((await putDoc(server, q1.auth, 'pickups-hcm-q1', doc)).status).toBe(201);
    }
  });

  it('shows the tenders of the sale that took the payment, with codes cut short', async () => {
    const view = await call(`/api/v1/orders/${orderId}`, q1.auth);
    expect(view.status).toBe(200);
    const pickups = view.body.pickups as { id: string; payment: unknown; saleId?: string }[];
    const paid = pickups.find((pickup) => pickup.id === 'pick_01PICKPAY01');
    expect(paid).toMatchObject({
      saleId: 'sale_01PICKPAY01',
      amountCollected: 25_000,
      payment: {
        saleId: 'sale_01PICKPAY01',
        status: 'completed',
        amountDue: 72_000,
        tenders: [
          {
            tenderId: 't1',
            kind: 'card',
            amount: 50_000,
            applied: 50_000,
            change: 0,
            cardLast4: '4242',
            approvalCodeEnd: '8899',
          },
          { tenderId: 't2', kind: 'cash', amount: 50_000, applied: 22_000 },
        ],
      },
    });
    expect(JSON.stringify(view.body)).not.toContain('APPROVAL-778899');
  });

  it('a pickup without a sale, or whose sale has not synced yet, has payment null', async () => {
    const view = await call(`/api/v1/orders/${orderId}`, server.adminAuth);
    const pickups = view.body.pickups as { id: string; payment: unknown; saleId?: string }[];
    expect(pickups.find((pickup) => pickup.id === 'pick_01PICKPAY02')).toMatchObject({
      payment: null,
    });
    expect(pickups.find((pickup) => pickup.id === 'pick_01PICKPAY02')?.saleId).toBeUndefined();
    expect(pickups.find((pickup) => pickup.id === 'pick_01PICKPAY03')).toMatchObject({
      saleId: 'sale_01NOTSYNCED',
      payment: null,
    });
  });

  it('a replay after the pickups answers the order as it is and leaves the pickups alone', async () => {
    const replay = await place(order('PICKUP-PAY-1'));
    expect(replay.status).toBe(200);
    const view = await call(`/api/v1/orders/${orderId}`, server.adminAuth);
    expect(view.body.state).toBe('picked-up');
    expect((view.body.pickups as unknown[]).length).toBe(3);
  });
});
