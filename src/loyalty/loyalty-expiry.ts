/**
 * Expiry as entries: points lapse by writing `expire` entries (the server does, daily), never by
 * a balance that silently changes with the clock. Each earn (and each positive adjust) is a lot
 * with its own `expiresAt`, fixed when it was earned so a later rule change breaks no promise.
 *
 * Spending is taken from the lots that expire soonest first (lots that never expire last), the
 * order kindest to the customer. Held points count as spent, so points reserved for an open sale
 * do not lapse under it; if the hold is released, the next run expires them.
 */
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import { contextFields } from './loyalty-entries';
import { LoyaltyError, uniqueEntries } from './loyalty-ledger';
import type { EntryContext } from './loyalty-ledger';

export interface ExpiryDue {
  customerId: string;
  /** The earn or adjust entry whose remaining points lapse. */
  lot: LoyaltyEntryDoc;
  /** Positive: how many points lapse. */
  points: number;
  /** Distinct per run for the same lot, and the same on every machine that computes it. */
  idempotencyKey: string;
}

interface Lot {
  entry: LoyaltyEntryDoc;
  remaining: number;
  expiresAt: number;
  expiredBefore: number;
}

function isLot(entry: LoyaltyEntryDoc): boolean {
  return (entry.kind === 'earn' || entry.kind === 'adjust') && entry.points > 0;
}

/** Lots of one customer's unique entries, with what is left of each after all spending. */
function remainingLots(entries: readonly LoyaltyEntryDoc[]): Lot[] {
  const lots = new Map<string, Lot>();
  for (const entry of entries) {
    if (!isLot(entry)) continue;
    const expiresAt = entry.expiresAt === undefined ? Infinity : Date.parse(entry.expiresAt);
    lots.set(entry.id, { entry, remaining: entry.points, expiresAt, expiredBefore: 0 });
  }
  let spent = 0;
  for (const entry of entries) {
    if (isLot(entry)) continue;
    const lot = entry.refersTo === undefined ? undefined : lots.get(entry.refersTo);
    if (lot && (entry.kind === 'expire' || entry.kind === 'reverse')) {
      // Aimed at one lot: a return taking its points back, or an earlier expiry of it.
      lot.remaining += entry.points;
      if (entry.kind === 'expire') lot.expiredBefore += 1;
    } else {
      spent -= entry.points; // redeem, hold, release, voided redeem, negative adjust
    }
  }
  const ordered = [...lots.values()].sort(
    (a, b) =>
      a.expiresAt - b.expiresAt ||
      Date.parse(a.entry.createdAt) - Date.parse(b.entry.createdAt) ||
      (a.entry.id < b.entry.id ? -1 : 1),
  );
  for (const lot of ordered) {
    if (spent <= 0) break;
    const taken = Math.min(spent, Math.max(0, lot.remaining));
    lot.remaining -= taken;
    spent -= taken;
  }
  return ordered;
}

/** Expiries to write now: the unspent remainder of every lot whose `expiresAt` has passed. */
export function dueExpiries(entries: Iterable<LoyaltyEntryDoc>, asOf: string): ExpiryDue[] {
  const now = Date.parse(asOf);
  if (Number.isNaN(now)) throw new LoyaltyError('bad-time', `"${asOf}" is not a time.`);
  const byCustomer = new Map<string, LoyaltyEntryDoc[]>();
  for (const entry of uniqueEntries(entries)) {
    const list = byCustomer.get(entry.customerId) ?? [];
    list.push(entry);
    byCustomer.set(entry.customerId, list);
  }
  const due: ExpiryDue[] = [];
  for (const [customerId, customerEntries] of byCustomer) {
    for (const lot of remainingLots(customerEntries)) {
      if (lot.expiresAt > now || lot.remaining <= 0) continue;
      due.push({
        customerId,
        lot: lot.entry,
        points: lot.remaining,
        idempotencyKey: `expire:${lot.entry.id}:${lot.expiredBefore + 1}`,
      });
    }
  }
  return due;
}

/** The entry that records an expiry (written by the server, usually with channel 'care'). */
export function expireEntry(due: ExpiryDue, context: EntryContext): LoyaltyEntryDoc {
  return {
    ...contextFields(context),
    customerId: due.customerId,
    kind: 'expire',
    points: -due.points,
    sourceId: due.lot.sourceId,
    idempotencyKey: due.idempotencyKey,
    refersTo: due.lot.id,
  };
}
