/**
 * A credit note or gift card, and a hold on one, as the sync-server answers about them
 * (GET /api/v1/stored-value/{number}, POST /api/v1/stored-value/holds…) and the register reads
 * them: declared once, for both sides, from the account and hold they show.
 */
import type { Minor } from '../money';
import type { StoredValueAccount, StoredValueHold } from './stored-value-balance';

/** The account without the facts it was summed from. */
export type StoredValueView = Omit<StoredValueAccount, 'issues' | 'redemptions'>;

export type StoredValueHoldView = StoredValueHold & {
  /** What is left to spend on the note once this hold is counted. */
  available: Minor;
};
