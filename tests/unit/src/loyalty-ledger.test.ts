import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { loyaltyEntrySchema } from '../../../src/documents';
import type { LoyaltyEntryDoc, LoyaltyEntryKind } from '../../../src/documents';
import {
  LoyaltyError,
  activeHolds,
  adjustEntry,
  earnEntry,
  holdEntry,
  redeemEntry,
  balancesByCustomer,
  lapsedHolds,
  loyaltyBalance,
  loyaltyEntryProblems,
  releaseEntry,
  reverseEntry,
  reversiblePoints,
} from '../../../src/loyalty';
import type { EntryContext, LoyaltyProgramRules } from '../../../src/loyalty';
import { minor } from '../../../src/money';

const CUSTOMER = 'cust_01';
let serial = 0;

function entry(kind: LoyaltyEntryKind, points: number, extra: Partial<LoyaltyEntryDoc> = {}) {
  serial += 1;
  const id = `loy_${String(serial).padStart(6, '0')}`;
  const doc: LoyaltyEntryDoc = {
    id,
    customerId: CUSTOMER,
    kind,
    points,
    channel: 'store',
    storeId: 'hcm-01',
    deviceId: 'reg-1',
    sourceId: `sale_${serial}`,
    idempotencyKey: `${kind}:${id}`,
    createdAt: '2025-03-01T03:00:00.000Z',
    ...(kind === 'hold' ? { holdExpiresAt: '2025-03-01T03:15:00.000Z' } : {}),
    ...extra,
  };
  return doc;
}

function context(createdAt = '2025-03-01T04:00:00.000Z'): EntryContext {
  serial += 1;
  return { id: `loy_ctx${serial}`, createdAt, channel: 'store', storeId: 'hcm-01' };
}

