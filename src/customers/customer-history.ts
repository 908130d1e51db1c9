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
  /** Returns: the sale or order they undo. */
  original?: string;
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

export function mergeHistory(...lists: readonly (readonly HistoryItem[])[]): HistoryItem[] {
  const byId = new Map<string, HistoryItem>();
  for (const list of lists)
    for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at));
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
