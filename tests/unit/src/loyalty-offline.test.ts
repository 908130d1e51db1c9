import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { storeSettingsSchema } from '../../../src/documents';
import type { LoyaltyEntryDoc, LoyaltyEntryKind } from '../../../src/documents';
import {
  balancesByCustomer,
  findOverdrafts,
  loyaltySettingsSchema,
  offlineRedemptionAllowance,
} from '../../../src/loyalty';
import type { LoyaltySettings } from '../../../src/loyalty';
import { minor } from '../../../src/money';

const SETTINGS: LoyaltySettings = {
  program: {
    earnPoints: 1,
    earnSpend: minor(10_000),
    categoryMultipliers: [],
    tiers: [],
    tierWindowDays: 365,
    pointValue: minor(1_000),
    minimumRedemptionPoints: 50,
    maxRedemptionShareBp: 5_000,
    expiryDays: 365,
    holdMinutes: 15,
  },
  offline: { enabled: true, perCustomerPerDayPoints: 300, perStorePerDayPoints: 1_000 },
};

const TODAY = '2025-03-01T17:00:00.000Z'; // 00:00 in Hồ Chí Minh City (UTC+7)
let serial = 0;
function entry(
  kind: LoyaltyEntryKind,
  points: number,
  extra: Partial<LoyaltyEntryDoc> = {},
): LoyaltyEntryDoc {
  serial += 1;
  const id = `loy_${String(serial).padStart(6, '0')}`;
  return {
    id,
    customerId: 'cust_an',
    kind,
    points,
    channel: 'store',
    storeId: 'hcm-01',
    deviceId: 'reg-1',
    sourceId: `sale_${serial}`,
    idempotencyKey: `${kind}:${id}`,
    createdAt: '2025-03-02T02:00:00.000Z',
    ...extra,
  };
}
const ask = (entries: LoyaltyEntryDoc[], saleTotal: number, requested?: number) =>
  offlineRedemptionAllowance(
    {
      customerId: 'cust_an',
      storeId: 'hcm-01',
      entries,
      saleTotal: minor(saleTotal),
      dayStart: TODAY,
      ...(requested === undefined ? {} : { requested }),
    },
    SETTINGS,
  );

