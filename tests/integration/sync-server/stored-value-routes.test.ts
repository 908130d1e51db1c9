/**
 * Stored value against the real sync-server process (demo stores): a credit note issued by a
 * return, spent in two steps from two stores with holds, an overspend refused, two registers
 * racing for the same balance, offline double spends and unknown notes flagged after sync, and
 * a gift card issued by the admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnDoc } from '../../../src/documents';
import { demoStoreSettings } from '../../../src/demo';
import { minor } from '../../../src/money';
import { pricingContextFromSettings } from '../../../src/pricing';
import { planReturn, returnPolicyOf } from '../../../src/returns';
import type { TenderInput } from '../../../src/tenders';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { coffeeSale } from './sale-fixtures';

let server: SyncServerProcess;
let q1: EnrolledDevice;
let hk: EnrolledDevice;

const NOTE = 'ret_01KAQ5V0000000000000000NT1';
const OFFLINE_NOTE = 'ret_01KAQ5V0000000000000000NT2';
const LATE_NOTE = 'ret_01KAQ5V0000000000000000NT3';

/**
 * A return without receipt of `amount` worth of coffee (25.000 ₫ each) at the catalog price,
 * approved by the manager and refunded to store credit: the server re-derives every return, so
 * a credit note exists only for a return it can price.
 */
function creditNote(id: string, amount: number): ReturnDoc {
  const at = new Date(Date.now() - 30 * 60_000).toISOString();
  const settings = demoStoreSettings('hcm-q1', 'S', 'A', '2026-01-01T00:00:00.000Z');
  const result = planReturn({
    kind: 'without-receipt',
    lines: [
      {
        cartLine: {
          lineId: 'l1',
          productId: 'prod_SKU000001',
          sku: 'SKU000001',
          name: 'Cà phê',
          categoryId: 'drinks',
          pricing: 'unit',
          unitPrice: minor(25_000),
          quantity: amount / 25_000,
          taxRateId: 'vat8',
        },
        reason: 'changed mind',
        restock: true,
      },
    ],
    pricing: pricingContextFromSettings(settings, at),
    knownReturns: [],
    policy: returnPolicyOf(settings).policy,
    now: at,
    cashRounding: settings.cashRounding,
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  const { needsManagerApproval: _approval, ...plan } = result.plan;
  return {
    id,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: q1.deviceId,
    staffId: 'staff_lan',
    currency: 'VND',
    ...plan,
    approvedBy: 'staff_ha',
    status: 'completed',
    createdAt: at,
    completedAt: at,
  };
}

const credit = (number: string, amount: number): TenderInput => ({
  kind: 'store-credit',
  tenderId: 't1',
  amount: minor(amount),
  creditReference: number,
});

async function push(device: EnrolledDevice, db: string, doc: { id: string }): Promise<number> {
  const { id, ...rest } = doc;
  const response = await fetch(`${server.url}/db/${db}-${device.storeId}/${id}`, {
    method: 'PUT',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: id, ...rest }),
  });
  return response.status;
}

async function call(path: string, auth: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const hold = (
  device: EnrolledDevice,
  number: string,
  amount: number,
  key: string,
  saleId: string,
) =>
  call('/api/v1/stored-value/holds', device.auth, { number, amount, saleId, idempotencyKey: key });

async function flags(): Promise<{ _id: string; kind: string; documents: { id: string }[] }[]> {
  const reply = await call('/api/v1/flags', server.adminAuth);
  return reply.body.flags as { _id: string; kind: string; documents: { id: string }[] }[];
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
  expect(await push(q1, 'returns', creditNote(NOTE, 300_000))).toBe(201);
});

afterAll(async () => {
  await server?.stop();
});

