/**
 * A store's promotions as a manager sends them (POST /api/v1/store-settings): the settings schema
 * checks field types; this checks what the schema leaves optional but pricing needs for each kind
 * (src/pricing throws on a promotion without them, and every sale of the store would then fail).
 */
import type { Promotion } from '../src/pricing';
import { badRequest } from './api-error';
import { isPlainObject } from './read-json-body';

const MAX_PROMOTIONS = 500;

function rewardProblem(reward: unknown): string | null {
  if (!isPlainObject(reward))
    return 'needs "reward": {"kind": "percent", "percentBp"} or {"kind": "amount", "amount"}';
  if (reward.kind === 'percent') {
    const bp = reward.percentBp;
    return typeof bp === 'number' && Number.isSafeInteger(bp) && bp >= 0 && bp <= 10_000
      ? null
      : 'reward.percentBp must be a whole number of basis points from 0 to 10000';
  }
  if (reward.kind === 'amount') {
    const amount = reward.amount;
    return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0
      ? null
      : 'reward.amount must be a whole number of minor units, 0 or more';
  }
  return 'reward.kind must be "percent" or "amount"';
}

const wholeAtLeast = (value: unknown, least: number): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= least;

function promotionProblem(promotion: Record<string, unknown>): string | null {
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
        (promotion.getPercentBp as number) <= 10_000
        ? null
        : 'needs whole "buyQuantity" and "getQuantity" of at least 1 and "getPercentBp" from 1 to 10000';
    default:
      return 'kind must be item-discount, buy-x-get-y or spend-threshold';
  }
}

/** The list as given, or a 400 naming the promotion and what to fix. */
export function parsePromotions(value: unknown): Promotion[] {
  if (!Array.isArray(value) || value.length > MAX_PROMOTIONS) {
    throw badRequest(`promotions must be a list of at most ${MAX_PROMOTIONS} promotions.`, {
      field: 'promotions',
    });
  }
  const ids = new Set<string>();
  value.forEach((promotion: unknown, index) => {
    const field = `promotions[${index}]`;
    if (!isPlainObject(promotion) || typeof promotion.id !== 'string' || !promotion.id) {
      throw badRequest(`${field} must be an object with an "id".`, { field });
    }
    if (ids.has(promotion.id)) {
      throw badRequest(
        `${field}: the id "${promotion.id}" is used twice; give each promotion its own.`,
        {
          field,
        },
      );
    }
    ids.add(promotion.id);
    const problem = promotionProblem(promotion);
    if (problem) throw badRequest(`${field} ("${promotion.id}"): ${problem}.`, { field });
    const { validFrom, validTo } = promotion;
    if (
      typeof validFrom === 'string' &&
      typeof validTo === 'string' &&
      !(Date.parse(validFrom) < Date.parse(validTo))
    ) {
      throw badRequest(`${field} ("${promotion.id}"): validFrom must come before validTo.`, {
        field,
      });
    }
  });
  return value as Promotion[];
}
