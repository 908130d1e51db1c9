/**
 * What a promotion needs for pricing to apply it, beyond the field types the settings schema
 * checks: one check for the sync-server's door (a manager's POST /api/v1/store-settings) and for
 * src/pricing, so a promotion the server accepts is one every register can price.
 */

const BASIS_POINTS = 10_000;

const wholeAtLeast = (value: unknown, least: number): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= least;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function rewardProblem(reward: unknown): string | null {
  if (!isRecord(reward))
    return 'needs "reward": {"kind": "percent", "percentBp"} or {"kind": "amount", "amount"}';
  if (reward.kind === 'percent') {
    return wholeAtLeast(reward.percentBp, 0) && (reward.percentBp as number) <= BASIS_POINTS
      ? null
      : 'reward.percentBp must be a whole number of basis points from 0 to 10000';
  }
  if (reward.kind === 'amount') {
    return wholeAtLeast(reward.amount, 0)
      ? null
      : 'reward.amount must be a whole number of minor units, 0 or more';
  }
  return 'reward.kind must be "percent" or "amount"';
}

function kindProblem(promotion: Record<string, unknown>): string | null {
  switch (promotion.kind) {
    case 'item-discount':
      return rewardProblem(promotion.reward);
    case 'spend-threshold':
      return wholeAtLeast(promotion.threshold, 0)
        ? rewardProblem(promotion.reward)
        : 'needs "threshold": a whole number of minor units, 0 or more';
    case 'buy-x-get-y':
      return wholeAtLeast(promotion.buyQuantity, 1) &&
        wholeAtLeast(promotion.getQuantity, 1) &&
        wholeAtLeast(promotion.getPercentBp, 1) &&
        (promotion.getPercentBp as number) <= BASIS_POINTS
        ? null
        : 'needs whole "buyQuantity" and "getQuantity" of at least 1 and "getPercentBp" from 1 to 10000';
    default:
      return 'kind must be item-discount, buy-x-get-y or spend-threshold';
  }
}

/** What to fix in one promotion so it can be priced, or null when nothing. */
export function promotionProblem(promotion: unknown): string | null {
  if (!isRecord(promotion)) return 'must be an object';
  const problem = kindProblem(promotion);
  if (problem) return problem;
  const { validFrom, validTo } = promotion;
  if (
    typeof validFrom === 'string' &&
    typeof validTo === 'string' &&
    !(Date.parse(validFrom) < Date.parse(validTo))
  ) {
    return 'validFrom must come before validTo';
  }
  return null;
}
