import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc, LoyaltyEntryKind } from '../../../src/documents';
import {
  dueExpiries,
  earnExpiry,
  expireEntry,
  loyaltyBalance,
  pointsToEarn,
  qualifyingPoints,
  redeemablePoints,
  releaseEntry,
  tierStanding,
} from '../../../src/loyalty';
import type { LoyaltyProgramRules } from '../../../src/loyalty';
import { minor } from '../../../src/money';

const PROGRAM: LoyaltyProgramRules = {
  earnPoints: 1,
  earnSpend: minor(10_000),
  categoryMultipliers: [
    { categoryId: 'fresh', multiplierBp: 20_000 },
    { categoryId: 'tobacco', multiplierBp: 0 },
  ],
  tiers: [
    {
      id: 'gold',
      name: { vi: 'Vàng', en: 'Gold' },
      thresholdPoints: 5_000,
      earnMultiplierBp: 15_000,
    },
    {
      id: 'silver',
      name: { vi: 'Bạc', en: 'Silver' },
      thresholdPoints: 1_000,
      earnMultiplierBp: 12_000,
    },
  ],
  tierWindowDays: 365,
  pointValue: minor(1_000),
  minimumRedemptionPoints: 50,
  maxRedemptionShareBp: 5_000,
  expiryDays: 365,
  holdMinutes: 15,
};

const CUSTOMER = 'cust_01';
let serial = 0;
function entry(
  kind: LoyaltyEntryKind,
  points: number,
  createdAt: string,
  extra: Partial<LoyaltyEntryDoc> = {},
): LoyaltyEntryDoc {
  serial += 1;
  const id = `loy_${String(serial).padStart(6, '0')}`;
  return {
    id,
    customerId: CUSTOMER,
    kind,
    points,
    channel: 'store',
    storeId: 'hcm-01',
    sourceId: `sale_${serial}`,
    idempotencyKey: `${kind}:${id}`,
    createdAt,
    ...extra,
  };
}
const line = (net: number, categoryId = 'grocery') => ({ net: minor(net), categoryId });

describe('points to earn for a priced sale', () => {
  it('1 point per 10,000 ₫: 255,000 ₫ earns 25 points, rounded down once', () => {
    expect(pointsToEarn({ lines: [line(255_000)] }, PROGRAM)).toBe(25);
  });

  it('rounds on the whole sale, not per line: ten 9,000 ₫ items earn 9, not 0', () => {
    const lines = Array.from({ length: 10 }, () => line(9_000));
    expect(pointsToEarn({ lines }, PROGRAM)).toBe(9);
  });

  it('fresh food earns double, tobacco nothing', () => {
    const lines = [line(100_000, 'fresh'), line(100_000, 'tobacco'), line(50_000)];
    expect(pointsToEarn({ lines }, PROGRAM)).toBe(25);
  });

  it('a gold member earns ×1.5', () => {
    const gold = PROGRAM.tiers[0] ?? null;
    expect(pointsToEarn({ lines: [line(200_000)], tier: gold }, PROGRAM)).toBe(30);
  });

  it('the part paid with points earns nothing', () => {
    const input = { lines: [line(200_000, 'fresh')], notEarningAmount: minor(50_000) };
    expect(pointsToEarn(input, PROGRAM)).toBe(30);
  });

  it('an exchange that nets below zero earns nothing', () => {
    expect(pointsToEarn({ lines: [line(50_000), line(-80_000)] }, PROGRAM)).toBe(0);
  });

  it('USD program: 1 point per $1 (100 cents)', () => {
    const usd = { ...PROGRAM, earnSpend: minor(100), categoryMultipliers: [] };
    expect(pointsToEarn({ lines: [line(1_999), line(1)] }, usd)).toBe(20);
  });
});