describe('a credit note issued by a return to store credit', () => {
  it('shows its balance to a register of any store, by the number on the return receipt', async () => {
    const reply = await call(`/api/v1/stored-value/${NOTE.toUpperCase()}`, hk.auth);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      number: NOTE,
      kind: 'credit-note',
      issuedBy: 'hcm-q1',
      issued: 300_000,
      balance: 300_000,
      available: 300_000,
    });
  });

  it('answers 404 for a note nobody issued, saying what to check', async () => {
    const reply = await call('/api/v1/stored-value/ret_01KAQ5V000000000000000NOPE', q1.auth);
    expect(reply.status).toBe(404);
    expect(reply.body.reason).toContain('check the number on the return receipt');
    const held = await hold(q1, 'ret_01KAQ5V000000000000000NOPE', 1000, 'k-nope', 'sale_X1');
    expect(held.status).toBe(404);
  });

  it('is spent in two steps, in two stores, and keeps what is left', async () => {
    const first = await hold(q1, NOTE, 120_000, 'k-first', 'sale_SV1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'held', amount: 120_000, available: 180_000 });
    const replay = await hold(q1, NOTE, 120_000, 'k-first', 'sale_SV1');
    expect(replay.status).toBe(200);
    expect(replay.body.holdId).toBe(first.body.holdId);
    const confirmed = await call(
      `/api/v1/stored-value/holds/${String(first.body.holdId)}/confirm`,
      q1.auth,
      {},
    );
    expect(confirmed.body).toMatchObject({ status: 'confirmed', available: 180_000 });
    expect(
      await push(
        q1,
        'sales',
        coffeeSale('sale_SV1', q1, 120_000, { tenders: [credit(NOTE, 120_000)] }),
      ),
    ).toBe(201);
    // The sale replaces its confirmed hold: spent once.
    expect((await call(`/api/v1/stored-value/${NOTE}`, q1.auth)).body).toMatchObject({
      redeemed: 120_000,
      held: 0,
      available: 180_000,
    });

    const second = await hold(hk, NOTE, 100_000, 'k-second', 'sale_SV2');
    expect(second.status).toBe(201);
    await call(`/api/v1/stored-value/holds/${String(second.body.holdId)}/confirm`, hk.auth, {});
    expect(
      await push(
        hk,
        'sales',
        coffeeSale('sale_SV2', hk, 150_000, {
          tenders: [credit(NOTE, 100_000), { kind: 'cash', tenderId: 't2', amount: minor(50_000) }],
        }),
      ),
    ).toBe(201);
    expect((await call(`/api/v1/stored-value/${NOTE}`, hk.auth)).body).toMatchObject({
      balance: 80_000,
      available: 80_000,
    });
  });

  it('refuses a hold over what is left, naming what may be taken', async () => {
    const reply = await hold(q1, NOTE, 90_000, 'k-over', 'sale_SV3');
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: 'insufficient_balance', available: 80_000 });
    expect(reply.body.reason).toContain('take at most 80000');
  });

  it('lets only one of two registers hold the same balance at once', async () => {
    const [a, b] = await Promise.all([
      hold(q1, NOTE, 60_000, 'k-race-a', 'sale_RA'),
      hold(hk, NOTE, 60_000, 'k-race-b', 'sale_RB'),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a : b;
    const released = await call(
      `/api/v1/stored-value/holds/${String(winner.body.holdId)}/release`,
      q1.auth,
      {},
    );
    expect(released.body).toMatchObject({ status: 'released', available: 80_000 });
    const again = await call(
      `/api/v1/stored-value/holds/${String(winner.body.holdId)}/release`,
      q1.auth,
      {},
    );
    expect(again.status).toBe(200);
    const late = await call(
      `/api/v1/stored-value/holds/${String(winner.body.holdId)}/confirm`,
      q1.auth,
      {},
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('hold_released');
  });

  it('refuses a bad request with what to send', async () => {
    const reply = await call('/api/v1/stored-value/holds', q1.auth, { number: NOTE, amount: -5 });
    expect(reply.status).toBe(400);
    expect(reply.body.field).toBe('amount');
  });
});

describe('after sync', () => {
  it('flags a credit note spent offline in two stores beyond its value; the sales stand', async () => {
    expect(await push(q1, 'returns', creditNote(OFFLINE_NOTE, 100_000))).toBe(201);
    expect(
      await push(
        q1,
        'sales',
        coffeeSale('sale_OFF1', q1, 70_000, { tenders: [credit(OFFLINE_NOTE, 70_000)] }),
      ),
    ).toBe(201);
    expect(
      await push(
        hk,
        'sales',
        coffeeSale('sale_OFF2', hk, 70_000, { tenders: [credit(OFFLINE_NOTE, 70_000)] }),
      ),
    ).toBe(201);
    const flag = (await flags()).find((candidate) => candidate.kind === 'stored-value-overspent');
    expect(flag?.documents.map((document) => document.id).sort()).toEqual(
      [OFFLINE_NOTE, 'sale_OFF1', 'sale_OFF2'].sort(),
    );
    expect((await call(`/api/v1/stored-value/${OFFLINE_NOTE}`, q1.auth)).body).toMatchObject({
      balance: -40_000,
      available: 0,
    });
  });

  it('accepts a sale paid with a note the server does not know, flags it, and clears the flag when the note arrives', async () => {
    expect(
      await push(
        hk,
        'sales',
        coffeeSale('sale_LATE', hk, 50_000, { tenders: [credit(LATE_NOTE, 50_000)] }),
      ),
    ).toBe(201);
    const unknown = (await flags()).filter(
      (candidate) => candidate.kind === 'stored-value-unknown',
    );
    expect(unknown.map((candidate) => candidate.documents[0]?.id)).toEqual(['sale_LATE']);
    expect(await push(q1, 'returns', creditNote(LATE_NOTE, 50_000))).toBe(201);
    expect(
      (await flags()).filter((candidate) => candidate.kind === 'stored-value-unknown'),
    ).toEqual([]);
    expect((await call(`/api/v1/stored-value/${LATE_NOTE}`, q1.auth)).body.balance).toBe(0);
  });
});

describe('gift cards', () => {
  it('are issued by the admin (idempotent), refused to a register, and spent with a hold', async () => {
    const body = { cardNumber: 'gc 5000 0001', amount: 200_000, currency: 'VND' };
    const refused = await call('/api/v1/admin/gift-cards', q1.auth, body);
    expect(refused.status).toBe(403);
    const issued = await call('/api/v1/admin/gift-cards', server.adminAuth, body);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      number: 'GC50000001',
      kind: 'gift-card',
      available: 200_000,
    });
    const replay = await call('/api/v1/admin/gift-cards', server.adminAuth, body);
    expect(replay.status).toBe(200);
    const conflict = await call('/api/v1/admin/gift-cards', server.adminAuth, {
      ...body,
      amount: 1,
    });
    expect(conflict.status).toBe(409);
    const held = await hold(hk, 'GC50000001', 150_000, 'k-gift', 'sale_GC1');
    expect(held.body).toMatchObject({ status: 'held', available: 50_000 });
  });
});
