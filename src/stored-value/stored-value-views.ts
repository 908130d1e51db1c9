/**
 * A credit note or gift card, and a hold on one, as the sync-server answers about them
 * (GET /api/v1/stored-value/{number}, POST /api/v1/stored-value/holds…) and the register reads
 * them: declared once, for both sides.
 */
import type { Minor } from '../money';
import type { StoredValueAccount, StoredValueHold } from './stored-value-balance';

export interface StoredValueView {
  number: string;
  kind: StoredValueAccount['kind'];
  currency: StoredValueAccount['currency'];
  issuedBy?: string;
  issued: Minor;
  redeemed: Minor;
  reversed: Minor;
  balance: Minor;
  held: Minor;
  available: Minor;
  expiresAt?: string;
  expired: boolean;
}

export interface StoredValueHoldView {
  holdId: string;
  number: string;
  amount: Minor;
  saleId: string;
  status: StoredValueHold['status'];
  expiresAt: string;
  /** What is left to spend on the note once this hold is counted. */
  available: Minor;
}