describe('tiers on points earned in the last 365 days', () => {
  const asOf = '2025-06-01T00:00:00.000Z';

  it('counts only earnings in the window, so a lapsed year drops the tier', () => {
    const entries = [
      entry('earn', 4_000, '2024-05-01T00:00:00.000Z'), // outside the window
      entry('earn', 1_500, '2025-01-10T00:00:00.000Z'),
      entry('redeem', -1_000, '2025-02-01T00:00:00.000Z'), // spending never lowers a tier
    ];
    const standing = tierStanding(entries, CUSTOMER, PROGRAM, asOf);
    expect(standing.tier?.id).toBe('silver');
    expect(standing.qualifyingPoints).toBe(1_500);
    expect(standing.next).toEqual({ tier: PROGRAM.tiers[0], pointsNeeded: 3_500 });
  });

  it('lifetime programs count every earning', () => {
    const lifetime = { ...PROGRAM, tierWindowDays: null };
    const entries = [entry('earn', 4_000, '2020-05-01T00:00:00.000Z'), entry('earn', 1_000, asOf)];
    expect(tierStanding(entries, CUSTOMER, lifetime, asOf).tier?.id).toBe('gold');
  });

  it('a return reverses qualifying points in the window of the sale it undoes', () => {
    const oldEarn = entry('earn', 900, '2024-01-01T00:00:00.000Z');
    const recentEarn = entry('earn', 1_200, '2025-05-01T00:00:00.000Z');
    const returnOfOld = entry('reverse', -900, '2025-05-02T00:00:00.000Z', {
      refersTo: oldEarn.id,
    });
    const entries = [oldEarn, recentEarn, returnOfOld];
    expect(qualifyingPoints(entries, CUSTOMER, PROGRAM, asOf)).toBe(1_200);
  });

  it('no tier below the lowest threshold', () => {
    const standing = tierStanding([entry('earn', 10, asOf)], CUSTOMER, PROGRAM, asOf);
    expect(standing.tier).toBeNull();
    expect(standing.next?.tier.id).toBe('silver');
  });
});

describe('how much may be redeemed', () => {
  it('at most half of a 100,000 ₫ sale: 50 points', () => {
    expect(redeemablePoints({ available: 400, saleTotal: minor(100_000) }, PROGRAM)).toEqual({
      maxPoints: 50,
      value: 50_000,
      limitedBy: 'sale-share',
    });
  });

  it('below the minimum redemption, nothing', () => {
    expect(redeemablePoints({ available: 49, saleTotal: minor(1_000_000) }, PROGRAM)).toEqual({
      maxPoints: 0,
      value: 0,
      limitedBy: 'below-minimum',
    });
  });

  it('limited by the balance, and nothing when there is none', () => {
    const sale = minor(1_000_000);
    expect(redeemablePoints({ available: 120, saleTotal: sale }, PROGRAM).limitedBy).toBe(
      'balance',
    );
    expect(redeemablePoints({ available: -5, saleTotal: sale }, PROGRAM).limitedBy).toBe(
      'no-points',
    );
  });

  it('a request that fits is granted as asked', () => {
    const allowance = redeemablePoints(
      { available: 400, saleTotal: minor(1_000_000), requested: 100 },
      PROGRAM,
    );
    expect(allowance).toEqual({ maxPoints: 100, value: 100_000, limitedBy: null });
  });

  it('never lets points pay more than the allowed share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e10 }),
        (available, total) => {
          const { maxPoints, value } = redeemablePoints(
            { available, saleTotal: minor(total) },
            PROGRAM,
          );
          expect(maxPoints).toBeLessThanOrEqual(available);
          expect(value * 10_000).toBeLessThanOrEqual(total * PROGRAM.maxRedemptionShareBp);
          expect(maxPoints === 0 || maxPoints >= PROGRAM.minimumRedemptionPoints).toBe(true);
        },
      ),
    );
  });
});

