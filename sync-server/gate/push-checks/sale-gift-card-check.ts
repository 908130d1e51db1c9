/**
 * A pushed sale's gift card lines (src/stored-value/gift-card-line.ts). write-policy.ts has
 * already priced them (one card per line, within the load bounds, no discount or tax, covered by
 * the tenders). Here what needs the server's own knowledge:
 *
 * - a card is sold once: a number some issue already put value on (the head office's, or another
 *   sale's, also one accepted earlier in this push) is refused, never topped up
 *   (`gift_card_exists`);
 * - a gift card is never paid with a gift card, the one it sells or another
 *   (`gift_card_for_gift_card`): value would move between cards without money coming in, or a
 *   card would pay for itself;
 * - nor with loyalty points or store credit (`gift_card_for_points_or_credit`): they would
 *   become a bearer card, cash-like value anyone can spend. The rule is src/stored-value's
 *   `giftCardTenderProblem`, the till's too: it covers the whole cart.
 */
import type { SaleDoc } from '../../../src/documents';
import {
  giftCardNumbersSold,
  giftCardTenderProblem,
  isGiftCardLine,
} from '../../../src/stored-value';
import { storedValueAccountOf } from '../../index/stored-value-account';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';

/** Numbers sold by the other sales this push accepted so far. */
function soldEarlierInPush(sale: SaleDoc, context: PushCheckContext): Set<string> {
  const numbers = new Set<string>();
  for (const [id, doc] of context.accepted) {
    const other = doc as unknown as Partial<SaleDoc>;
    if (id === sale.id || !other.cart?.lines) continue;
    for (const line of other.cart.lines) if (isGiftCardLine(line)) numbers.add(line.sku);
  }
  return numbers;
}

export async function checkSaleGiftCards(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const numbers = giftCardNumbersSold(sale.cart);
  if (numbers.length === 0) return ACCEPT;
  const refused = giftCardTenderProblem(sale.cart, sale.payment.tenders);
  if (refused?.kind === 'gift-card') {
    const paidByCard = sale.payment.tenders.find((tender) => tender.tenderId === refused.tenderId);
    const cardNumber = paidByCard?.kind === 'gift-card' ? paidByCard.cardNumber : '';
    const which = numbers.includes(cardNumber) ? 'the card it sells' : `gift card ${cardNumber}`;
    return reject(
      'gift_card_for_gift_card',
      `the sale sells gift card ${numbers.join(', ')} and pays with ${which}; a gift card is paid for with cash, a bank card or a transfer`,
    );
  }
  if (refused) {
    const what = refused.kind === 'loyalty-points' ? 'loyalty points' : 'store credit';
    return reject(
      'gift_card_for_points_or_credit',
      `the sale sells gift card ${numbers.join(', ')} and pays with ${what} (tender ${refused.tenderId}); a cart with a gift card takes no points, store credit or gift card: take cash, a bank card or a transfer, or sell the card in a sale of its own`,
    );
  }
  const pushed = soldEarlierInPush(sale, context);
  for (const number of numbers) {
    if (pushed.has(number)) {
      return reject(
        'gift_card_exists',
        `gift card ${number} is sold by another sale of this push; a card is sold once, give the customer another card`,
      );
    }
    const account = await storedValueAccountOf(
      context.index,
      context.store,
      number,
      context.now.toISOString(),
    );
    const issued = account.issues.find((issue) => issue.sourceId !== sale.id);
    if (issued) {
      return reject(
        'gift_card_exists',
        `gift card ${number} already holds value (issued by ${issued.sourceId} at ${issued.at}); a card is sold once and never topped up, give the customer another card`,
      );
    }
  }
  return ACCEPT;
}
