/**
 * Promotions as the server publishes them in the store settings (`promotions` section). The same
 * definitions price every channel, so a web order and a till sale get the same deal.
 */
import type { Minor } from '../../money';
import { isoTimeField, minorField } from '../json-schema';
import type { JsonSchema } from '../json-schema';

/** Which lines a promotion looks at. No products and no categories means every line. */
export interface PromotionTarget {
  productIds?: string[];
  categoryIds?: string[];
}

/** What the customer gets: a percentage (basis points) or a fixed amount in minor units. */
export type PromotionReward =
  { kind: 'percent'; percentBp: number } | { kind: 'amount'; amount: Minor };

interface PromotionBase {
  id: string;
  label: { vi: string; en: string };
  target: PromotionTarget;
  /** ISO 8601 UTC; the promotion applies from this instant (inclusive). */
  validFrom?: string;
  /** ISO 8601 UTC; the promotion stops at this instant (exclusive). */
  validTo?: string;
}

/**
 * Percent or amount off each matching item. An amount is per piece, or per kilogram on weighed
 * lines (pro rata to the grams).
 */
export interface ItemDiscountPromotion extends PromotionBase {
  kind: 'item-discount';
  reward: PromotionReward;
}

/** Buy `buyQuantity` matching pieces, get `getQuantity` more at `getPercentBp` off (10000 = free). */
export interface BuyXGetYPromotion extends PromotionBase {
  kind: 'buy-x-get-y';
  buyQuantity: number;
  getQuantity: number;
  getPercentBp: number;
}

/** Spend at least `threshold` on matching lines and get the reward off those lines. */
export interface SpendThresholdPromotion extends PromotionBase {
  kind: 'spend-threshold';
  threshold: Minor;
  reward: PromotionReward;
}

export type Promotion = ItemDiscountPromotion | BuyXGetYPromotion | SpendThresholdPromotion;

const idList: JsonSchema = {
  type: 'array',
  items: { type: 'string', maxLength: 64 },
  maxItems: 1000,
};

const rewardSchema: JsonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['percent', 'amount'] },
    percentBp: { type: 'integer', minimum: 0, maximum: 10000 },
    amount: { ...minorField, minimum: 0 },
  },
  required: ['kind'],
  additionalProperties: false,
};

/** One promotion; kind-specific fields are optional here and checked by the pricing module. */
export const promotionSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: ['item-discount', 'buy-x-get-y', 'spend-threshold'] },
    label: {
      type: 'object',
      properties: {
        vi: { type: 'string', maxLength: 100 },
        en: { type: 'string', maxLength: 100 },
      },
      required: ['vi', 'en'],
      additionalProperties: false,
    },
    target: {
      type: 'object',
      properties: { productIds: idList, categoryIds: idList },
      additionalProperties: false,
    },
    validFrom: isoTimeField,
    validTo: isoTimeField,
    reward: rewardSchema,
    buyQuantity: { type: 'integer', minimum: 1, maximum: 1000 },
    getQuantity: { type: 'integer', minimum: 1, maximum: 1000 },
    getPercentBp: { type: 'integer', minimum: 1, maximum: 10000 },
    threshold: { ...minorField, minimum: 0 },
  },
  required: ['id', 'kind', 'label', 'target'],
  additionalProperties: false,
};

export const promotionsSchema: JsonSchema = {
  type: 'array',
  items: promotionSchema,
  maxItems: 500,
};
