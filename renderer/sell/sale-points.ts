/**
 * The points of the open sale, as pure rules over the customer's ledger: what the customer has
 * before this sale redeems any, and how many points the sale may still take. The payment panel's
 * hint, its points tender and completion all read them, so the screen, the receipt and the
 * server agree.
 */
import type { LoyaltyEntryDoc } from '../../src/documents';
import { loyaltyBalance, redeemablePoints } from '../../src/loyalty';
import type { LoyaltyProgramRules } from '../../src/loyalty';
import type { Minor } from '../../src/money';

/**
 * The customer's points as the open sale sees them, before it redeems any. The server writes a
 * `hold` entry for each points tender of the sale and it replicates here while the sale is open;
 * counted in the balance, it would be spent twice: once as the hold and again as the sale's own
 * redemption (the screen and receipt then showed the points of the tender fewer than the server).
 * So the sale's holds, and the releases of those it gave back (a tender refused after its hold),
 * are left out: the sale's redemption is what spends the points.
 */
export function pointsBeforeSale(
  entries: readonly LoyaltyEntryDoc[],
  customerId: string,
  saleId: string | null,
): number {
  const ownHolds = new Set(
    entries
      .filter((entry) => entry.kind === 'hold' && saleId !== null && entry.sourceId === saleId)
      .map((entry) => entry.id),
  );
  const others = entries.filter(
    (entry) =>
      !ownHolds.has(entry.id) && !(entry.kind === 'release' && ownHolds.has(entry.refersTo ?? '')),
  );
  return loyaltyBalance(others, customerId).available;
}

/**
 * The most points this sale may still take: the cap completion checks (`redeemablePoints`: the
 * balance, the program's share of the sale, its minimum), or offline the register's allowance
 * (which adds the daily offline limits), less the points already tendered.
 */
export function pointsCap(
  input: {
    available: number;
    saleTotal: Minor;
    tendered: number;
    /** Offline: what `offlineCheck` of the redemption service allows now. */
    offlineAllowed?: number;
  },
  program: LoyaltyProgramRules,
): number {
  const cap = redeemablePoints(
    { available: input.available, saleTotal: input.saleTotal },
    program,
  ).maxPoints;
  const allowed = input.offlineAllowed === undefined ? cap : Math.min(cap, input.offlineAllowed);
  return Math.max(0, allowed - input.tendered);
}
