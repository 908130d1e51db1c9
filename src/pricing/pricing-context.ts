import type { CurrencyCode } from '../money';
import type { StoreSettingsDoc, TaxSettings } from '../documents/store-settings';
import type { Promotion } from './promotion';

/** Everything pricing needs besides the cart. `now` decides which promotions are running. */
export interface PricingContext {
  currency: CurrencyCode;
  tax: TaxSettings;
  promotions: readonly Promotion[];
  /** ISO 8601 UTC instant the cart is priced at (the sale's createdAt when re-verifying). */
  now: string;
}

export function pricingContextFromSettings(
  settings: Pick<StoreSettingsDoc, 'currency' | 'tax'> & { promotions?: readonly Promotion[] },
  now: string,
): PricingContext {
  return {
    currency: settings.currency,
    tax: settings.tax,
    promotions: settings.promotions ?? [],
    now,
  };
}
