/**
 * What a scan is classified with (src/barcodes): today on the store's clock, its currency and
 * layouts, read from the settings the app holds. One place for the device router, the sell
 * entry field and the payment panel, so every reader of a code agrees on the day.
 */
import type { ScanContext } from '../../src/barcodes';
import { storeScanContext } from '../../src/store-clock';
import { useAppStore } from './app-store';

export function scanContext(): ScanContext {
  return storeScanContext(useAppStore.getState().settings, new Date());
}
