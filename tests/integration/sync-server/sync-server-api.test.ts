/**
 * The sync-server's door and domain API, against the real server process on loopback with its
 * data on disk (a temp dir), seeded with the demo store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  startSyncServerProcess,
  TEST_COUCHDB_URL,
} from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE = 'hcm-q1';
const OTHER_STORE = 'hn-hk';

let server: SyncServerProcess;
let register: EnrolledDevice;
let otherRegister: EnrolledDevice;

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: string; reason?: string };
  rows: Record<string, unknown>[];
}

async function call(
  path: string,
  options: { method?: string; auth?: string; body?: unknown; raw?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.auth) headers.Authorization = options.auth;
  const response = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body !== undefined || options.raw ? 'POST' : 'GET'),
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as unknown;
  return {
    status: response.status,
    headers: response.headers,
    body: (Array.isArray(parsed) ? {} : parsed) as Reply['body'],
    rows: Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [],
  };
}

function stockMove(id: string, fields: Record<string, unknown> = {}) {
  return {
    _id: id,
    kind: 'receive',
    sku: 'SKU000001',
    quantity: 10,
    storeId: STORE,
    sourceId: 'rcpt_1',
    createdAt: '2026-11-01T08:00:00.000Z',
    ...fields,
  };
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice(STORE, 'till 1');
  otherRegister = await server.enrollDevice(OTHER_STORE, 'till 1 HN');
});

afterAll(async () => {
  await server?.stop();
});

describe('health and authentication', () => {
  it('answers health without credentials', async () => {
    const reply = await call('/api/v1/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      ok: true,
      store: TEST_COUCHDB_URL ? 'couchdb' : 'embedded',
    });
  });

  it('lets the admin and an enrolled device in, and nobody else, without a login box', async () => {
    expect((await call('/db/products', { auth: server.adminAuth })).status).toBe(200);
    expect((await call('/db/products', { auth: register.auth })).status).toBe(200);
    const none = await call('/db/products');
    expect(none.status).toBe(401);
    expect(none.body.reason).toMatch(/HTTP Basic/);
    expect(none.headers.get('www-authenticate')).toBeNull();
    const wrong = await call('/db/products', { auth: basicAuth(register.deviceId, 'nope') });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBeNull();
    expect((await call('/db/products', { auth: basicAuth('admin', 'nope') })).status).toBe(401);
  });

  it('shuts a revoked device out at once', async () => {
    const doomed = await server.enrollDevice(STORE, 'stolen till');
    expect((await call('/db/products', { auth: doomed.auth })).status).toBe(200);
    const revoke = await call(`/api/v1/admin/devices/${doomed.deviceId}`, {
      method: 'DELETE',
      auth: server.adminAuth,
    });
    expect(revoke.status).toBe(200);
    const after = await call('/db/products', { auth: doomed.auth });
    expect(after.status).toBe(401);
    expect(after.body.reason).toMatch(/revoked/);
    const write = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: doomed.auth,
      body: { docs: [stockMove('stk_revoked1')] },
    });
    expect(write.status).toBe(401);
  });

  it('answers CORS preflights for any origin and never asks for cookies', async () => {
    const response = await fetch(`${server.url}/db/products/_changes`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('the replication gate', () => {
  it('knows only the database layout and keeps stores apart', async () => {
    const unknown = await call('/db/secrets', { auth: server.adminAuth });
    expect(unknown.status).toBe(404);
    expect(unknown.body.reason).toMatch(/Known databases/);
    const foreign = await call(`/db/sales-${OTHER_STORE}/_changes`, { auth: register.auth });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: 'forbidden' });
    expect(foreign.body.reason).toMatch(/belongs to store hcm-q1/);
    const createDb = await call('/db/sales-new-store', { method: 'PUT', auth: register.auth });
    expect(createDb.status).toBe(403);
    const products = await call('/db/products/_bulk_docs', {
      auth: register.auth,
      body: { docs: [{ _id: 'prod_HACK', sku: 'HACK' }] },
    });
    expect(products.rows[0]).toMatchObject({ error: 'forbidden' });
    expect(String(products.rows[0]?.reason)).toMatch(/written by the server only/);
  });

  it('rejects a forged document of another store, records it, and lands the valid ones', async () => {
    const reply = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: {
        docs: [stockMove('stk_forge_ok'), stockMove('stk_forge_bad', { storeId: OTHER_STORE })],
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.rows[0]).toMatchObject({ id: 'stk_forge_ok', ok: true });
    expect(reply.rows[1]).toMatchObject({ id: 'stk_forge_bad', error: 'forbidden' });
    const intoOtherDb = await call(`/db/stock-${OTHER_STORE}/_bulk_docs`, {
      auth: register.auth,
      body: { docs: [stockMove('stk_forge_db', { storeId: OTHER_STORE })] },
    });
    expect(intoOtherDb.status).toBe(403);
    expect(
      (await call(`/db/stock-${STORE}/stk_forge_bad`, { auth: server.adminAuth })).status,
    ).toBe(404);
    expect(
      (await call(`/db/stock-${OTHER_STORE}/stk_forge_db`, { auth: server.adminAuth })).status,
    ).toBe(404);

    const mine = await call('/api/v1/rejections?mine=1', { auth: register.auth });
    const ids = (mine.body.rejections as { docId: string; code: string }[]).map((r) => r.docId);
    expect(ids).toEqual(expect.arrayContaining(['stk_forge_bad', 'stk_forge_db']));
    const all = await call('/api/v1/rejections', { auth: server.adminAuth });
    expect(all.body.rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          docId: 'stk_forge_bad',
          by: register.deviceId,
          code: 'not_your_store',
        }),
      ]),
    );
    // A device sees only its own.
    expect((await call('/api/v1/rejections', { auth: register.auth })).status).toBe(403);
    const theirs = await call('/api/v1/rejections?mine=1', { auth: otherRegister.auth });
    expect(theirs.body.rejections).toEqual([]);
  });

  it('rejects schema violations with the field and the reason', async () => {
    const reply = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: {
        docs: [
          stockMove('stk_schema1', { colour: 'red' }),
          stockMove('stk_schema2', { quantity: 'ten' }),
          { _id: 'stk_schema3', kind: 'receive' },
          stockMove('stk_schema4', { kind: 'sale', quantity: 4 }),
        ],
      },
    });
    expect(reply.rows.map((row) => row.error)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    expect(String(reply.rows[0]?.reason)).toMatch(/unknown field "\/colour"/);
    expect(String(reply.rows[1]?.reason)).toMatch(/"\/quantity" must be integer/);
    expect(String(reply.rows[2]?.reason)).toMatch(/missing field/);
    expect(String(reply.rows[3]?.reason)).toMatch(/sale must be negative/);
  });

  it('keeps immutable documents immutable and accepts the identical re-send', async () => {
    const first = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: { docs: [stockMove('stk_immutable')] },
    });
    const rev = String(first.rows[0]?.rev);
    const again = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: { docs: [stockMove('stk_immutable', { _rev: rev })] },
    });
    expect(again.rows[0]).toMatchObject({ ok: true, rev });
    const replay = await call(`/db/stock-${STORE}/stk_immutable`, {
      method: 'PUT',
      auth: register.auth,
      body: stockMove('stk_immutable'),
    });
    expect(replay.status).toBe(201);
    expect(replay.body.rev).toBe(rev);

    const changed = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: { docs: [stockMove('stk_immutable', { _rev: rev, quantity: 99 })] },
    });
    expect(changed.rows[0]).toMatchObject({ error: 'conflict', rejected: true });
    expect(String(changed.rows[0]?.reason)).toMatch(/immutable/);
    const put = await call(`/db/stock-${STORE}/stk_immutable?rev=${rev}`, {
      method: 'PUT',
      auth: register.auth,
      body: stockMove('stk_immutable', { quantity: 99 }),
    });
    expect(put.status).toBe(403);
    const deleted = await call(`/db/stock-${STORE}/stk_immutable?rev=${rev}`, {
      method: 'DELETE',
      auth: register.auth,
    });
    expect(deleted.status).toBe(403);
    const stored = await call(`/db/stock-${STORE}/stk_immutable`, { auth: register.auth });
    expect(stored.body).toMatchObject({ quantity: 10, _rev: rev });
  });

  it('refuses malformed JSON, oversized documents and oversized bodies clearly', async () => {
    const malformed = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      raw: '{"docs": [',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'bad_request' });
    expect(malformed.body.reason).toMatch(/not valid JSON/);
    const big = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: { docs: [stockMove('stk_big', { reason: 'x'.repeat(300 * 1024) })] },
    });
    expect(big.rows[0]).toMatchObject({ error: 'forbidden' });
    expect(String(big.rows[0]?.reason)).toMatch(/larger than 256 KB/);
    const huge = await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      raw: JSON.stringify({ docs: [], pad: 'y'.repeat(11 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'too_large' });
  });
});

describe('the domain API', () => {
  const order = {
    externalId: 'SHOP-1001',
    customer: { name: 'Nguyễn Văn Web', email: 'web.buyer@example.vn', phone: '0912345678' },
    pickupStoreId: STORE,
    currency: 'VND',
    lines: [
      {
        lineId: 'l1',
        sku: 'SKU000001',
        name: 'Cà phê sữa đá',
        quantity: 2,
        unitPrice: 25000,
        taxRateBp: 800,
      },
      {
        lineId: 'l2',
        sku: 'SKU000003',
        name: 'Nước khoáng',
        quantity: 1,
        unitPrice: 6000,
        taxRateBp: 800,
      },
    ],
    prepaid: 56000,
  };

  it('takes a web order once, however often the shop sends it', async () => {
    const shop = await call('/api/v1/admin/shops', {
      auth: server.adminAuth,
      body: { name: 'web shop' },
    });
    const shopAuth = basicAuth(String(shop.body.shopId), String(shop.body.token));
    const first = await call('/api/v1/orders', { auth: shopAuth, body: order });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ customerCreated: true, total: 56000, replayed: false });
    const again = await call('/api/v1/orders', { auth: shopAuth, body: order });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ orderId: first.body.orderId, replayed: true });
    const changed = await call('/api/v1/orders', {
      auth: shopAuth,
      body: { ...order, prepaid: 0 },
    });
    expect(changed.status).toBe(409);

    // One document for the order, however often it was sent (the demo store has its own too).
    const stored = await call(`/db/orders-${STORE}/_all_docs`, { auth: register.auth });
    const rows = (stored.body.rows as { id: string }[]).filter(
      (row) => row.id === first.body.orderId,
    );
    expect(rows).toHaveLength(1);
    const view = await call(`/api/v1/orders/${String(first.body.orderId)}`, {
      auth: register.auth,
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'placed' });
    expect(view.body.lines).toHaveLength(2);

    // The same customer is recognised by phone on the next order.
    const second = await call('/api/v1/orders', {
      auth: shopAuth,
      body: { ...order, externalId: 'SHOP-1002', customer: { name: 'X', phone: '+84912345678' } },
    });
    expect(second.body).toMatchObject({
      customerId: first.body.customerId,
      customerCreated: false,
    });
    const found = await call('/api/v1/customers?phone=%2B84912345678', { auth: register.auth });
    expect(found.body.customers).toHaveLength(1);
    const profile = await call(`/api/v1/customers/${String(first.body.customerId)}`, {
      auth: register.auth,
    });
    expect(profile.body.history).toHaveLength(2);
  });

  it('names the field that is wrong in a web order', async () => {
    const missing = await call('/api/v1/orders', {
      auth: server.adminAuth,
      body: {
        ...order,
        externalId: 'SHOP-BAD',
        lines: [{ sku: 'A', name: 'a', quantity: 0, unitPrice: 1, taxRateBp: 0 }],
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: 'bad_request', field: 'lines[0].quantity' });
    const noStore = await call('/api/v1/orders', {
      auth: server.adminAuth,
      body: { ...order, externalId: 'SHOP-BAD2', pickupStoreId: 'nowhere' },
    });
    expect(noStore.body).toMatchObject({ field: 'pickupStoreId' });
    expect((await call('/api/v1/orders', { auth: register.auth, body: order })).status).toBe(403);
  });

  it('holds loyalty points, refuses a short balance, confirms and releases', async () => {
    const customerId = 'cust_demo0000002';
    const earn = {
      _id: 'loy_earn_test_1',
      customerId,
      kind: 'earn',
      points: 500,
      channel: 'store',
      storeId: STORE,
      sourceId: 'sale_x',
      idempotencyKey: 'earn:sale_x',
      createdAt: '2026-11-01T08:00:00.000Z',
    };
    // Points from head office (a register earns only what its own sales give, checked by the
    // server: tests/integration/sync-server/adversarial/loyalty.test.ts).
    const written = await call('/db/loyalty/_bulk_docs', {
      auth: server.adminAuth,
      body: { docs: [earn] },
    });
    expect(written.rows[0]).toMatchObject({ ok: true });
    const foreign = await call('/db/loyalty/_bulk_docs', {
      auth: otherRegister.auth,
      body: { docs: [{ ...earn, _id: 'loy_earn_test_2', idempotencyKey: 'earn:y' }] },
    });
    expect(String(foreign.rows[0]?.reason)).toMatch(/own store/);

    const short = await call('/api/v1/loyalty/holds', {
      auth: register.auth,
      body: { customerId, points: 800, idempotencyKey: 'h-short' },
    });
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ error: 'insufficient_points', available: 500 });

    const hold = await call('/api/v1/loyalty/holds', {
      auth: register.auth,
      body: { customerId, points: 300, idempotencyKey: 'h-1' },
    });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ status: 'held', available: 200 });
    const replay = await call('/api/v1/loyalty/holds', {
      auth: register.auth,
      body: { customerId, points: 300, idempotencyKey: 'h-1' },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.holdId).toBe(hold.body.holdId);

    const confirmed = await call(`/api/v1/loyalty/holds/${String(hold.body.holdId)}/confirm`, {
      method: 'POST',
      auth: register.auth,
    });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', available: 200 });
    const confirmedAgain = await call(`/api/v1/loyalty/holds/${String(hold.body.holdId)}/confirm`, {
      method: 'POST',
      auth: register.auth,
    });
    expect(confirmedAgain.body).toMatchObject({ status: 'confirmed', available: 200 });

    const second = await call('/api/v1/loyalty/holds', {
      auth: server.adminAuth,
      body: { customerId, points: 150, idempotencyKey: 'h-2' },
    });
    const released = await call(`/api/v1/loyalty/holds/${String(second.body.holdId)}/release`, {
      method: 'POST',
      auth: server.adminAuth,
    });
    expect(released.body).toMatchObject({ status: 'released', available: 200 });
    const late = await call(`/api/v1/loyalty/holds/${String(second.body.holdId)}/confirm`, {
      method: 'POST',
      auth: server.adminAuth,
    });
    expect(late.status).toBe(409);
    const profile = await call(`/api/v1/customers/${customerId}`, { auth: register.auth });
    expect(profile.body.loyalty).toMatchObject({
      earned: 500,
      redeemed: 300,
      held: 0,
      available: 200,
    });
  });

  it('sums stock across stores and flags negative stock', async () => {
    // Whatever the stores hold now (the demo's opening stock, or none where the demo is seeded
    // without it): a write-off of all of it and 3 more.
    const before = await call('/api/v1/stock?sku=SKU000009', { auth: register.auth });
    const levels = (before.body.stores ?? []) as { storeId: string; sellable: number }[];
    const opening = (storeId: string) =>
      levels.find((level) => level.storeId === storeId)?.sellable ?? 0;
    await call(`/db/stock-${STORE}/_bulk_docs`, {
      auth: register.auth,
      body: {
        docs: [
          // A write-off (a sale move needs its sale on the server: adversarial/stock.test.ts).
          stockMove('stk_neg_1', {
            sku: 'SKU000009',
            kind: 'adjust',
            quantity: -(opening(STORE) + 3),
            reason: 'breakage',
            sourceId: 'adj_n',
          }),
        ],
      },
    });
    await call(`/db/stock-${OTHER_STORE}/_bulk_docs`, {
      auth: otherRegister.auth,
      body: {
        docs: [stockMove('stk_pos_1', { sku: 'SKU000009', storeId: OTHER_STORE, quantity: 8 })],
      },
    });
    const stock = await call('/api/v1/stock?sku=SKU000009', { auth: register.auth });
    expect(stock.body.stores).toEqual([
      { storeId: STORE, sellable: -3, damaged: 0 },
      { storeId: OTHER_STORE, sellable: opening(OTHER_STORE) + 8, damaged: 0 },
    ]);
    const flags = await call('/api/v1/flags', { auth: server.adminAuth });
    const flag = (flags.body.flags as { _id: string; kind: string; documents: unknown[] }[]).find(
      (candidate) => candidate._id === `flag_negative-stock_${STORE}_SKU000009`,
    );
    expect(flag?.kind).toBe('negative-stock');
    // Every move of the SKU in the store: the demo's opening receipt and the write-off.
    expect(flag?.documents).toContainEqual({ db: `stock-${STORE}`, id: 'stk_neg_1' });
  });

  it('imports catalog products idempotently and rejects bad ones', async () => {
    const product = {
      id: 'prod_IMPORT1',
      sku: 'IMPORT1',
      barcodes: ['8930000000019'],
      name: { vi: 'Trà xanh', en: 'Green tea' },
      searchText: 'tra xanh green tea import1',
      categoryId: 'drinks',
      pricing: 'unit',
      unitPrice: 12000,
      currency: 'VND',
      taxRateId: 'vat8',
      active: true,
      updatedAt: '2026-11-01T08:00:00.000Z',
    };
    const first = await call('/api/v1/admin/catalog', {
      auth: server.adminAuth,
      body: [product, { ...product, id: 'prod_BAD', unitPrice: 'free' }],
    });
    expect(first.body).toMatchObject({ written: 1, unchanged: 0 });
    expect(first.body.rejected).toEqual([expect.objectContaining({ id: 'prod_BAD' })]);
    const again = await call('/api/v1/admin/catalog', { auth: server.adminAuth, body: [product] });
    expect(again.body).toMatchObject({ written: 0, unchanged: 1 });
    expect(
      (await call('/api/v1/admin/catalog', { auth: register.auth, body: [product] })).status,
    ).toBe(403);
  });
});
