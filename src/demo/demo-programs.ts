/**
 * The demo store's programs, as head office would publish them: loyalty, the return policy and
 * a couple of promotions on generated products (the README's hero products are left at their
 * shelf price, so the quick start shows round numbers).
 */
import type { LoyaltySettings } from '../loyalty';
import { minor } from '../money';
import type { Promotion } from '../pricing';
import type { ReturnPolicy } from '../returns';

/** 1 point per 10.000 ₫, a point worth 1.000 ₫, tiers Bạc (0) and Vàng (500 points). */
export const DEMO_LOYALTY: LoyaltySettings = {
  program: {
    earnPoints: 1,
    earnSpend: minor(10_000),
    categoryMultipliers: [{ categoryId: 'coffee', multiplierBp: 20_000 }],
    tiers: [
      {
        id: 'silver',
        name: { vi: 'Bạc', en: 'Silver' },
        thresholdPoints: 0,
        earnMultiplierBp: 10_000,
      },
      {
        id: 'gold',
        name: { vi: 'Vàng', en: 'Gold' },
        thresholdPoints: 500,
        earnMultiplierBp: 15_000,
      },
    ],
    tierWindowDays: 365,
    pointValue: minor(1_000),
    minimumRedemptionPoints: 10,
    maxRedemptionShareBp: 5_000,
    expiryDays: 365,
    holdMinutes: 15,
  },
  offline: { enabled: true, perCustomerPerDayPoints: 500, perStorePerDayPoints: 5_000 },
};

/** 30 days in store and on the web, 7 days for apparel worn out of the shop's sight. */
export const DEMO_RETURN_POLICY: ReturnPolicy = {
  windowDays: { store: 30, web: 30, care: 30, social: 14 },
  categoryWindows: [{ categoryId: 'apparel', days: 7 }],
  managerApprovalOver: minor(2_000_000),
  withoutReceipt: { allowed: true, managerApprovalOver: minor(200_000) },
  fallbackRefund: 'store-credit',
};

export const DEMO_PROMOTIONS: Promotion[] = [
  {
    id: 'promo-snacks-10',
    kind: 'item-discount',
    label: { vi: 'Bánh kẹo giảm 10%', en: 'Snacks 10% off' },
    target: { categoryIds: ['snacks'] },
    reward: { kind: 'percent', percentBp: 1000 },
  },
  {
    id: 'promo-household-3for2',
    kind: 'buy-x-get-y',
    label: { vi: 'Đồ gia dụng mua 2 tặng 1', en: 'Household: buy 2 get 1 free' },
    target: { categoryIds: ['household'] },
    buyQuantity: 2,
    getQuantity: 1,
    getPercentBp: 10_000,
  },
];
