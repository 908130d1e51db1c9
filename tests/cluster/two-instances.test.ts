/**
 * Two sync-server processes on one Apache CouchDB cluster (`npm run test:couchdb` starts one
 * from ../shared/couchdb): overdraft decisions are serialised through CouchDB (one account
 * document per customer or note, written with its `_rev`), not through one process's memory,
 * and what a register writes through one instance reaches the registers of the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_COUCHDB_URL,
  couchdbPrefixOf,
  startSyncServerProcess,
} from '../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';
import { coffeeSale, putDoc } from '../integration/sync-server/sale-fixtures';

const ROUNDS = 100;
const RACERS = 4;

let a: SyncServerProcess;
let b: SyncServerProcess;
let q1: EnrolledDevice;
let q1b: EnrolledDevice;
let hk: EnrolledDevice;

async function call(
  server: SyncServerProcess,
  path: string,
  auth: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A web order of one coffee collected at hcm-q1 (the intake re-prices it from the catalog). */
function webOrder(externalId: string, name: string, phone: string) {
  return {
    externalId,
    customer: { name, phone },
    pickupStoreId: 'hcm-q1',
    currency: 'VND',
    lines: [
      {
        lineId: 'l1',
        sku: 'SKU000001',
        name: 'Cà phê',
        quantity: 1,
        unitPrice: 25_000,
        taxRateBp: 800,
      },
    ],
  };
}

/** The demo customer with the most points available (the demo gives some none). */
async function richestCustomer(): Promise<{ customerId: string; available: number }> {
  let best = { customerId: '', available: 0 };
  for (let n = 1; n <= 40; n++) {
    const customerId = `cust_demo${String(n).padStart(7, '0')}`;
    const reply = await call(a, `/api/v1/customers/${customerId}`, q1.auth);
    const available = Number((reply.body.loyalty as { available?: number } | undefined)?.available);
    if (reply.status === 200 && available > best.available) best = { customerId, available };
  }
  return best;
}

