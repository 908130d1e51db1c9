/**
 * A credit note handed to the payment panel without typing: a return receipt's code scanned
 * while paying, or the credit of an exchange just made on the returns screen. The panel takes
 * the offer when it shows (it may not be on screen yet: an exchange opens the sell screen first)
 * and clears it, so a note is offered once.
 */
import { create } from 'zustand';
import type { ScanResult } from '../../src/barcodes';
import type { Minor } from '../../src/money';
import { normalizeStoredValueNumber } from '../../src/stored-value';

export interface CreditNoteOffer {
  /** The note's number: the id of the return that issued it (`ret_…`). */
  number: string;
  /**
   * An exchange's credit: the tender goes in at once for this much (already capped at what is
   * due). A scanned note only fills the number; the cashier checks the amount and adds it.
   */
  amount?: Minor;
  /** Only for this sale (an exchange's reserved sale id); a scan is for whatever sale is open. */
  saleId?: string;
}

export const useCreditNoteOfferStore = create<{
  offer: CreditNoteOffer | null;
  setOffer: (offer: CreditNoteOffer | null) => void;
}>()((set) => ({
  offer: null,
  setOffer: (offer) => set({ offer }),
}));

/** The credit note a scan names, when it is a return receipt's code; otherwise null. */
export function creditNoteOfScan(scan: ScanResult): string | null {
  if (scan.kind !== 'receipt' || scan.document !== 'return') return null;
  return normalizeStoredValueNumber(scan.id);
}
