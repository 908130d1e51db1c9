/**
 * Overdrafts found after merge (ARCHITECTURE.md rule 4). Offline registers redeem against a
 * replica that may be stale, and two stores may spend the same points at once; when their
 * entries meet on the server, some customers' balances can be negative. Nothing is merged away
 * or silently corrected: each overdraft is reported with the entries that caused it, for a
 * manager to resolve (an adjust entry, a conversation with the customer).
 */
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import { uniqueEntries } from './loyalty-ledger';

export interface Overdraft {
  customerId: string;
  /** The (negative) available balance over all entries. */
  available: number;
  /**
   * The entries, in creation order, that lowered the balance while it stayed below zero since it
   * last was zero or more: usually offline redemptions.
   */
  causedBy: LoyaltyEntryDoc[];
  /** The stores (and 'web', 'care' … for entries without one) where those entries were written. */
  writtenAt: string[];
}

/** Customers whose available balance is below zero, each with what drove it there. */
export function findOverdrafts(entries: Iterable<LoyaltyEntryDoc>): Overdraft[] {
  const byCustomer = new Map<string, LoyaltyEntryDoc[]>();
  for (const entry of uniqueEntries(entries)) {
    const list = byCustomer.get(entry.customerId) ?? [];
    list.push(entry); // uniqueEntries sorts by creation, so each list is in creation order
    byCustomer.set(entry.customerId, list);
  }
  const overdrafts: Overdraft[] = [];
  for (const [customerId, customerEntries] of byCustomer) {
    let running = 0;
    let causedBy: LoyaltyEntryDoc[] = [];
    for (const entry of customerEntries) {
      running += entry.points;
      if (running >= 0) causedBy = [];
      else if (entry.points < 0) causedBy.push(entry);
    }
    if (running >= 0) continue;
    const writtenAt = [...new Set(causedBy.map((entry) => entry.storeId ?? entry.channel))].sort();
    overdrafts.push({ customerId, available: running, causedBy, writtenAt });
  }
  return overdrafts.sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
}
