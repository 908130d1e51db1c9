/**
 * A register's `redeem` entry (loyalty-push-check.ts): exactly its sale's points tender, for the
 * sale's customer, and either through a hold the server placed for the sale (online: the server
 * already checked the balance) or, without one, within the offline allowance of the settings the
 * sale was made under (src/loyalty/loyalty-offline.ts `reviewOfflineRedemption`). Beyond what any
 * register could have allowed offline it is refused; within it, a redemption that overdraws the
 * customer or passes the daily cap (other stores' redemptions the register could not see) is
 * accepted and flagged for a manager.
 */
import type { LoyaltyEntryDoc, SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { reviewOfflineRedemption, saleLoyaltyFacts } from '../../../src/loyalty';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';

/** The store's settings in force when the sale completed (the oldest known when none was yet). */
async function settingsAt(
  context: PushCheckContext,
  storeId: string,
  at: string,
): Promise<StoreSettingsDoc | undefined> {
  const history = await context.memo(`loyalty:settings:${storeId}`, () =>
    context.settingsHistory.historyOf(storeId),
  );
  const time = Date.parse(at);
  const inForce = history.versions.filter((version) => Date.parse(version.inForceFrom) <= time);
  return (inForce.at(-1) ?? history.versions[0])?.settings;
}

export async function checkRedemption(
  entry: LoyaltyEntryDoc,
  sale: SaleDoc,
  ledger: readonly LoyaltyEntryDoc[],
  context: PushCheckContext,
): Promise<PushVerdict> {
  const facts = saleLoyaltyFacts(sale);
  const points = -entry.points;
  if (sale.status !== 'completed' || facts.customerId !== entry.customerId) {
    return reject(
      'loyalty_mismatch',
      `sale ${sale.id} takes points from ${facts.customerId ?? 'no customer'}, not ${entry.customerId}`,
    );
  }
  if (facts.redeemed !== points) {
    return reject(
      'loyalty_mismatch',
      `sale ${sale.id} was paid with ${facts.redeemed} points, not ${points}`,
    );
  }
  const held = ledger.some(
    (other) =>
      other.kind === 'hold' &&
      other.sourceId === sale.id &&
      other.customerId === entry.customerId &&
      -other.points >= points,
  );
  if (held) return ACCEPT;

  const loyalty = (await settingsAt(context, sale.storeId, sale.completedAt))?.loyalty;
  if (!loyalty) {
    return reject('no_hold', `store ${sale.storeId} runs no loyalty program; points cannot pay`);
  }
  const others = ledger.filter((other) => other.idempotencyKey !== entry.idempotencyKey);
  const review = reviewOfflineRedemption(
    {
      customerId: entry.customerId,
      points,
      saleTotal: sale.priced.totals.total,
      entries: others,
      at: entry.createdAt,
    },
    loyalty,
  );
  if (review.refusal) {
    return reject(
      'no_hold',
      `${points} points redeemed without a hold are beyond the offline allowance (${review.refusal}); redeem online through POST /api/v1/loyalty/holds`,
    );
  }
  if (!review.overdrawn && !review.overDailyLimit) return ACCEPT;
  return {
    kind: 'accept',
    flags: [
      {
        kind: 'offline-redemption',
        key: entry.idempotencyKey,
        summary: `${points} points redeemed offline for sale ${sale.id}${review.overdrawn ? ' overdraw the customer' : ''}${review.overdrawn && review.overDailyLimit ? ' and' : ''}${review.overDailyLimit ? ' pass the daily offline limit' : ''}`,
        storeId: sale.storeId,
        documents: [
          { db: 'loyalty', id: entry.id },
          { db: `sales-${sale.storeId}`, id: sale.id },
        ],
      },
    ],
  };
}