describe('loyalty ledger: scenarios', () => {
  it('earn 120, redeem 50, hold 30: 40 available, each part a sum', () => {
    const entries = [entry('earn', 120), entry('redeem', -50), entry('hold', -30)];
    expect(loyaltyBalance(entries, CUSTOMER)).toEqual({
      earned: 120,
      redeemed: 50,
      held: 30,
      expired: 0,
      adjusted: 0,
      available: 40,
    });
  });

  it('the same redemption synced twice under two ids counts once', () => {
    const first = entry('redeem', -50, { idempotencyKey: 'redeem:sale_9' });
    const retry = entry('redeem', -50, { idempotencyKey: 'redeem:sale_9' });
    const entries = [entry('earn', 100), retry, first, first];
    expect(loyaltyBalance(entries, CUSTOMER).available).toBe(50);
  });

  it('hold, then release: the points are available again', () => {
    const earn = entry('earn', 100);
    const hold = entry('hold', -60);
    expect(loyaltyBalance([earn, hold], CUSTOMER).available).toBe(40);
    const release = releaseEntry(hold, context());
    expect(release).toMatchObject({ kind: 'release', points: 60, refersTo: hold.id });
    expect(loyaltyBalance([earn, hold, release], CUSTOMER).available).toBe(100);
    expect(activeHolds([earn, hold, release], CUSTOMER)).toEqual([]);
  });

  it('completing a held redemption: release and redeem, nothing left held', () => {
    const earn = entry('earn', 100);
    const hold = entry('hold', -60);
    const redeem = entry('redeem', -60, { idempotencyKey: 'redeem:sale_1' });
    const balance = loyaltyBalance([earn, hold, releaseEntry(hold, context()), redeem], CUSTOMER);
    expect(balance).toMatchObject({ held: 0, redeemed: 60, available: 40 });
  });

  it('a register and the server releasing the same hold release it once', () => {
    const hold = entry('hold', -60);
    const byRegister = releaseEntry(hold, context());
    const byServer = releaseEntry(hold, { ...context(), channel: 'care' });
    const balance = loyaltyBalance([entry('earn', 100), hold, byServer, byRegister], CUSTOMER);
    expect(balance.available).toBe(100);
  });

  it('a return takes part of the earned points back; more than earned is refused', () => {
    const earn = entry('earn', 40);
    const reverse = reverseEntry(earn, 15, { sourceId: 'ret_1' }, [earn], context());
    expect(reverse).toMatchObject({ kind: 'reverse', points: -15, refersTo: earn.id });
    expect(reversiblePoints(earn, [earn, reverse])).toBe(25);
    expect(loyaltyBalance([earn, reverse], CUSTOMER)).toMatchObject({ earned: 25, available: 25 });
    expect(() => reverseEntry(earn, 26, { sourceId: 'ret_2' }, [earn, reverse], context())).toThrow(
      /only 25 remain/,
    );
  });

  it('voiding a sale gives redeemed points back', () => {
    const redeem = entry('redeem', -30);
    const reverse = reverseEntry(redeem, 30, { sourceId: 'sale_void' }, [redeem], context());
    expect(reverse.points).toBe(30);
    const balance = loyaltyBalance([entry('earn', 50), redeem, reverse], CUSTOMER);
    expect(balance).toMatchObject({ redeemed: 0, available: 50 });
  });

  it('lists holds past their expiry for the server to release', () => {
    const lapsed = entry('hold', -10, { holdExpiresAt: '2025-03-01T03:15:00.000Z' });
    const fresh = entry('hold', -10, { holdExpiresAt: '2025-03-01T05:00:00.000Z' });
    const released = entry('hold', -10, { holdExpiresAt: '2025-03-01T03:15:00.000Z' });
    const entries = [lapsed, fresh, released, releaseEntry(released, context())];
    expect(lapsedHolds(entries, '2025-03-01T04:00:00.000Z').map((e) => e.id)).toEqual([lapsed.id]);
  });

  it('keeps customers apart', () => {
    const other = entry('earn', 7, { customerId: 'cust_02' });
    const balances = balancesByCustomer([entry('earn', 5), other]);
    expect(balances.get(CUSTOMER)?.available).toBe(5);
    expect(balances.get('cust_02')?.available).toBe(7);
    expect(loyaltyBalance([other], CUSTOMER).available).toBe(0);
  });

  it('flags entries whose sign or references break the rules', () => {
    expect(loyaltyEntryProblems(entry('redeem', 10))).toContain('redeem must be negative');
    expect(loyaltyEntryProblems(entry('adjust', 5))).toContain('adjust needs a reason');
    expect(loyaltyEntryProblems(entry('release', 5))).toContain(
      'release must refer to the entry it undoes',
    );
    expect(loyaltyEntryProblems(entry('adjust', -5, { reason: 'goodwill fix' }))).toEqual([]);
  });

  it('refuses to release what is not a hold', () => {
    expect(() => releaseEntry(entry('earn', 5), context())).toThrow(LoyaltyError);
  });
});

describe('building entries', () => {
  const rules: LoyaltyProgramRules = {
    earnPoints: 1,
    earnSpend: minor(10_000),
    categoryMultipliers: [],
    tiers: [],
    tierWindowDays: 365,
    pointValue: minor(1_000),
    minimumRedemptionPoints: 50,
    maxRedemptionShareBp: 5_000,
    expiryDays: 180,
    holdMinutes: 15,
  };
  const subject = { customerId: CUSTOMER, sourceId: 'sale_42' };

  it('an earning carries its expiry and one key per sale, so a re-sent sale earns once', () => {
    const earn = earnEntry(subject, 25, rules, context('2025-03-01T04:00:00.000Z'));
    expect(earn).toMatchObject({
      kind: 'earn',
      points: 25,
      idempotencyKey: 'earn:sale_42',
      expiresAt: '2025-08-28T04:00:00.000Z',
    });
    const again = earnEntry(subject, 25, rules, context());
    expect(loyaltyBalance([earn, again], CUSTOMER).available).toBe(25);
  });

  it('redeem and hold are negative; a hold lapses after the hold time', () => {
    expect(redeemEntry(subject, 60, context()).points).toBe(-60);
    const hold = holdEntry(subject, 60, rules, context('2025-03-01T04:00:00.000Z'));
    expect(hold).toMatchObject({ points: -60, holdExpiresAt: '2025-03-01T04:15:00.000Z' });
    expect(loyaltyEntryProblems(hold)).toEqual([]);
  });

  it('an adjustment needs a reason and cannot be zero', () => {
    expect(() => adjustEntry(subject, 10, ' ', context())).toThrow(/needs a reason/);
    expect(() => adjustEntry(subject, 0, 'x', context())).toThrow(LoyaltyError);
    expect(adjustEntry(subject, -10, 'duplicate card merged', context()).points).toBe(-10);
  });

  it('refuses to earn fractions of a point', () => {
    expect(() => earnEntry(subject, 2.5, rules, context())).toThrow(/whole number/);
  });
});

