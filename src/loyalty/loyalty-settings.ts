/**
 * The loyalty program a store runs: its settings section (typed with its schema in
 * documents/parts/loyalty-settings.ts), or the default while it has none.
 */
import { minor } from '../money';
import type { LoyaltySettings } from '../documents/parts/loyalty-settings';
import type { StoreSettingsDoc } from '../documents/store-settings';

/** The loyalty program of a store whose settings carry none yet (the demo stores). */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = {
  program: {
    earnPoints: 1,
    earnSpend: minor(10_000),
    categoryMultipliers: [],
    tiers: [],
    tierWindowDays: null,
    pointValue: minor(1_000),
    minimumRedemptionPoints: 1,
    maxRedemptionShareBp: 5_000,
    expiryDays: null,
    holdMinutes: 15,
  },
  offline: { enabled: true, perCustomerPerDayPoints: 100, perStorePerDayPoints: 2_000 },
};

export function loyaltySettingsOf(settings: StoreSettingsDoc | null | undefined): LoyaltySettings {
  return settings?.loyalty ?? DEFAULT_LOYALTY_SETTINGS;
}
