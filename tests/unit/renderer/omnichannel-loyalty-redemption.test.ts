import { describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { createLoyaltyRedemption } from '../../../renderer/loyalty/loyalty-redemption';
import type { ApiResult, ServerApi } from '../../../renderer/platform/server-api';
import { DEFAULT_LOYALTY_SETTINGS } from '../../../src/loyalty';
import { fakeServerApi } from '../../helpers/fake-server-api';

const OFFLINE = {
  ok: false as const,
  offline: true,
  status: 0,
  code: 'offline',
  reason: 'down',
  details: {},
};

function fakeApi(answer: (method: string, path: string, body?: unknown) => ApiResult<unknown>) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const api = fakeServerApi(({ method, path, body }) => {
    calls.push({ method, path, body });
    return answer(method, path, body);
  });
  return { api, calls };
}

const EARN: LoyaltyEntryDoc = {
  id: 'loy_e1',
  customerId: 'cust_1',
  kind: 'earn',
  points: 80,
  channel: 'web',
  sourceId: 'ord_1',
  idempotencyKey: 'earn:ord_1',
  createdAt: '2026-11-20T08:00:00.000Z',
};

function service(api: ServerApi, ledger: LoyaltyEntryDoc[] = [EARN]) {
  let next = 0;
  return createLoyaltyRedemption({
    api,
    ledger: () => Promise.resolve(ledger),
    writeEntry: (entry) => {
      ledger.push(entry);
      return Promise.resolve();
    },
    settings: () => DEFAULT_LOYALTY_SETTINGS,
    storeId: 'hcm-q1',
    deviceId: 'dev_1',
    now: () => new Date('2026-11-23T10:00:00.000Z'),
    newId: (prefix) => `${prefix}_${++next}`,
    timeZone: () => 'UTC',
  });
}

const request = { customerId: 'cust_1', points: 30, saleId: 'sale_1', saleTotal: minor(100_000) };
const held = {
  ok: true as const,
  status: 201,
  value: {
    holdId: 'loy_hold-1',
    points: 30,
    status: 'held',
    expiresAt: '2026-11-23T10:15:00.000Z',
    available: 50,
  },
};

describe('the loyalty redemption service', () => {
  it('holds online with an idempotency key that names the sale, and reuses a given key', async () => {
    const { api, calls } = fakeApi(() => held);
    const outcome = await service(api).reserve(request);
    expect(outcome).toMatchObject({
      ok: true,
      reservation: { mode: 'online', holdId: 'loy_hold-1', value: 30_000, availableAfter: 50 },
    });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/loyalty/holds',
      body: { customerId: 'cust_1', points: 30, sourceId: 'sale_1' },
    });
    expect((calls[0]?.body as { idempotencyKey: string }).idempotencyKey).toMatch(/^sale_1:hold_/);
    await service(api).reserve({ ...request, idempotencyKey: 'k-1' });
    expect((calls[1]?.body as { idempotencyKey: string }).idempotencyKey).toBe('k-1');
  });

  it('never asks the server for more than the program allows on the sale', async () => {
    const { api, calls } = fakeApi(() => held);
    const outcome = await service(api).reserve({ ...request, points: 60 });
    expect(outcome).toMatchObject({ ok: false, code: 'sale-share', maxPoints: 50 });
    expect(calls).toEqual([]);
    await expect(service(api).reserve({ ...request, points: 0 })).resolves.toMatchObject({
      ok: false,
      code: 'bad-request',
    });
  });

  it('passes on the server’s short balance with the most that can be held', async () => {
    const { api } = fakeApi(() => ({
      ok: false,
      offline: false,
      status: 409,
      code: 'insufficient_points',
      reason: 'short',
      details: { available: 12 },
    }));
    await expect(service(api).reserve(request)).resolves.toMatchObject({
      ok: false,
      code: 'insufficient-points',
      maxPoints: 12,
    });
  });

  it('confirms and releases online holds on the server', async () => {
    const { api, calls } = fakeApi(() => held);
    const redemption = service(api);
    const outcome = await redemption.reserve(request);
    if (!outcome.ok) throw new Error(outcome.message);
    await expect(redemption.confirm(outcome.reservation)).resolves.toEqual({
      ok: true,
      mode: 'online',
    });
    await expect(redemption.release(outcome.reservation)).resolves.toEqual({
      ok: true,
      mode: 'online',
    });
    expect(calls.slice(1).map((call) => call.path)).toEqual([
      '/loyalty/holds/loy_hold-1/confirm',
      '/loyalty/holds/loy_hold-1/release',
    ]);
  });

  it('records the redemption here when the link drops between hold and confirm', async () => {
    let down = false;
    const { api } = fakeApi(() => (down ? OFFLINE : held));
    const ledger = [EARN];
    const redemption = service(api, ledger);
    const outcome = await redemption.reserve(request);
    if (!outcome.ok) throw new Error(outcome.message);
    down = true;
    const confirmed = await redemption.confirm(outcome.reservation);
    expect(confirmed).toMatchObject({
      ok: true,
      mode: 'offline',
      entry: { kind: 'redeem', points: -30, idempotencyKey: 'redeem:sale_1' },
    });
    expect(ledger).toHaveLength(2);
    const released = await redemption.release(outcome.reservation);
    expect(released.ok && released.note).toContain('lapses by itself');
  });

  it('offline, allows up to the daily allowance and explains a refusal', async () => {
    const { api } = fakeApi(() => OFFLINE);
    const ledger = [EARN];
    const redemption = service(api, ledger);
    const first = await redemption.reserve({ ...request, points: 40 });
    expect(first).toMatchObject({ ok: true, reservation: { mode: 'offline', availableAfter: 40 } });
    if (!first.ok) return;
    await redemption.confirm(first.reservation);
    const second = await redemption.reserve({ ...request, saleId: 'sale_2', points: 45 });
    expect(second).toMatchObject({ ok: false, code: 'offline-limit', maxPoints: 40 });
    const none = createLoyaltyRedemption({
      api,
      ledger: () => Promise.resolve(ledger),
      writeEntry: () => Promise.resolve(),
      settings: () => ({
        ...DEFAULT_LOYALTY_SETTINGS,
        offline: { ...DEFAULT_LOYALTY_SETTINGS.offline, enabled: false },
      }),
      storeId: 'hcm-q1',
      deviceId: 'dev_1',
      now: () => new Date(),
      newId: (prefix) => `${prefix}_x`,
      timeZone: () => 'UTC',
    });
    const refused = await none.reserve(request);
    expect(refused).toMatchObject({ ok: false, code: 'offline-disabled' });
    expect(refused.ok ? '' : refused.message).toMatch(/take another payment/);
  });
});