describe('loyalty entry schema', () => {
  it('is an RxDB schema and accepts a real entry, rejecting unknown fields', () => {
    checkSchema(loyaltyEntrySchema as never);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(loyaltyEntrySchema);
    const valid = entry('hold', -20, { id: 'loy_01JAB5C3D4E5F6G7H8J9K0MNPQ' });
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, balance: 12 })).toBe(false);
    expect(validate({ ...valid, points: 1.5 })).toBe(false);
  });
});

/** Entries with the signs their kinds demand; unique keys (duplicates are added on purpose). */
const entryArb = fc
  .record({
    kind: fc.constantFrom<LoyaltyEntryKind>(
      'earn',
      'redeem',
      'hold',
      'release',
      'reverse',
      'adjust',
      'expire',
    ),
    magnitude: fc.integer({ min: 1, max: 100_000 }),
    negative: fc.boolean(),
    customer: fc.constantFrom('cust_a', 'cust_b', 'cust_c'),
    minute: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ kind, magnitude, negative, customer, minute }) => {
    const sign =
      kind === 'earn' || kind === 'release'
        ? 1
        : kind === 'reverse' || kind === 'adjust'
          ? negative
            ? -1
            : 1
          : -1;
    return entry(kind, sign * magnitude, {
      customerId: customer,
      createdAt: new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString(),
      reason: 'test',
      refersTo: 'loy_x',
    });
  });

describe('loyalty ledger: properties', () => {
  it('a balance equals the ledger sum whatever the order, and duplicates change nothing', () => {
    fc.assert(
      fc.property(
        fc
          .array(entryArb, { maxLength: 60 })
          .chain((entries) =>
            fc.tuple(
              fc.constant(entries),
              fc.shuffledSubarray(entries, { minLength: entries.length }),
              fc.subarray(entries),
            ),
          ),
        ([entries, shuffled, replayed]) => {
          const duplicates = replayed.map((original) => ({ ...original, id: `${original.id}x` }));
          for (const customer of ['cust_a', 'cust_b', 'cust_c']) {
            const sum = entries
              .filter((e) => e.customerId === customer)
              .reduce((total, e) => total + e.points, 0);
            const inOrder = loyaltyBalance(entries, customer);
            const merged = loyaltyBalance([...duplicates, ...shuffled, ...replayed], customer);
            expect(inOrder.available).toBe(sum);
            expect(merged).toEqual(inOrder);
            const parts =
              inOrder.earned - inOrder.redeemed - inOrder.held - inOrder.expired + inOrder.adjusted;
            expect(parts).toBe(inOrder.available);
          }
        },
      ),
    );
  });

  it('a hold then its release restores what is available', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 50_000 }),
        (entries, points) => {
          const before = loyaltyBalance(entries, 'cust_a');
          const hold = entry('hold', -points, { customerId: 'cust_a' });
          const held = loyaltyBalance([...entries, hold], 'cust_a');
          expect(held.available).toBe(before.available - points);
          const after = loyaltyBalance([...entries, hold, releaseEntry(hold, context())], 'cust_a');
          expect(after).toEqual(before);
        },
      ),
    );
  });
});
