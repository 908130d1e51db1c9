/**
 * The program's arithmetic: points earned for a sale, the customer's tier, what points are
 * worth, and how many a customer may redeem. Takes plain inputs (line nets and categories, a
 * sale total) so any document that prices lines can use it: sales, web orders, exchanges.
 *
 * Points are always whole and always rounded down, once, on the whole sale: rounding per line
 * would lose a customer a point on every cheap item.
 */
import { ZERO, minor, roundDiv } from '../money';
import type { Minor } from '../money';
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import { LoyaltyError, uniqueEntries } from './loyalty-ledger';
import type { LoyaltyProgramRules, LoyaltyTier } from '../documents/parts/loyalty-settings';

const BP = 10_000n;
const DAY_MS = 86_400_000;

/** One priced line as far as loyalty cares: what was paid for it, and its category. */
export interface EarnLine {
  /** Net amount after discounts, in the store's pricing mode; negative for a line taken back. */
  net: Minor;
  categoryId: string;
}

export interface EarnInput {
  lines: readonly EarnLine[];
  /** Paid with points (or anything else that must not earn): removed pro rata from every line. */
  notEarningAmount?: Minor;
  /** The customer's tier when the sale is made, for its bonus. */
  tier?: LoyaltyTier | null;
}

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new LoyaltyError('bad-time', `"${iso}" is not a time.`);
  return ms;
}

/** Points to earn for a priced sale: Σ net × category multiplier × tier bonus, per spend step. */
export function pointsToEarn(input: EarnInput, rules: LoyaltyProgramRules): number {
  if (rules.earnSpend <= 0) throw new LoyaltyError('bad-rules', 'earnSpend must be positive.');
  const multipliers = new Map(
    rules.categoryMultipliers.map((entry) => [entry.categoryId, BigInt(entry.multiplierBp)]),
  );
  let weighted = 0n; // spend × category multiplier, in minor units × basis points
  let net = 0n;
  for (const line of input.lines) {
    weighted += BigInt(line.net) * (multipliers.get(line.categoryId) ?? BP);
    net += BigInt(line.net);
  }
  if (weighted <= 0n || net <= 0n) return 0;
  const notEarning = BigInt(input.notEarningAmount ?? ZERO);
  if (notEarning >= net) return 0;
  if (notEarning > 0n) weighted = (weighted * (net - notEarning)) / net;
  const tierBp = BigInt(input.tier?.earnMultiplierBp ?? 10_000);
  const points = roundDiv(
    weighted * tierBp * BigInt(rules.earnPoints),
    BigInt(rules.earnSpend) * BP * BP,
    'down',
  );
  return Number(points);
}

/** When points earned at `earnedAt` lapse, or undefined when the program's points never do. */
export function earnExpiry(earnedAt: string, rules: LoyaltyProgramRules): string | undefined {
  if (rules.expiryDays === null) return undefined;
  return new Date(timeOf(earnedAt) + rules.expiryDays * DAY_MS).toISOString();
}

export interface TierStanding {
  tier: LoyaltyTier | null;
  /** Points that count toward the tier (see `tierWindowDays`). */
  qualifyingPoints: number;
  /** The next tier up and how many more qualifying points reach it. */
  next: { tier: LoyaltyTier; pointsNeeded: number } | null;
}

/**
 * Qualifying points are earn entries in the window, net of their reversals. A reversal counts
 * in the window of the earning it undoes, so returning an old sale cannot drop a tier twice.
 */
export function qualifyingPoints(
  entries: Iterable<LoyaltyEntryDoc>,
  customerId: string,
  rules: LoyaltyProgramRules,
  asOf: string,
): number {
  const now = timeOf(asOf);
  const from = rules.tierWindowDays === null ? -Infinity : now - rules.tierWindowDays * DAY_MS;
  const inWindow = (iso: string): boolean => {
    const ms = timeOf(iso);
    return ms > from && ms <= now;
  };
  const mine = uniqueEntries(entries).filter((entry) => entry.customerId === customerId);
  const earnTimes = new Map(
    mine.filter((entry) => entry.kind === 'earn').map((entry) => [entry.id, entry.createdAt]),
  );
  let total = 0;
  for (const entry of mine) {
    if (entry.kind === 'earn' && inWindow(entry.createdAt)) total += entry.points;
    if (entry.kind === 'reverse' && entry.points < 0) {
      const earnedAt = entry.refersTo === undefined ? undefined : earnTimes.get(entry.refersTo);
      if (inWindow(earnedAt ?? entry.createdAt)) total += entry.points;
    }
  }
  return Math.max(0, total);
}

