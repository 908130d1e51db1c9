import type { SaleDoc } from '../src/documents';
import type { StoreSettingsDoc } from '../src/documents';
import { verifySaleTotals } from '../src/pricing';
import type { DocumentStore } from './document-store';

/** The settings a store's sales are priced with, as the server holds them. */
export async function storeSettingsOf(
  store: DocumentStore,
  storeId: string,
): Promise<StoreSettingsDoc | undefined> {
  const id = `store_${storeId}`;
  const doc = (await store.getCurrent('settings', [id])).get(id);
  return doc && !doc._deleted ? ({ ...doc, id } as unknown as StoreSettingsDoc) : undefined;
}

/** Re-prices a sale with the domain core; null when the stored totals are right. */
export function saleTotalsVerdict(
  sale: SaleDoc,
  settings: StoreSettingsDoc | undefined,
): string | null {
  if (!settings) {
    return `no settings for store ${sale.storeId} on the server, so the totals cannot be checked; create the store's settings first`;
  }
  const verdict = verifySaleTotals(sale, {
    currency: settings.currency,
    tax: settings.tax,
    cashRounding: settings.cashRounding,
    ...(settings.promotions ? { promotions: settings.promotions } : {}),
  });
  return verdict.ok ? null : verdict.reason;
}

export async function saleTotalsProblem(
  store: DocumentStore,
  sale: SaleDoc,
): Promise<string | null> {
  return saleTotalsVerdict(sale, await storeSettingsOf(store, sale.storeId));
}
