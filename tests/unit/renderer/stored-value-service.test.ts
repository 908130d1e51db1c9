import { describe, expect, it } from 'vitest';
import type { ReturnDoc, SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import type { ServerApi } from '../../../renderer/platform/server-api';
import { fakeServerApi } from '../../helpers/fake-server-api';
import { createStoredValueService } from '../../../renderer/stored-value/stored-value-service';

const OFFLINE = {
  ok: false as const,
  offline: true,
  status: 0,
  code: 'offline',
  reason: 'down',
  details: {},
};
const NOTE = 'ret_01KAQ00000000000000000000A';

const offlineApi: ServerApi = fakeServerApi(() => OFFLINE);

function note(id: string, storeId: string, amount: number): ReturnDoc {
  return {
    id,
    storeId,
    currency: 'VND',
    tenders: [{ kind: 'store-credit', covers: minor(amount), amount: minor(amount) }],
    completedAt: '2026-11-20T09:00:00.000Z',
  } as unknown as ReturnDoc;
}

function service(returns: ReturnDoc[], sales: SaleDoc[] = []) {
  let next = 0;
  return createStoredValueService({
    api: offlineApi,
    returns: () => Promise.resolve(returns),
    sales: () => Promise.resolve(sales),
    storeId: 'hcm-q1',
    now: () => new Date('2026-11-23T10:00:00.000Z'),
    newId: (prefix) => `${prefix}_${++next}`,
  });
}

const spend = (
  number: string,
  amount: number,
  tenderKind: 'store-credit' | 'gift-card' = 'store-credit',
) => ({
  tenderKind,
  number,
  amount: minor(amount),
  saleId: 'sale_1',
  currency: 'VND' as const,
});

describe('stored value at an offline register', () => {
  it('spends this store’s own credit note up to its balance, counting spends in the open sale', async () => {
    const svc = service([note(NOTE, 'hcm-q1', 100_000)]);
    const first = await svc.reserve(spend(NOTE, 60_000));
    expect(first).toMatchObject({
      ok: true,
      reservation: { mode: 'offline', balanceAfter: 40_000 },
    });
    const second = await svc.reserve(spend(NOTE, 50_000));
    expect(second).toMatchObject({ ok: false, code: 'insufficient-balance', available: 40_000 });
    if (first.ok) await svc.release(first.reservation);
    expect((await svc.reserve(spend(NOTE, 50_000))).ok).toBe(true);
  });

  it('refuses another store’s note and any gift card, saying to take another tender or wait', async () => {
    const svc = service([note(NOTE, 'hn-hk', 100_000)]);
    const foreign = await svc.reserve(spend(NOTE, 1000));
    expect(foreign).toMatchObject({ ok: false, code: 'offline-other-store' });
    expect(!foreign.ok && foreign.message).toContain('wait for the network');
    expect(await svc.reserve(spend('GC1001', 1000, 'gift-card'))).toMatchObject({
      ok: false,
      code: 'offline-gift-card',
    });
  });
});

describe('a credit note the server does not know yet', () => {
  const notFound = {
    ok: false as const,
    offline: false,
    status: 404,
    code: 'not_found',
    reason: 'No credit note or gift card',
    details: {},
  };
  const serverWithout: ServerApi = fakeServerApi(() => notFound);
  function online(returns: ReturnDoc[]) {
    return createStoredValueService({
      api: serverWithout,
      returns: () => Promise.resolve(returns),
      sales: () => Promise.resolve([]),
      storeId: 'hcm-q1',
      now: () => new Date('2026-11-23T10:00:00.000Z'),
      newId: (prefix) => `${prefix}_1`,
    });
  }

  it('is spent under the own-store rule when this store issued it a moment ago (not synced yet)', async () => {
    const svc = online([note(NOTE, 'hcm-q1', 50_000)]);
    expect(await svc.reserve(spend(NOTE, 47_000))).toMatchObject({
      ok: true,
      reservation: { mode: 'offline', balanceAfter: 3_000 },
    });
    expect(await svc.reserve(spend(NOTE, 5_000))).toMatchObject({
      ok: false,
      code: 'insufficient-balance',
      available: 3_000,
    });
  });

  it('is unknown when this register holds no such note of its store', async () => {
    expect(await online([]).reserve(spend(NOTE, 1000))).toMatchObject({
      ok: false,
      code: 'unknown-number',
    });
    expect(await online([note(NOTE, 'hn-hk', 50_000)]).reserve(spend(NOTE, 1000))).toMatchObject({
      ok: false,
      code: 'unknown-number',
    });
  });
});
