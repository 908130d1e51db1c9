/**
 * The loyalty section of StoreSettingsDoc, typed and schema'd: the program's rules and how far a
 * register may go while offline. src/loyalty reads it; the store settings schema plugs it in, so
 * RxDB and the sync-server validate it like the rest of the document.
 *
 * Everything is a whole number: points are integers, money is Minor, ratios are basis points
 * (×1 = 10,000), so earning and burning never touch a float.
 */
import type { Minor } from '../../money';
import { minorField } from '../json-schema';
import type { JsonSchema } from '../json-schema';

export interface LoyaltyTier {
  id: string;
  name: { vi: string; en: string };
  /** Qualifying points (see `tierWindowDays`) from which the tier applies. */
  thresholdPoints: number;
  /** Bonus on earning for members of this tier, in basis points (×1.5 = 15,000). */
  earnMultiplierBp: number;
}

export interface CategoryMultiplier {
  categoryId: string;
  /** ×2 = 20,000; ×0 = 0 excludes the category (e.g. tobacco, gift cards). */
  multiplierBp: number;
}

export interface LoyaltyProgramRules {
  /** Earning: `earnPoints` points per `earnSpend` of net spend (1 point per 10,000 ₫). */
  earnPoints: number;
  earnSpend: Minor;
  /** Categories absent from the list earn at ×1. */
  categoryMultipliers: CategoryMultiplier[];
  /** Any order; the tier with the highest threshold reached applies. */
  tiers: LoyaltyTier[];
  /**
   * Tiers are decided on points earned (net of reversed earnings) in the last
   * `tierWindowDays` days; null counts all points ever earned. Redemptions, expiry and manual
   * adjustments never lower a tier: a tier rewards spending, not hoarding.
   */
  tierWindowDays: number | null;
  /** What one point is worth when redeemed, in minor units (1 point = 1,000 ₫). */
  pointValue: Minor;
  /** Fewest points a customer may redeem at once. */
  minimumRedemptionPoints: number;
  /** Largest share of a sale that points may pay, in basis points (50 % = 5,000). */
  maxRedemptionShareBp: number;
  /** Earned points lapse this many days after they were earned; null: never. */
  expiryDays: number | null;
  /** How long an online hold lasts before the server may release it. */
  holdMinutes: number;
}

/**
 * Offline, the register cannot ask the server for the customer's true balance, so it redeems
 * against its replica within these caps; every breach is found by `findOverdrafts` at sync.
 */
export interface OfflineRedemptionLimits {
  enabled: boolean;
  /**
   * Most points one customer may redeem per business day when redeeming offline. Every
   * redemption of that day the register knows of counts against it, online ones included.
   */
  perCustomerPerDayPoints: number;
  /** Most points the store may redeem per business day when redeeming offline (same counting). */
  perStorePerDayPoints: number;
}

export interface LoyaltySettings {
  program: LoyaltyProgramRules;
  offline: OfflineRedemptionLimits;
}

const wholeNumber = (maximum: number): JsonSchema => ({ type: 'integer', minimum: 0, maximum });
const basisPoints: JsonSchema = { type: 'integer', minimum: 0, maximum: 1_000_000 };

export const loyaltySettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    program: {
      type: 'object',
      properties: {
        earnPoints: wholeNumber(1e9),
        earnSpend: { ...minorField, minimum: 1 },
        categoryMultipliers: {
          type: 'array',
          maxItems: 500,
          items: {
            type: 'object',
            properties: {
              categoryId: { type: 'string', maxLength: 64 },
              multiplierBp: basisPoints,
            },
            required: ['categoryId', 'multiplierBp'],
            additionalProperties: false,
          },
        },
        tiers: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', maxLength: 32 },
              name: {
                type: 'object',
                properties: {
                  vi: { type: 'string', maxLength: 60 },
                  en: { type: 'string', maxLength: 60 },
                },
                required: ['vi', 'en'],
                additionalProperties: false,
              },
              thresholdPoints: wholeNumber(1e12),
              earnMultiplierBp: basisPoints,
            },
            required: ['id', 'name', 'thresholdPoints', 'earnMultiplierBp'],
            additionalProperties: false,
          },
        },
        tierWindowDays: { type: ['integer', 'null'], minimum: 1, maximum: 3660 },
        pointValue: { ...minorField, minimum: 0 },
        minimumRedemptionPoints: wholeNumber(1e12),
        maxRedemptionShareBp: { type: 'integer', minimum: 0, maximum: 10_000 },
        expiryDays: { type: ['integer', 'null'], minimum: 1, maximum: 3660 },
        holdMinutes: { type: 'integer', minimum: 1, maximum: 10_080 },
      },
      required: [
        'earnPoints',
        'earnSpend',
        'categoryMultipliers',
        'tiers',
        'tierWindowDays',
        'pointValue',
        'minimumRedemptionPoints',
        'maxRedemptionShareBp',
        'expiryDays',
        'holdMinutes',
      ],
      additionalProperties: false,
    },
    offline: {
      type: 'object',
      properties: {
        enabled: { type: 'boolean' },
        perCustomerPerDayPoints: wholeNumber(1e12),
        perStorePerDayPoints: wholeNumber(1e12),
      },
      required: ['enabled', 'perCustomerPerDayPoints', 'perStorePerDayPoints'],
      additionalProperties: false,
    },
  },
  required: ['program', 'offline'],
  additionalProperties: false,
};
