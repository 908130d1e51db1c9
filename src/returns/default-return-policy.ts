/**
 * The return policy a store runs under when its settings carry none yet (the demo stores): the
 * register plans with it and the sync-server re-checks with it, so both read it from here. It
 * matches what the demo receipt promises ("returns within 30 days with the receipt"). The
 * loyalty defaults are in src/loyalty/loyalty-settings.ts.
 */
import type { StoreSettingsDoc } from '../documents/store-settings';
import { minor } from '../money';
import type { ReturnPolicy } from '../documents/parts/return-policy';

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  windowDays: { store: 30, web: 30, care: 30, social: 30 },
  categoryWindows: [],
  managerApprovalOver: minor(2_000_000),
  withoutReceipt: { allowed: false, managerApprovalOver: minor(0) },
  fallbackRefund: 'store-credit',
};

export function returnPolicyOf(settings: StoreSettingsDoc | null | undefined): {
  policy: ReturnPolicy;
  isDefault: boolean;
} {
  return settings?.returnPolicy
    ? { policy: settings.returnPolicy, isDefault: false }
    : { policy: DEFAULT_RETURN_POLICY, isDefault: true };
}
