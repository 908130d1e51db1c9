import type { CurrencyCode } from '../money';
import type { StoreSettingsDoc, TaxSettings } from '../documents/store-settings';
import { storeTimeZone } from '../store-clock';
import { taxSettingsAt } from '../tax';
import type { Promotion } from '../documents/parts/promotion';

/** Everything pricing needs besides the cart. `now` decides which promotions are running. */
export interface PricingContext {
  currency: CurrencyCode;
  /** Every category at its rate at the tax instant (no dated changes left to read). */
  tax: TaxSettings;
  promotions: readonly Promotion[];
  /** ISO 8601 UTC instant the cart is priced at (the sale's createdAt when re-verifying). */
  now: string;
}

/**
 * The context for pricing a cart started at `now` and taxed at `taxAt` (default `now`). A sale
 * is taxed at its completion (docs/TAX.md): a cart started at 23:58 on 31 December 2026 and paid
 * at 00:01 is taxed at 1 January 2027's rates, while its promotions stay those of its start.
 */
export function pricingContextFromSettings(
  settings: Pick<StoreSettingsDoc, 'currency' | 'tax'> & {
    promotions?: readonly Promotion[];
    timeZone?: string;
  },
  now: string,
  taxAt: string = now,
): PricingContext {
  return {
    currency: settings.currency,
    tax: taxSettingsAt(settings.tax, taxAt, storeTimeZone(settings)),
    promotions: settings.promotions ?? [],
    now,
  };
}
