/**
 * The rules a store runs under when its settings carry none yet (the demo stores): the register
 * plans with them and the sync-server re-checks with them, so both read them from here. They
 * match what the demo receipt promises ("returns within 30 days with the receipt").
 */
import type { StoreSettingsDoc } from '../documents/store-settings';
import type { LoyaltySettings } from '../loyalty/loyalty-settings';
import { minor } from '../money';
import type { ReturnPolicy } from './return-policy';

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  windowDays: { store: 30, web: 30, care: 30, social: 30 },
  categoryWindows: [],
  managerApprovalOver: minor(2_000_000),
  withoutReceipt: { allowed: false, managerApprovalOver: minor(0) },
  fallbackRefund: 'store-credit',
};

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

export function returnPolicyOf(settings: StoreSettingsDoc | null | undefined): {
  policy: ReturnPolicy;
  isDefault: boolean;
} {
  return settings?.returnPolicy
    ? { policy: settings.returnPolicy, isDefault: false }
    : { policy: DEFAULT_RETURN_POLICY, isDefault: true };
}

export function loyaltySettingsOf(settings: StoreSettingsDoc | null | undefined): LoyaltySettings {
  return settings?.loyalty ?? DEFAULT_LOYALTY_SETTINGS;
}
