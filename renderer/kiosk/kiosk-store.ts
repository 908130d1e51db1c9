/**
 * What the kiosk shows: the start screen, a price check, a member's points or a pickup
 * check-in. Every scan lands here first and decides the view, so a customer never has to pick
 * a mode before scanning.
 */
import { create } from 'zustand';
import type { ScanResult } from '../../src/barcodes';
import type { ProductDoc } from '../../src/documents';
import { services } from '../services';
import type { KioskMessageKey } from './kiosk-messages';

export type KioskView = 'home' | 'price' | 'loyalty' | 'pickup';

interface KioskState {
  view: KioskView;
  product: ProductDoc | null;
  /** A loyalty card scanned: proof enough to show its points. */
  cardNumber: string | null;
  /** An order QR scanned (`ord_...`) or a number typed. */
  orderRef: string | null;
  notice: KioskMessageKey | null;
  show: (view: KioskView) => void;
  /** A scan, classified once by the app's scan router. */
  scan: (scan: ScanResult) => void;
  reset: () => void;
}

const START = {
  view: 'home' as KioskView,
  product: null,
  cardNumber: null,
  orderRef: null,
  notice: null,
};

export const useKioskStore = create<KioskState>()((set) => ({
  ...START,
  show: (view) => set({ ...START, view }),
  reset: () => set(START),
  scan: (scan) => {
    if (!scan.raw.trim()) return;
    const { catalog } = services();
    switch (scan.kind) {
      case 'product':
      case 'gs1-product': {
        const product = catalog.byBarcode(scan.gtin14);
        set(
          product?.active
            ? { ...START, view: 'price', product }
            : { ...START, view: 'price', notice: 'kiosk.notFound' },
        );
        return;
      }
      case 'variable-measure': {
        const product = catalog.byPlu(scan.plu);
        set(
          product?.active
            ? { ...START, view: 'price', product }
            : { ...START, view: 'price', notice: 'kiosk.notFound' },
        );
        return;
      }
      case 'loyalty-card':
        set({ ...START, view: 'loyalty', cardNumber: scan.cardNumber });
        return;
      case 'order':
        set({ ...START, view: 'pickup', orderRef: scan.orderId });
        return;
      case 'logistic-unit':
      case 'gift-card':
      case 'staff-badge':
      case 'coupon':
      case 'receipt':
      case 'invalid':
      case 'unknown':
        // A staff badge opens nothing here: the kiosk never leads to staff screens.
        set((state) => ({ ...state, notice: 'kiosk.notUnderstood' }));
        return;
    }
  },
}));
