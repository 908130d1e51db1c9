/**
 * The issue of a gift card number by a till sale is a unique claim (issue #18): each number the
 * sale sells is claimed create-only in `omnitill-gift-card-claims` (storage/create-only-claim.ts)
 * under `gift-card:<number>`, naming the sale. Two registers selling one card at the same moment
 * both pass sale-gift-card-check.ts's reads (neither sale is stored yet); of their claims exactly
 * one is created, on one process or on several in front of one CouchDB, and the other sale is
 * refused with `gift_card_exists`. The same sale pushed again finds its own claim: accepted.
 *
 * The sale check claims last, after the receipt number, so that only a sale that passed every
 * other check holds a card; a sale losing one of its cards gives back those it created.
 */
import type { SaleDoc } from '../../../src/documents';
import { giftCardNumbersSold } from '../../../src/stored-value';
import { createOnlyClaim, giftCardClaimId } from '../../storage/create-only-claim';
import { INTERNAL_DATABASES } from '../../storage/database-layout';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';

const DB = INTERNAL_DATABASES.giftCardClaims;

export async function claimSaleGiftCards(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const created: string[] = [];
  for (const number of giftCardNumbersSold(sale.cart)) {
    const id = giftCardClaimId(number);
    const claim = await createOnlyClaim(context.store, DB, id, { saleId: sale.id });
    const holder = claim.doc;
    if (holder.saleId === sale.id) {
      if (claim.created) created.push(id);
      continue;
    }
    await release(context, created);
    return reject(
      'gift_card_exists',
      typeof holder.saleId === 'string'
        ? `gift card ${number} is sold by sale ${holder.saleId}, pushed at the same time; a card is sold once and never topped up, give the customer another card`
        : `gift card ${number} was issued by the head office at the same time; a card is sold once and never topped up, give the customer another card`,
    );
  }
  return ACCEPT;
}

/** Gives back the claims this sale created before it lost another (best effort). */
async function release(context: PushCheckContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const current = await context.store.getCurrent(DB, ids);
  const tombstones = [...current.values()].map((doc) => ({
    _id: doc._id,
    _rev: doc._rev,
    _deleted: true,
  }));
  await context.store.bulkDocs(DB, tombstones, true);
}