beforeAll(async () => {
  if (!TEST_COUCHDB_URL) {
    throw new Error(
      'These tests need a CouchDB cluster: run them with `npm run test:couchdb` (it starts one from ../shared/couchdb), or set OMNITILL_TEST_COUCHDB_URL.',
    );
  }
  a = await startSyncServerProcess({ seedDemo: true });
  q1 = await a.enrollDevice('hcm-q1', 'reg-01');
  q1b = await a.enrollDevice('hcm-q1', 'reg-02');
  hk = await a.enrollDevice('hn-hk', 'reg-01');
  // The second instance reads the devices enrolled so far when it starts.
  b = await startSyncServerProcess({ couchdbPrefix: couchdbPrefixOf(a.dataDir) });
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('two sync-server instances on one CouchDB cluster', () => {
  it('never let concurrent loyalty holds through both exceed the balance (100 rounds)', async () => {
    const { customerId, available } = await richestCustomer();
    expect(available).toBeGreaterThan(RACERS);
    // Each racer asks for a bit more than a third: at most two of them can be served.
    const each = Math.floor(available / 3) + 1;
    let overdrafts = 0;
    let served = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const replies = await Promise.all(
        Array.from({ length: RACERS }, (_, racer) =>
          call(racer % 2 ? b : a, '/api/v1/loyalty/holds', racer % 2 ? q1b.auth : q1.auth, {
            customerId,
            points: each,
            idempotencyKey: `r${round}-${racer}`,
          }),
        ),
      );
      const won = replies.filter((reply) => reply.status === 201);
      for (const reply of replies) {
        if (reply.status !== 201 && reply.body.error !== 'insufficient_points') {
          // Say why, with what both servers printed, so a failure on CI explains itself.
          expect.fail(
            `Round ${round}: ${reply.status} ${JSON.stringify(reply.body)}\n${a.output().slice(-3000)}\n${b.output().slice(-3000)}`,
          );
        }
      }
      served += won.length;
      if (won.length * each > available) overdrafts += 1;
      // Free the balance for the next round, half through each instance.
      await Promise.all(
        won.map((reply, index) =>
          call(
            index % 2 ? a : b,
            `/api/v1/loyalty/holds/${String(reply.body.holdId)}/release`,
            index % 2 ? q1.auth : q1b.auth,
            {},
          ),
        ),
      );
    }
    expect(overdrafts).toBe(0);
    // Not a trivial pass: holds were granted (two per round when nothing is in the way).
    expect(served).toBeGreaterThanOrEqual(ROUNDS);
    const after = await call(b, `/api/v1/customers/${customerId}`, q1.auth);
    expect((after.body.loyalty as { available: number }).available).toBe(available);
  }, 600_000);

  it('never let concurrent gift-card holds through both exceed the balance (100 rounds)', async () => {
    const issued = await call(a, '/api/v1/admin/gift-cards', a.adminAuth, {
      cardNumber: 'GC7000 0001',
      amount: 300_000,
      currency: 'VND',
    });
    expect(issued.status).toBe(201);
    let overdrafts = 0;
    let served = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const replies = await Promise.all(
        Array.from({ length: RACERS }, (_, racer) =>
          call(racer % 2 ? b : a, '/api/v1/stored-value/holds', racer % 2 ? hk.auth : q1.auth, {
            number: 'GC70000001',
            amount: 100_001,
            saleId: `sale_GC${round}x${racer}`,
            idempotencyKey: `g${round}-${racer}`,
          }),
        ),
      );
      const won = replies.filter((reply) => reply.status === 201);
      for (const reply of replies) {
        if (reply.status !== 201) expect(reply.body.error).toBe('insufficient_balance');
      }
      served += won.length;
      if (won.length * 100_001 > 300_000) overdrafts += 1;
      await Promise.all(
        won.map((reply, index) =>
          call(
            index % 2 ? a : b,
            `/api/v1/stored-value/holds/${String(reply.body.holdId)}/release`,
            q1.auth,
            {},
          ),
        ),
      );
    }
    expect(overdrafts).toBe(0);
    expect(served).toBeGreaterThanOrEqual(ROUNDS);
    const card = await call(b, '/api/v1/stored-value/GC70000001', q1.auth);
    expect(card.body).toMatchObject({ available: 300_000, held: 0 });
  }, 600_000);

  it('ends a confirm and a release of one hold on two instances at once one way, told to both', async () => {
    const { customerId } = await richestCustomer();
    for (let round = 0; round < 20; round++) {
      const held = await call(a, '/api/v1/loyalty/holds', q1.auth, {
        customerId,
        points: 1,
        idempotencyKey: `cr${round}`,
      });
      expect(held.status).toBe(201);
      const holdId = String(held.body.holdId);
      const [confirmed, released] = await Promise.all([
        call(a, `/api/v1/loyalty/holds/${holdId}/confirm`, q1.auth, {}),
        call(b, `/api/v1/loyalty/holds/${holdId}/release`, q1.auth, {}),
      ]);
      // Exactly one of them won, and the other was told so.
      const confirmWon = confirmed.status === 200;
      expect(confirmWon).toBe(released.status === 409);
      if (confirmWon) expect(released.body.error).toBe('hold_confirmed');
      else expect(confirmed.body.error).toBe('hold_released');
      const view = await call(b, `/api/v1/loyalty/holds/${holdId}/release`, q1.auth, {});
      expect(view.status).toBe(confirmWon ? 409 : 200);
    }
  }, 120_000);

  it('hands a sale written through one instance to the other store register reading through the other', async () => {
    const sale = coffeeSale('sale_01KAQ7TW0000000000000000S1', q1, 25_000);
    const pushed = await putDoc(b, q1.auth, 'sales-hcm-q1', sale);
    expect(pushed.status).toBe(201);
    const response = await fetch(`${a.url}/db/sales-hcm-q1/_changes?include_docs=true`, {
      headers: { Authorization: q1b.auth },
    });
    expect(response.status).toBe(200);
    const changes = (await response.json()) as { results: { id: string }[] };
    expect(changes.results.map((row) => row.id)).toContain(sale.id);
  }, 60_000);

  it('knows a register enrolled through the other instance at once, and its revocation soon after', async () => {
    const late = await a.enrollDevice('hcm-q1', 'reg-03');
    const read = () =>
      fetch(`${b.url}/db/sales-hcm-q1/_all_docs?limit=1`, {
        headers: { Authorization: late.auth },
      });
    expect((await read()).status).toBe(200);
    const revoked = await fetch(`${a.url}/api/v1/admin/devices/${late.deviceId}`, {
      method: 'DELETE',
      headers: { Authorization: a.adminAuth },
    });
    expect(revoked.ok).toBe(true);
    // Each process reads the device list again every 10 s.
    let status = 200;
    for (let attempt = 0; attempt < 40 && status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await read()).status;
    }
    expect(status).toBe(401);
  }, 60_000);

  it('places one order when the same web order reaches both instances at once', async () => {
    const countOrders = async () => {
      const response = await fetch(`${a.url}/db/orders-hcm-q1/_all_docs`, {
        headers: { Authorization: q1.auth },
      });
      return ((await response.json()) as { rows: unknown[] }).rows.length;
    };
    const before = await countOrders();
    for (let round = 0; round < 10; round++) {
      const order = webOrder(`SHOP-TWO-${round}`, 'Khách hai máy', '0912345678');
      const replies = await Promise.all([
        call(a, '/api/v1/orders', a.adminAuth, order),
        call(b, '/api/v1/orders', b.adminAuth, order),
      ]);
      for (const reply of replies)
        expect([200, 201], JSON.stringify(reply.body)).toContain(reply.status);
      expect(replies[0]?.body.orderId).toBe(replies[1]?.body.orderId);
    }
    expect(await countOrders()).toBe(before + 10);
  }, 120_000);

  it('marks an order ready once when both instances are asked at once', async () => {
    for (let round = 0; round < 10; round++) {
      const placed = await call(
        a,
        '/api/v1/orders',
        a.adminAuth,
        webOrder(`SHOP-READY-${round}`, 'Khách hai máy', '0912345678'),
      );
      expect([200, 201], JSON.stringify(placed.body)).toContain(placed.status);
      const orderId = String(placed.body.orderId);
      const replies = await Promise.all([
        call(a, `/api/v1/orders/${orderId}/ready`, q1.auth, {}),
        call(b, `/api/v1/orders/${orderId}/ready`, q1b.auth, {}),
      ]);
      for (const reply of replies) expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const readyAt = replies.map((reply) => (reply.body.order as { readyAt?: string }).readyAt);
      // Both callers are told the one decision: the same time, and one revision written for it.
      expect(readyAt[0]).toBe(readyAt[1]);
      const stored = (await (
        await fetch(`${a.url}/db/orders-hcm-q1/${orderId}`, { headers: { Authorization: q1.auth } })
      ).json()) as { _rev: string; status: string; readyAt: string };
      expect(stored.status).toBe('ready-for-pickup');
      expect(stored.readyAt).toBe(readyAt[0]);
      expect(stored._rev.startsWith('2-'), stored._rev).toBe(true);
    }
  }, 120_000);

  it('lets one of two registers resuming a parked sale through different instances win', async () => {
    for (let round = 0; round < 10; round++) {
      const id = `park_01TWOINST${String(round).padStart(2, '0')}`;
      const parked = {
        id,
        storeId: 'hcm-q1',
        registerId: 'reg-01',
        deviceId: q1.deviceId,
        staffId: 'staff_minh',
        cart: {
          lines: [
            {
              lineId: 'l1',
              productId: 'prod_SKU000050',
              sku: 'SKU000050',
              name: 'Bánh quy',
              categoryId: 'snacks',
              pricing: 'unit',
              unitPrice: 40_000,
              quantity: 2,
              taxRateId: 'vat8',
            },
          ],
        },
        label: 'chị Mai',
        totalWhenParked: 80_000,
        lineCount: 1,
        status: 'parked',
        parkedAt: new Date(Date.now() - 60_000).toISOString(),
      };
      expect((await putDoc(a, q1.auth, 'parked-hcm-q1', parked)).status).toBe(201);
      const replies = await Promise.all([
        call(a, `/api/v1/parked/${id}/resume`, q1.auth, {
          staffId: 'staff_minh',
          registerId: 'reg-01',
        }),
        call(b, `/api/v1/parked/${id}/resume`, q1b.auth, {
          staffId: 'staff_lan',
          registerId: 'reg-02',
        }),
      ]);
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses, JSON.stringify(replies.map((reply) => reply.body))).toEqual([200, 409]);
    }
  }, 120_000);

  it('records one customer when the first two orders of a new customer reach both instances at once', async () => {
    for (let round = 0; round < 5; round++) {
      const phone = `09187${String(Date.now()).slice(-4)}${round}`;
      const order = (externalId: string) => webOrder(externalId, 'Khách mới', phone);
      const replies = await Promise.all([
        call(a, '/api/v1/orders', a.adminAuth, order(`SHOP-NEW-${phone}-A`)),
        call(b, '/api/v1/orders', b.adminAuth, order(`SHOP-NEW-${phone}-B`)),
      ]);
      for (const reply of replies) expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      const customers = replies.map((reply) => reply.body.customerId);
      expect(typeof customers[0]).toBe('string');
      expect(customers[0]).toBe(customers[1]);
      expect(replies.filter((reply) => reply.body.customerCreated === true)).toHaveLength(1);
    }
  }, 120_000);
});
