/**
 * What a completed sale's gift card lines mean for the reports (issue #18). Selling a gift card is
 * no sale of goods: the money received is owed to the card's bearer until it is spent (a
 * liability, docs/MANAGER.md "Gift cards in the reports"), and VAT is due when goods are bought
 * with the card. So sales revenue, VAT totals and a customer's lifetime value leave the cards
 * out and show them on their own line, while the tenders that paid for them stay in the drawer
 * and payment totals (cash over/short is unchanged). One rule here, for the X/Z and shift
 * reports and the sales and customer reports alike.
 */
import type { SaleDoc } from '../documents/sale';
import { minor, sub, sum } from '../money';
import type { Minor } from '../money';
import { isGiftCardLine } from './gift-card-line';

type PricedSale = Pick<SaleDoc, 'cart' | 'priced'>;

function giftCardLineIds(sale: PricedSale): Set<string> {
  return new Set(sale.cart.lines.filter(isGiftCardLine).map((line) => line.lineId));
}

/** The cards a sale sold and the value loaded on them (what the customer paid for them). */
export function giftCardsSoldIn(sale: PricedSale): { count: number; amount: Minor } {
  const ids = giftCardLineIds(sale);
  if (ids.size === 0) return { count: 0, amount: minor(0) };
  const lines = sale.priced.lines.filter((line) => ids.has(line.lineId));
  return { count: lines.length, amount: sum(lines.map((line) => line.total)) };
}

/** The sale's revenue: its total less the gift cards it sold (tax included, minor units). */
export function saleRevenue(sale: PricedSale): Minor {
  return sub(sale.priced.totals.total, giftCardsSoldIn(sale).amount);
}

/** Whether the sale sold anything but gift cards (a sale of cards only is no purchase of goods). */
export function sellsGoods(sale: Pick<SaleDoc, 'cart'>): boolean {
  return sale.cart.lines.some((line) => !isGiftCardLine(line));
}