describe('offline redemption allowance', () => {
  const rich = entry('earn', 5_000, { createdAt: '2025-01-01T00:00:00.000Z' });

  it('offline, within every cap: the request is granted', () => {
    expect(ask([rich], 1_000_000, 200)).toEqual({
      allowedPoints: 200,
      value: 200_000,
      reason: null,
    });
  });

  it('refused when the retailer turned offline redemption off', () => {
    const off = { ...SETTINGS, offline: { ...SETTINGS.offline, enabled: false } };
    const result = offlineRedemptionAllowance(
      {
        customerId: 'cust_an',
        storeId: 'hcm-01',
        entries: [rich],
        saleTotal: minor(1e6),
        dayStart: TODAY,
      },
      off,
    );
    expect(result).toEqual({ allowedPoints: 0, value: 0, reason: 'offline-disabled' });
  });

  it("capped by the customer's daily limit; yesterday's redemptions do not count", () => {
    const yesterday = entry('redeem', -300, { createdAt: '2025-03-01T16:59:59.000Z' });
    const thisMorning = entry('redeem', -200, { createdAt: '2025-03-01T18:00:00.000Z' });
    expect(ask([rich, yesterday, thisMorning], 1_000_000)).toEqual({
      allowedPoints: 100,
      value: 100_000,
      reason: 'customer-daily-limit',
    });
  });

  it('a voided redemption gives its room under the cap back', () => {
    const redeem = entry('redeem', -300);
    const voided = entry('reverse', 300, { refersTo: redeem.id });
    expect(ask([rich, redeem, voided], 1_000_000, 250).allowedPoints).toBe(250);
  });

  it("capped by the store's daily limit across customers", () => {
    const others = [1, 2, 3].map((n) =>
      entry('redeem', -300, { customerId: `cust_${n}`, storeId: 'hcm-01' }),
    );
    const elsewhere = entry('redeem', -300, { customerId: 'cust_9', storeId: 'hn-02' });
    expect(ask([rich, ...others, elsewhere], 1_000_000)).toMatchObject({
      allowedPoints: 100,
      reason: 'store-daily-limit',
    });
  });

  it('refused when what is left under the caps is below the minimum redemption', () => {
    const spent = entry('redeem', -260);
    expect(ask([rich, spent], 1_000_000)).toEqual({
      allowedPoints: 0,
      value: 0,
      reason: 'below-minimum',
    });
  });

  it('refused without points on the replica, and limited by the share of the sale', () => {
    expect(ask([], 1_000_000).reason).toBe('no-points');
    expect(ask([rich], 300_000)).toMatchObject({ allowedPoints: 150, reason: 'sale-share' });
  });

  it('never allows more than any cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e8 }),
        (redeemedToday, balance, total) => {
          const entries = [
            entry('earn', balance + redeemedToday.reduce((a, b) => a + b, 0)),
            ...redeemedToday.map((points) => entry('redeem', -points)),
          ];
          const { allowedPoints } = ask(entries, total);
          const today = redeemedToday.reduce((a, b) => a + b, 0);
          expect(allowedPoints).toBeLessThanOrEqual(Math.max(0, 300 - today));
          expect(allowedPoints).toBeLessThanOrEqual(balance);
          expect(allowedPoints * 1_000 * 2).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});

describe('overdrafts found after merge', () => {
  it('two stores spend the same points offline: flagged with both redemptions', () => {
    const earn = entry('earn', 200, { createdAt: '2025-03-01T00:00:00.000Z' });
    const inHcm = entry('redeem', -150, { createdAt: '2025-03-02T02:00:00.000Z' });
    const inHanoi = entry('redeem', -150, {
      storeId: 'hn-02',
      createdAt: '2025-03-02T03:00:00.000Z',
    });
    expect(findOverdrafts([inHanoi, earn, inHcm])).toEqual([
      { customerId: 'cust_an', available: -100, causedBy: [inHanoi], writtenAt: ['hn-02'] },
    ]);
  });

  it('lists every entry that dug deeper since the balance was last not negative', () => {
    const web = entry('redeem', -50, {
      storeId: undefined,
      channel: 'web',
      createdAt: '2025-03-02T04:00:00.000Z',
    });
    const entries = [
      entry('earn', 100, { createdAt: '2025-03-01T00:00:00.000Z' }),
      entry('redeem', -120, { createdAt: '2025-03-02T02:00:00.000Z' }),
      entry('earn', 10, { createdAt: '2025-03-02T03:00:00.000Z' }),
      web,
    ];
    const [overdraft] = findOverdrafts(entries);
    expect(overdraft?.available).toBe(-60);
    expect(overdraft?.causedBy.map((e) => e.points)).toEqual([-120, -50]);
    expect(overdraft?.writtenAt).toEqual(['hcm-01', 'web']);
  });

  it('a dip that later earnings covered is not an overdraft now', () => {
    const entries = [
      entry('redeem', -50, { createdAt: '2025-03-01T00:00:00.000Z' }),
      entry('earn', 80, { createdAt: '2025-03-02T00:00:00.000Z' }),
    ];
    expect(findOverdrafts(entries)).toEqual([]);
  });

  it('flags exactly the customers whose merged balance is negative', () => {
    const arb = fc.record({
      customer: fc.constantFrom('cust_a', 'cust_b', 'cust_c', 'cust_d'),
      points: fc.integer({ min: -500, max: 500 }).filter((p) => p !== 0),
      minute: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (steps) => {
        const entries = steps.map((step) =>
          entry(step.points > 0 ? 'earn' : 'redeem', step.points, {
            customerId: step.customer,
            createdAt: new Date(Date.UTC(2025, 0, 1) + step.minute * 60_000).toISOString(),
          }),
        );
        const negative = [...balancesByCustomer(entries)]
          .filter(([, balance]) => balance.available < 0)
          .map(([customer]) => customer)
          .sort();
        const found = findOverdrafts(entries);
        expect(found.map((overdraft) => overdraft.customerId)).toEqual(negative);
        for (const overdraft of found) {
          expect(overdraft.causedBy.length).toBeGreaterThan(0);
          expect(overdraft.causedBy.every((e) => e.points < 0)).toBe(true);
        }
      }),
    );
  });
});

describe('the loyalty section of store settings', () => {
  it('validates with the store settings schema, which stays an RxDB schema', () => {
    checkSchema(storeSettingsSchema as never);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(loyaltySettingsSchema);
    expect(validate(SETTINGS)).toBe(true);
    expect(validate({ ...SETTINGS, program: { ...SETTINGS.program, pointValue: 1.5 } })).toBe(
      false,
    );
    expect(validate({ ...SETTINGS, offline: { enabled: true } })).toBe(false);
    expect(storeSettingsSchema.properties.loyalty).toBe(loyaltySettingsSchema);
  });
});