export function tierStanding(
  entries: Iterable<LoyaltyEntryDoc>,
  customerId: string,
  rules: LoyaltyProgramRules,
  asOf: string,
): TierStanding {
  const points = qualifyingPoints(entries, customerId, rules, asOf);
  const tiers = [...rules.tiers].sort((a, b) => a.thresholdPoints - b.thresholdPoints);
  let tier: LoyaltyTier | null = null;
  let next: TierStanding['next'] = null;
  for (const candidate of tiers) {
    if (candidate.thresholdPoints <= points) tier = candidate;
    else if (!next) next = { tier: candidate, pointsNeeded: candidate.thresholdPoints - points };
  }
  return { tier, qualifyingPoints: points, next };
}

/** The money value of `points` at redemption. */
export function pointsValue(points: number, rules: LoyaltyProgramRules): Minor {
  return minor(points * rules.pointValue);
}

export type RedemptionLimit =
  | 'no-points'
  | 'below-minimum'
  | 'balance'
  | 'sale-share'
  | 'customer-daily-limit'
  | 'store-daily-limit'
  | 'offline-disabled';

export interface RedemptionAllowance {
  /** Points the customer may redeem now: 0 or at least the program's minimum. */
  maxPoints: number;
  value: Minor;
  /** The rule that set the maximum (null when nothing limited a request). */
  limitedBy: RedemptionLimit | null;
}

/** Most points that may pay for a sale of `saleTotal`: the program's share, rounded down. */
export function saleShareCap(saleTotal: Minor, rules: LoyaltyProgramRules): number {
  if (rules.pointValue <= 0 || saleTotal <= 0) return 0;
  const cap = roundDiv(
    BigInt(saleTotal) * BigInt(rules.maxRedemptionShareBp),
    BigInt(rules.pointValue) * BP,
    'down',
  );
  return Number(cap);
}

/**
 * How many points may pay for a sale: no more than the available balance, no more than the
 * program's share of the sale total (a point is never split), and nothing at all below the
 * minimum redemption. Online, the server answers with this and holds the result.
 */
export function redeemablePoints(
  input: { available: number; saleTotal: Minor; requested?: number },
  rules: LoyaltyProgramRules,
): RedemptionAllowance {
  const caps: [RedemptionLimit, number][] = [
    ['balance', Math.max(0, input.available)],
    ['sale-share', saleShareCap(input.saleTotal, rules)],
  ];
  return applyCaps(caps, input.requested, rules);
}

/**
 * Takes the smallest cap (the earlier one on a tie), then the request, and enforces the minimum
 * redemption. `limitedBy` is null when the whole request fits.
 */
export function applyCaps(
  caps: readonly (readonly [RedemptionLimit, number])[],
  requested: number | undefined,
  rules: LoyaltyProgramRules,
): RedemptionAllowance {
  let maxPoints = Infinity;
  let limitedBy: RedemptionLimit | null = null;
  for (const [limit, cap] of caps) {
    if (cap < maxPoints) {
      maxPoints = Math.max(0, Math.floor(cap));
      limitedBy = limit;
    }
  }
  if (requested !== undefined && requested <= maxPoints) {
    maxPoints = Math.max(0, Math.floor(requested));
    limitedBy = null;
  }
  if (!Number.isFinite(maxPoints)) throw new LoyaltyError('bad-rules', 'No redemption cap given.');
  if (maxPoints === 0) {
    return {
      maxPoints: 0,
      value: ZERO,
      limitedBy: limitedBy === 'balance' ? 'no-points' : limitedBy,
    };
  }
  if (maxPoints < rules.minimumRedemptionPoints) {
    return { maxPoints: 0, value: ZERO, limitedBy: 'below-minimum' };
  }
  return { maxPoints, value: pointsValue(maxPoints, rules), limitedBy };
}
