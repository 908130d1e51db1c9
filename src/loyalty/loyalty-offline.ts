/**
 * Redeeming points while the register cannot reach the server (ARCHITECTURE.md rule 4). Online,
 * the server holds the points and is the authority. Offline, the register trusts its replica
 * only up to the retailer's daily caps, so the worst a stale replica or a customer redeeming in
 * two stores at once can cost is bounded; `findOverdrafts` catches every breach at sync.
 */
import { ZERO } from '../money';
import type { Minor } from '../money';
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import { LoyaltyError, loyaltyBalance, uniqueEntries } from './loyalty-ledger';
import { applyCaps, saleShareCap } from './loyalty-program';
import type { RedemptionLimit } from './loyalty-program';
import type { LoyaltySettings } from '../documents/parts/loyalty-settings';

const DAY_MS = 86_400_000;

export interface OfflineRedemptionInput {
  customerId: string;
  storeId: string;
  /** Every entry the register holds: the customer's (replicated before going offline) and its store's. */
  entries: Iterable<LoyaltyEntryDoc>;
  saleTotal: Minor;
  /** Points the cashier asked for; the allowance never exceeds it. Omit to ask for the most. */
  requested?: number;
  /** Start of the store's business day, an instant; the caller knows the store's time zone. */
  dayStart: string;
}

export interface OfflineAllowance {
  allowedPoints: number;
  value: Minor;
  /** Why nothing may be redeemed (`allowedPoints` is 0) or what capped the amount; else null. */
  reason: RedemptionLimit | null;
}

/**
 * Points redeemed (net of voided redemptions) by the entries that match, during the business day.
 * Every redemption counts, online or offline: the register cannot tell them apart, and counting
 * both only makes the cap safer.
 */
function redeemedDuring(
  entries: readonly LoyaltyEntryDoc[],
  matches: (entry: LoyaltyEntryDoc) => boolean,
  from: number,
): number {
  let redeemed = 0;
  for (const entry of entries) {
    const at = Date.parse(entry.createdAt);
    if (!matches(entry) || at < from || at >= from + DAY_MS) continue;
    if (entry.kind === 'redeem') redeemed -= entry.points;
    if (entry.kind === 'reverse' && entry.points > 0) redeemed -= entry.points;
  }
  return Math.max(0, redeemed);
}

/**
 * How many points this register may redeem for this customer right now, offline: the smallest of
 * the replica's balance, the program's share of the sale, what is left of the customer's daily
 * cap and of the store's daily cap; nothing when offline redemption is off or the result falls
 * below the program's minimum.
 */
export function offlineRedemptionAllowance(
  input: OfflineRedemptionInput,
  settings: LoyaltySettings,
): OfflineAllowance {
  const { program, offline } = settings;
  if (!offline.enabled) {
    return { allowedPoints: 0, value: ZERO, reason: 'offline-disabled' };
  }
  const from = Date.parse(input.dayStart);
  if (Number.isNaN(from)) {
    throw new LoyaltyError('bad-time', `"${input.dayStart}" is not a time.`);
  }
  const entries = uniqueEntries(input.entries);
  const available = loyaltyBalance(entries, input.customerId).available;
  const customerToday = redeemedDuring(
    entries,
    (entry) => entry.customerId === input.customerId,
    from,
  );
  const storeToday = redeemedDuring(entries, (entry) => entry.storeId === input.storeId, from);
  const allowance = applyCaps(
    [
      ['balance', Math.max(0, available)],
      ['sale-share', saleShareCap(input.saleTotal, program)],
      ['customer-daily-limit', offline.perCustomerPerDayPoints - customerToday],
      ['store-daily-limit', offline.perStorePerDayPoints - storeToday],
    ],
    input.requested,
    program,
  );
  return {
    allowedPoints: allowance.maxPoints,
    value: allowance.value,
    reason: allowance.limitedBy,
  };
}

export type OfflineRedemptionRefusal =
  'offline-disabled' | 'sale-share' | 'customer-daily-limit' | 'below-minimum';

export interface OfflineRedemptionReview {
  /** Why no register could have allowed it offline, or null. */
  refusal: OfflineRedemptionRefusal | null;
  /** What a register could not have known: set when the redemption is accepted for review. */
  overdrawn: boolean;
  overDailyLimit: boolean;
}

/**
 * The server's view of a redemption a register made without a hold (offline): refused when no
 * register could have allowed it (offline redemption off, more than the sale's share, below the
 * minimum, more than one customer's daily cap on its own), else accepted; `overdrawn` and
 * `overDailyLimit` say what the register could not have seen (redemptions in other stores), for
 * a flag. `entries` are the customer's known entries without this redemption.
 */
export function reviewOfflineRedemption(
  input: {
    customerId: string;
    points: number;
    saleTotal: Minor;
    entries: Iterable<LoyaltyEntryDoc>;
    /** When the redemption was made; the day is the 24 hours up to it. */
    at: string;
  },
  settings: LoyaltySettings,
): OfflineRedemptionReview {
  const { program, offline } = settings;
  const at = Date.parse(input.at);
  if (Number.isNaN(at)) throw new LoyaltyError('bad-time', `"${input.at}" is not a time.`);
  const entries = uniqueEntries(input.entries);
  const review = (refusal: OfflineRedemptionRefusal | null): OfflineRedemptionReview => ({
    refusal,
    overdrawn: loyaltyBalance(entries, input.customerId).available < input.points,
    overDailyLimit:
      redeemedDuring(entries, (entry) => entry.customerId === input.customerId, at - DAY_MS) +
        input.points >
      offline.perCustomerPerDayPoints,
  });
  if (!offline.enabled) return review('offline-disabled');
  if (input.points > saleShareCap(input.saleTotal, program)) return review('sale-share');
  if (input.points < program.minimumRedemptionPoints) return review('below-minimum');
  if (input.points > offline.perCustomerPerDayPoints) return review('customer-daily-limit');
  return review(null);
}
