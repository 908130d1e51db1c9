/**
 * What the scan classifier needs to know about the store at an instant: its business day (for
 * expiry dates and two-digit GS1 years), its currency and its barcode layouts. The till, the
 * kiosk and the stock screens all build it here, so one scan reads the same everywhere.
 */
import { DEFAULT_BARCODE_LAYOUTS } from '../barcodes';
import type { ScanContext } from '../barcodes';
import type { StoreSettingsDoc } from '../documents';
import { businessDate, storeTimeZone } from './business-day';

export function storeScanContext(
  settings: Pick<StoreSettingsDoc, 'currency' | 'barcodeLayouts' | 'timeZone'> | null | undefined,
  now: Date | number,
): ScanContext {
  return {
    today: businessDate(now, storeTimeZone(settings)),
    currency: settings?.currency ?? 'VND',
    layouts: settings?.barcodeLayouts ?? DEFAULT_BARCODE_LAYOUTS,
  };
}
