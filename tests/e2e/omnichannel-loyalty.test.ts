/**
 * Loyalty at the counter, through the redemption service the points tender uses
 * (renderer/loyalty/loyalty-redemption.ts), against a real sync-server process. The sell
 * screen's points tender is the cashier area's; until it is wired to this service, the service
 * is driven here directly, as the register would drive it:
 *   (4) points earned on the web are held online for a sale, released when the sale is voided,
 *       and redeemed when a sale completes;
 *   (5) offline, a redemption within the store's allowance goes through and is written on the
 *       register; one beyond it is refused with a message that says what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc } from '../../src/documents';
import { loyaltyBalance } from '../../src/loyalty';
import { minor } from '../../src/money';
import { createLoyaltyRedemption, loyaltyDisplay } from '../../renderer/loyalty/loyalty-redemption';
import type { Reservation } from '../../renderer/loyalty/loyalty-redemption';
import { createServerApi } from '../../renderer/platform/server-api';
import { DEFAULT_LOYALTY_SETTINGS } from '../../src/loyalty';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';
import {
  api,
  placeWebOrder,
  pushDocs,
  startServer,
  webEarnEntry,
} from './helpers/omnichannel-counter';
import type { PlacedOrder } from './helpers/omnichannel-counter';

let counter = 0;
const newId = (prefix: string) => `${prefix}_TEST${String(++counter).padStart(6, '0')}`;

describe('redeeming web-earned points at the counter', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;
  let order: PlacedOrder;
  const written: LoyaltyEntryDoc[] = [];

  beforeAll(async () => {
    server = await startServer();
    register = await server.enrollDevice('hcm-q1', 'till 1');
    order = await placeWebOrder(server, {
      externalId: 'SHOP-POINTS-1',
      customer: { name: 'Phạm Thu Dung', email: 'dung@example.vn' },
      lines: [{ lineId: 'l1', sku: 'SKU000001', name: 'Cà phê', quantity: 20, unitPrice: 25000 }],
      prepaid: 500000,
    });
    await pushDocs(server, 'loyalty', [webEarnEntry(order.customerId, order.orderId, 50)]);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const online = () =>
    createLoyaltyRedemption({
      api: createServerApi({
        apiUrl: `${server.url}/api/v1`,
        deviceId: register.deviceId,
        deviceSecret: register.secret,
      }),
      ledger: () => Promise.resolve(written),
      writeEntry: (entry) => {
        written.push(entry);
        return Promise.resolve();
      },
      settings: () => DEFAULT_LOYALTY_SETTINGS,
      storeId: 'hcm-q1',
      deviceId: register.deviceId,
      now: () => new Date(),
      newId,
      timeZone: () => 'Asia/Ho_Chi_Minh',
    });

  const available = async () =>
    (await api<{ loyalty: { available: number } }>(server, `/api/v1/customers/${order.customerId}`))
      .body.loyalty.available;

  it('sees the web points, holds 20 for a sale and gives them back when the sale is voided', async () => {
    const service = online();
    await expect(service.balance(order.customerId)).resolves.toEqual({
      available: 50,
      source: 'server',
    });
    const held = await service.reserve({
      customerId: order.customerId,
      points: 20,
      saleId: 'sale_VOIDED1',
      saleTotal: minor(100_000),
    });
    expect(held).toMatchObject({
      ok: true,
      reservation: { mode: 'online', points: 20, value: 20_000, availableAfter: 30 },
    });
    await expect(available()).resolves.toBe(30);
    const released = await service.release((held as { reservation: Reservation }).reservation);
    expect(released).toEqual({ ok: true, mode: 'online' });
    await expect(available()).resolves.toBe(50);
    expect(loyaltyDisplay(50, 20, 3)).toEqual({
      balanceBefore: 50,
      pointsEarned: 3,
      balanceAfter: 33,
    });
  });

  it('redeems on a completed sale, once, and refuses what the customer does not have', async () => {
    const service = online();
    const request = {
      customerId: order.customerId,
      points: 20,
      saleId: 'sale_DONE1',
      saleTotal: minor(100_000),
      idempotencyKey: 'sale_DONE1:1',
    };
    const held = await service.reserve(request);
    if (!held.ok) throw new Error(held.message);
    // A retry after a lost reply names the same hold.
    const again = await service.reserve(request);
    expect(
      again.ok &&
        again.reservation.mode === 'online' &&
        held.reservation.mode === 'online' &&
        again.reservation.holdId === held.reservation.holdId,
    ).toBe(true);
    await expect(service.confirm(held.reservation)).resolves.toEqual({ ok: true, mode: 'online' });
    await expect(service.confirm(held.reservation)).resolves.toEqual({ ok: true, mode: 'online' });
    await expect(available()).resolves.toBe(30);

    const tooMany = await service.reserve({
      ...request,
      points: 40,
      saleId: 'sale_BIG',
      saleTotal: minor(200_000),
      idempotencyKey: 'sale_BIG:1',
    });
    expect(tooMany).toMatchObject({ ok: false, code: 'insufficient-points', maxPoints: 30 });
    const overShare = await service.reserve({
      ...request,
      points: 30,
      saleId: 'sale_SMALL',
      saleTotal: minor(40_000),
      idempotencyKey: 'sale_SMALL:1',
    });
    expect(overShare).toMatchObject({ ok: false, code: 'sale-share', maxPoints: 20 });
  });

  it('offline, redeems within the allowance and refuses beyond it, saying what to do', async () => {
    const ledger: LoyaltyEntryDoc[] = [
      {
        ...webEarnEntry(order.customerId, order.orderId, 50),
        kind: 'earn',
        channel: 'web',
      },
    ];
    const offline = createLoyaltyRedemption({
      // Nothing listens here: the register is offline.
      api: createServerApi({
        apiUrl: 'http://127.0.0.1:9/api/v1',
        deviceId: register.deviceId,
        deviceSecret: register.secret,
      }),
      ledger: () => Promise.resolve(ledger),
      writeEntry: (entry) => {
        ledger.push(entry);
        return Promise.resolve();
      },
      settings: () => ({
        ...DEFAULT_LOYALTY_SETTINGS,
        offline: { enabled: true, perCustomerPerDayPoints: 20, perStorePerDayPoints: 500 },
      }),
      storeId: 'hcm-q1',
      deviceId: register.deviceId,
      now: () => new Date(),
      newId,
      timeZone: () => 'Asia/Ho_Chi_Minh',
    });
    await expect(offline.balance(order.customerId)).resolves.toEqual({
      available: 50,
      source: 'register',
    });
    const within = await offline.reserve({
      customerId: order.customerId,
      points: 15,
      saleId: 'sale_OFF1',
      saleTotal: minor(100_000),
    });
    expect(within).toMatchObject({
      ok: true,
      reservation: { mode: 'offline', points: 15, availableAfter: 35 },
    });
    if (!within.ok) return;
    const confirmed = await offline.confirm(within.reservation);
    expect(confirmed).toMatchObject({
      ok: true,
      mode: 'offline',
      entry: { kind: 'redeem', points: -15, idempotencyKey: 'redeem:sale_OFF1', storeId: 'hcm-q1' },
    });
    expect(loyaltyBalance(ledger, order.customerId).available).toBe(35);

    const beyond = await offline.reserve({
      customerId: order.customerId,
      points: 10,
      saleId: 'sale_OFF2',
      saleTotal: minor(100_000),
    });
    expect(beyond).toMatchObject({
      ok: false,
      code: 'offline-limit',
      maxPoints: 5,
      limit: 'customer-daily-limit',
    });
    expect(beyond.ok ? '' : beyond.message).toBe(
      "Offline, at most 5 points can be redeemed now (the customer's daily offline limit); redeem 5 or fewer, or wait until the register is back online.",
    );
  });
});
