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

/**
 * Which part of a promotion is wrong (`field`, as a form names it) and why (`code`), with the
 * English text the server's 400 and pricing's error carry. A form shows `code` in its user's
 * language beside `field`.
 */
export type PromotionProblemCode =
  | 'not-an-object'
  | 'reward-missing'
  | 'reward-percent'
  | 'reward-amount'
  | 'reward-kind'
  | 'threshold'
  | 'buy-get'
  | 'kind'
  | 'dates';

export type PromotionField = 'promotion' | 'reward' | 'threshold' | 'buyGet' | 'kind' | 'validTo';

export interface PromotionIssue {
  code: PromotionProblemCode;
  field: PromotionField;
  text: string;
}

const issue = (
  code: PromotionProblemCode,
  field: PromotionField,
  text: string,
): PromotionIssue => ({
  code,
  field,
  text,
});

function rewardIssue(reward: unknown): PromotionIssue | null {
  if (!isRecord(reward))
    return issue(
      'reward-missing',
      'reward',
      'needs "reward": {"kind": "percent", "percentBp"} or {"kind": "amount", "amount"}',
    );
  if (reward.kind === 'percent') {
    return wholeAtLeast(reward.percentBp, 0) && (reward.percentBp as number) <= BASIS_POINTS
      ? null
      : issue(
          'reward-percent',
          'reward',
          'reward.percentBp must be a whole number of basis points from 0 to 10000',
        );
  }
  if (reward.kind === 'amount') {
    return wholeAtLeast(reward.amount, 0)
      ? null
      : issue(
          'reward-amount',
          'reward',
          'reward.amount must be a whole number of minor units, 0 or more',
        );
  }
  return issue('reward-kind', 'reward', 'reward.kind must be "percent" or "amount"');
}

function kindIssue(promotion: Record<string, unknown>): PromotionIssue | null {
  switch (promotion.kind) {
    case 'item-discount':
      return rewardIssue(promotion.reward);
    case 'spend-threshold':
      return wholeAtLeast(promotion.threshold, 0)
        ? rewardIssue(promotion.reward)
        : issue(
            'threshold',
            'threshold',
            'needs "threshold": a whole number of minor units, 0 or more',
          );
    case 'buy-x-get-y':
      return wholeAtLeast(promotion.buyQuantity, 1) &&
        wholeAtLeast(promotion.getQuantity, 1) &&
        wholeAtLeast(promotion.getPercentBp, 1) &&
        (promotion.getPercentBp as number) <= BASIS_POINTS
        ? null
        : issue(
            'buy-get',
            'buyGet',
            'needs whole "buyQuantity" and "getQuantity" of at least 1 and "getPercentBp" from 1 to 10000',
          );
    default:
      return issue('kind', 'kind', 'kind must be item-discount, buy-x-get-y or spend-threshold');
  }
}

/** What to fix in one promotion so it can be priced, and where; null when nothing. */
export function promotionIssue(promotion: unknown): PromotionIssue | null {
  if (!isRecord(promotion)) return issue('not-an-object', 'promotion', 'must be an object');
  const problem = kindIssue(promotion);
  if (problem) return problem;
  const { validFrom, validTo } = promotion;
  if (
    typeof validFrom === 'string' &&
    typeof validTo === 'string' &&
    !(Date.parse(validFrom) < Date.parse(validTo))
  ) {
    return issue('dates', 'validTo', 'validFrom must come before validTo');
  }
  return null;
}

/** What to fix in one promotion so it can be priced, or null when nothing. */
export function promotionProblem(promotion: unknown): string | null {
  return promotionIssue(promotion)?.text ?? null;
}
