/**
 * Which ledger entries a register may write, and what each must say, so the register and the
 * sync-server's push check (sync-server/gate/push-checks/loyalty-push-check.ts) read one rule:
 *
 * - a register writes `earn`, `redeem` (from its own sale), `reverse` (from its own return) and
 *   `release` (of a hold the server placed for its store); `hold`, `adjust` and `expire` are the
 *   server's (holds through POST /loyalty/holds, care and expiry centrally);
 * - an entry's idempotency key is derived from its own kind and source, so no entry can borrow
 *   another fact's key and shadow it in every balance (`uniqueEntries` keeps one per key).
 */
import type { LoyaltyEntryDoc, LoyaltyEntryKind } from '../documents/loyalty-entry';
import type { SaleDoc } from '../documents/sale';

export const DEVICE_ENTRY_KINDS: ReadonlySet<LoyaltyEntryKind> = new Set([
  'earn',
  'redeem',
  'reverse',
  'release',
]);

/**
 * The idempotency key an entry must carry, from its kind and what it is about (see the list in
 * loyalty-entries.ts); null for `expire`, whose key names a lot and a sequence number.
 */
export function derivedIdempotencyKey(
  entry: Pick<LoyaltyEntryDoc, 'id' | 'kind' | 'sourceId' | 'refersTo'>,
): string | null {
  switch (entry.kind) {
    case 'earn':
      return `earn:${entry.sourceId}`;
    case 'redeem':
      return `redeem:${entry.sourceId}`;
    case 'hold':
      return `hold:${entry.id}`;
    case 'release':
      return `release:${entry.refersTo ?? ''}`;
    case 'reverse':
      return `reverse:${entry.refersTo ?? ''}:${entry.sourceId}`;
    case 'adjust':
      return `adjust:${entry.sourceId}`;
    case 'expire':
      return null;
  }
}

/**
 * Whether two entries record the same fact (the register's redemption and the server's
 * confirmation of its hold, both `redeem:<saleId>`): then either may survive `uniqueEntries`
 * and the balance is the same. Anything else under one key would erase the other entry.
 */
export function sameLedgerFact(a: LoyaltyEntryDoc, b: LoyaltyEntryDoc): boolean {
  return (
    a.idempotencyKey === b.idempotencyKey &&
    a.kind === b.kind &&
    a.customerId === b.customerId &&
    a.points === b.points &&
    a.sourceId === b.sourceId &&
    (a.refersTo ?? null) === (b.refersTo ?? null)
  );
}

/** The points a completed sale gives and takes, as its ledger entries must record them. */
export interface SaleLoyaltyFacts {
  customerId: string | null;
  /** Points the `earn:<saleId>` entry adds (0: no earn entry). */
  earned: number;
  /** Points the `redeem:<saleId>` entry takes (0: no redeem entry). */
  redeemed: number;
}

/** What complete-sale.ts writes for this sale: the summary and the points tenders agree. */
export function saleLoyaltyFacts(sale: SaleDoc): SaleLoyaltyFacts {
  const tendered = sale.payment.tenders.reduce(
    (total, tender) => total + (tender.kind === 'loyalty-points' ? tender.points : 0),
    0,
  );
  return {
    customerId: sale.customerId ?? null,
    earned: sale.loyalty?.pointsEarned ?? 0,
    redeemed: Math.max(tendered, sale.loyalty?.pointsRedeemed ?? 0),
  };
}