describe('expiry as entries', () => {
  const lot = (points: number, createdAt: string) => {
    const expiresAt = earnExpiry(createdAt, PROGRAM);
    return entry('earn', points, createdAt, expiresAt === undefined ? {} : { expiresAt });
  };
  const writeAll = (entries: LoyaltyEntryDoc[], asOf: string) =>
    dueExpiries(entries, asOf).map((due, index) =>
      expireEntry(due, { id: `loy_exp${index}_${asOf}`, createdAt: asOf, channel: 'care' }),
    );

  it('points expire 365 days after earning', () => {
    expect(earnExpiry('2025-01-01T10:00:00.000Z', PROGRAM)).toBe('2026-01-01T10:00:00.000Z');
    expect(
      earnExpiry('2025-01-01T10:00:00.000Z', { ...PROGRAM, expiryDays: null }),
    ).toBeUndefined();
  });

  it('spending uses the points that expire first; only the unspent rest lapses', () => {
    const older = lot(100, '2024-01-01T00:00:00.000Z');
    const newer = lot(50, '2024-03-01T00:00:00.000Z');
    const entries = [older, newer, entry('redeem', -120, '2024-06-01T00:00:00.000Z')];
    expect(dueExpiries(entries, '2025-01-02T00:00:00.000Z')).toEqual([]);
    const due = dueExpiries(entries, '2025-03-02T00:00:00.000Z');
    expect(due).toEqual([
      { customerId: CUSTOMER, lot: newer, points: 30, idempotencyKey: `expire:${newer.id}:1` },
    ]);
    const expired = [...entries, ...writeAll(entries, '2025-03-02T00:00:00.000Z')];
    expect(loyaltyBalance(expired, CUSTOMER)).toMatchObject({ expired: 30, available: 0 });
    expect(dueExpiries(expired, '2025-03-03T00:00:00.000Z')).toEqual([]);
  });

  it('held points do not lapse under an open sale; released, they lapse on the next run', () => {
    const earned = lot(100, '2024-01-01T00:00:00.000Z');
    const hold = entry('hold', -80, '2024-12-31T23:55:00.000Z');
    const asOf = '2025-01-01T00:00:00.000Z';
    expect(dueExpiries([earned, hold], asOf).map((due) => due.points)).toEqual([20]);
    const first = writeAll([earned, hold], asOf);
    const release = releaseEntry(hold, { id: 'loy_rel', createdAt: asOf, channel: 'care' });
    const later = [earned, hold, ...first, release];
    const second = dueExpiries(later, '2025-01-01T00:10:00.000Z');
    expect(second.map((due) => [due.points, due.idempotencyKey])).toEqual([
      [80, `expire:${earned.id}:2`],
    ]);
  });

  it('a return of an expired lot takes back only what had not lapsed', () => {
    const earned = lot(100, '2024-01-01T00:00:00.000Z');
    const reverse = entry('reverse', -40, '2024-02-01T00:00:00.000Z', { refersTo: earned.id });
    expect(dueExpiries([earned, reverse], '2025-02-01T00:00:00.000Z')[0]?.points).toBe(60);
  });

  it('after expiry runs, no lot is ever left negative and the balance never goes below zero', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            earn: fc.boolean(),
            points: fc.integer({ min: 1, max: 500 }),
            day: fc.integer({ min: 0, max: 700 }),
          }),
          { maxLength: 30 },
        ),
        (steps) => {
          let entries: LoyaltyEntryDoc[] = [];
          for (const step of steps.sort((a, b) => a.day - b.day)) {
            const at = new Date(Date.UTC(2024, 0, 1) + step.day * 86_400_000).toISOString();
            entries = [...entries, ...writeAll(entries, at)];
            const available = loyaltyBalance(entries, CUSTOMER).available;
            if (step.earn) entries.push(lot(step.points, at));
            else if (available > 0)
              entries.push(entry('redeem', -Math.min(available, step.points), at));
          }
          entries = [...entries, ...writeAll(entries, '2030-01-01T00:00:00.000Z')];
          expect(loyaltyBalance(entries, CUSTOMER).available).toBe(0);
        },
      ),
    );
  });
});
