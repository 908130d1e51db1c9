/**
 * One customer's history across channels, projected once for the server (every store, the web
 * shop) and the register (sales and returns not synced yet, orders due here); the register
 * merges the two, each document once. Lifetime spend, visits and the last visit are sums over
 * that history.
 */
import type { CustomerDoc, PickupDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../documents';
import { minor, sum } from '../money';
import { webOrderState } from '../orders/web-order-progress';
import type { Minor } from '../money';
import { normalizeCardNumber, normalizePhone } from './customer-identity';

export interface HistoryItem {
  kind: 'sale' | 'order' | 'return';
  id: string;
  channel: string;
  storeId?: string;
  at: string;
  /** Spent (sales, orders) or refunded (returns, negative). */
  total: Minor;
  status?: string;
  /**
   * The number people read: a sale's receipt number, a web order's order number. Ids
   * (`sale_01…`, `ord_01…`) are never shown (issue #18).
   */
  reference?: string;
  /** Returns: the id of the sale or order they undo. */
  original?: string;
  /** Returns: that sale's or order's `reference`, when the history holds it (`mergeHistory`). */
  originalReference?: string;
}

/** The customer's sales, web orders and returns among `held`, as history items. */
export function customerHistory(
  customerId: string,
  held: {
    sales: readonly SaleDoc[];
    orders: readonly WebOrderDoc[];
    returns: readonly ReturnDoc[];
    /**
     * The pickups of those orders: an order's status is the store's view of it (`webOrderState`:
     * picked up, partly picked up), not only the server's `ready-for-pickup`.
     */
    pickups?: readonly PickupDoc[];
  },
): HistoryItem[] {
  return [
    ...held.sales
      .filter((sale) => sale.customerId === customerId)
      .map((sale): HistoryItem => ({
        kind: 'sale',
        id: sale.id,
        channel: 'store',
        storeId: sale.storeId,
        at: sale.completedAt,
        total: sale.priced.totals.total,
        status: sale.status,
        ...(sale.receiptNumber ? { reference: sale.receiptNumber } : {}),
      })),
    ...held.orders
      .filter((order) => order.customerId === customerId)
      .map((order): HistoryItem => ({
        kind: 'order',
        id: order.id,
        channel: order.channel,
        storeId: order.pickupStoreId,
        at: order.placedAt,
        total: order.total,
        status: webOrderState(order, held.pickups ?? []),
        reference: order.orderNumber,
      })),
    ...held.returns
      .filter((doc) => doc.customerId === customerId)
      .map((doc): HistoryItem => ({
        kind: 'return',
        id: doc.id,
        channel: 'store',
        storeId: doc.storeId,
        at: doc.completedAt,
        total: minor(0 - doc.totals.refund),
        ...(doc.original ? { original: doc.original.documentId } : {}),
      })),
  ];
}

/**
 * The lists as one history, each document once, newest first. A return names what it undoes by
 * that document's number when any list holds it: the register's own history and the server's meet
 * here, so a return of a web order the server knows reads "← W-7K3M9Q2P".
 */
export function mergeHistory(...lists: readonly (readonly HistoryItem[])[]): HistoryItem[] {
  const byId = new Map<string, HistoryItem>();
  for (const list of lists)
    for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item);
  const withReference = (item: HistoryItem): HistoryItem => {
    if (item.original === undefined || item.originalReference !== undefined) return item;
    const reference = byId.get(item.original)?.reference;
    return reference === undefined ? item : { ...item, originalReference: reference };
  };
  return [...byId.values()].map(withReference).sort((a, b) => b.at.localeCompare(a.at));
}

export interface CustomerSummary {
  /** Everything bought on every channel, less what was refunded. */
  lifetimeSpend: Minor;
  /** Completed sales and orders that were not cancelled. */
  visits: number;
  lastVisit: string | null;
  returns: number;
}

function counts(item: HistoryItem): boolean {
  if (item.kind === 'sale') return item.status !== 'voided';
  if (item.kind === 'order') return item.status !== 'cancelled';
  return false;
}

export function customerSummary(items: readonly HistoryItem[]): CustomerSummary {
  const purchases = items.filter(counts);
  const refunds = items.filter((item) => item.kind === 'return');
  return {
    lifetimeSpend: minor(
      sum(purchases.map((item) => item.total)) + sum(refunds.map((item) => item.total)),
    ),
    visits: purchases.length,
    lastVisit:
      purchases
        .map((item) => item.at)
        .sort()
        .at(-1) ?? null,
    returns: refunds.length,
  };
}

/**
 * Whether what was typed at the counter (a card number, an email or a phone number written any
 * way normalizePhone reads) names this customer.
 */
export function customerMatchesEntry(customer: CustomerDoc, entry: string): boolean {
  const text = entry.trim();
  if (!text) return false;
  const card = normalizeCardNumber(text);
  if (card !== null && customer.loyaltyCardNumber?.toUpperCase() === card) return true;
  if (customer.email !== undefined && customer.email.toLowerCase() === text.toLowerCase()) {
    return true;
  }
  const phone = normalizePhone(text);
  return phone !== null && customer.phone !== undefined && normalizePhone(customer.phone) === phone;
}
