import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc } from '../../../src/documents';
import {
  adjustEntry,
  derivedIdempotencyKey,
  DEVICE_ENTRY_KINDS,
  earnEntry,
  releaseEntry,
  reverseEntry,
  redeemEntry,
  reviewOfflineRedemption,
  sameLedgerFact,
  uniqueEntries,
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
    minimumRedemptionPoints: 10,
    maxRedemptionShareBp: 5_000,
    expiryDays: 365,
    holdMinutes: 15,
  },
  offline: { enabled: true, perCustomerPerDayPoints: 500, perStorePerDayPoints: 5_000 },
};
const AT = '2026-11-23T10:00:00.000Z';
const context = (id: string) => ({ id, createdAt: AT, channel: 'store' as const, storeId: 's1' });
const subject = { customerId: 'cust_1', sourceId: 'sale_1' };

describe('idempotency keys derived from the entry itself', () => {
  it('are the keys the builders write, for every kind a register or the server makes', () => {
    const earn = earnEntry(subject, 40, SETTINGS.program, context('loy_e'));
    const redeem = redeemEntry(subject, 20, context('loy_r'));
    const hold: LoyaltyEntryDoc = {
      ...context('loy_h'),
      ...subject,
      kind: 'hold',
      points: -20,
      idempotencyKey: 'hold:loy_h',
      holdExpiresAt: AT,
    };
    const entries = [
      earn,
      redeem,
      hold,
      releaseEntry(hold, context('loy_rel')),
      reverseEntry(earn, 10, { sourceId: 'ret_1' }, [earn], context('loy_rev')),
      adjustEntry(subject, 5, 'goodwill', context('loy_a')),
    ];
    for (const entry of entries) expect(derivedIdempotencyKey(entry)).toBe(entry.idempotencyKey);
  });

  it('let a register write earn, redeem, reverse and release only', () => {
    expect([...DEVICE_ENTRY_KINDS].sort()).toEqual(['earn', 'redeem', 'release', 'reverse']);
  });
});

describe('the same fact under two ids', () => {
  it('is the same fact when only the id, the time and the writer differ (either survives)', () => {
    const register = redeemEntry(subject, 20, { ...context('loy_b'), deviceId: 'dev_1' });
    const server = redeemEntry(subject, 20, { ...context('loy_a'), createdAt: AT });
    expect(sameLedgerFact(register, server)).toBe(true);
  });

  it('is another fact when the points differ: keeping the smallest id would erase the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (a, b) => {
          fc.pre(a !== b);
          const real = redeemEntry(subject, a, context('loy_real'));
          const shadow = redeemEntry(subject, b, context('loy_0000'));
          expect(sameLedgerFact(real, shadow)).toBe(false);
          // What the server prevents: the shadow would be the one counted.
          expect(uniqueEntries([real, shadow])).toEqual([shadow]);
        },
      ),
    );
  });
});

describe('an offline redemption as the server reviews it', () => {
  const earned = earnEntry({ customerId: 'cust_1', sourceId: 'sale_0' }, 100, SETTINGS.program, {
    ...context('loy_e0'),
    createdAt: '2026-11-20T10:00:00.000Z',
  });
  const review = (points: number, saleTotal = 1_000_000, settings = SETTINGS) =>
    reviewOfflineRedemption(
      { customerId: 'cust_1', points, saleTotal: minor(saleTotal), entries: [earned], at: AT },
      settings,
    );

  it('accepts what a register could allow, flags an overdraft, refuses what none could', () => {
    expect(review(80)).toEqual({ refusal: null, overdrawn: false, overDailyLimit: false });
    expect(review(300)).toEqual({ refusal: null, overdrawn: true, overDailyLimit: false });
    expect(review(501, 2_000_000).refusal).toBe('customer-daily-limit');
    expect(review(450, 800_000).refusal).toBe('sale-share');
    expect(review(5).refusal).toBe('below-minimum');
    expect(
      review(20, 1_000_000, { ...SETTINGS, offline: { ...SETTINGS.offline, enabled: false } })
        .refusal,
    ).toBe('offline-disabled');
  });

  it('flags (never refuses) a day’s cap passed together with redemptions elsewhere', () => {
    const elsewhere = redeemEntry({ customerId: 'cust_1', sourceId: 'sale_x' }, 400, {
      ...context('loy_x'),
      createdAt: '2026-11-23T08:00:00.000Z',
      storeId: 's2',
    });
    const result = reviewOfflineRedemption(
      {
        customerId: 'cust_1',
        points: 200,
        saleTotal: minor(1_000_000),
        entries: [earned, elsewhere],
        at: AT,
      },
      SETTINGS,
    );
    expect(result).toEqual({ refusal: null, overdrawn: true, overDailyLimit: true });
  });
});
