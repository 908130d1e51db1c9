/**
 * The store's pickup queue: web orders due at this store that are not yet fully handed over,
 * oldest first, with how long the customer has been waiting and what is still to pay. Computed
 * from the orders and PickupDocs the register holds, so it works offline too.
 */
import type { PickupDoc, WebOrderDoc } from '../../src/documents';
import type { Minor } from '../../src/money';
import { orderLineProgress, orderPayment, webOrderState } from '../../src/orders';
import type { WebOrderState } from '../../src/orders';

export interface PickupQueueRow {
  orderId: string;
  orderNumber: string;
  customerId: string;
  state: WebOrderState;
  placedAt: string;
  /** Minutes since the order was placed. */
  ageMinutes: number;
  itemsToPickUp: number;
  balanceDue: Minor;
}

export function pickupQueue(
  orders: readonly WebOrderDoc[],
  pickups: readonly PickupDoc[],
  storeId: string,
  now: Date,
): PickupQueueRow[] {
  return orders
    .filter((order) => order.pickupStoreId === storeId)
    .map((order) => {
      const own = pickups.filter((pickup) => pickup.orderId === order.id);
      const state = webOrderState(order, own);
      return {
        orderId: order.id,
        orderNumber: order.orderNumber,
        customerId: order.customerId,
        state,
        placedAt: order.placedAt,
        ageMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(order.placedAt)) / 60_000)),
        itemsToPickUp: orderLineProgress(order, own).reduce(
          (total, line) => total + line.toPickUp,
          0,
        ),
        balanceDue: orderPayment(order, own).balanceDue,
      };
    })
    .filter((row) => row.state !== 'picked-up' && row.state !== 'cancelled')
    .sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}

/** "45 min", "3 h", "2 d": waiting time in the counter's shorthand. */
export function ageLabel(minutes: number, locale: 'vi-VN' | 'en-US'): string {
  const units =
    locale === 'vi-VN' ? { m: 'phút', h: 'giờ', d: 'ngày' } : { m: 'min', h: 'h', d: 'd' };
  if (minutes < 60) return `${minutes} ${units.m}`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} ${units.h}`;
  return `${Math.floor(minutes / 1440)} ${units.d}`;
}

/** Normalises what the customer says to compare: lower case, no diacritics, digits of phones. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function phoneDigits(text: string): string {
  const digits = text.replace(/\D/g, '');
  // A Vietnamese national number (0912...) and its E.164 form (+84912...) are the same phone.
  return digits.startsWith('84') ? digits.slice(2) : digits.replace(/^0/, '');
}

/**
 * The hand-over check: the order number the customer quotes, and their name or phone as the
 * order's customer profile has it. Both must match before goods leave the store.
 */
export function handOverCheck(
  order: Pick<WebOrderDoc, 'orderNumber' | 'id'>,
  customer: { name: string; phone?: string } | null,
  said: { orderNumber: string; nameOrPhone: string },
): { ok: true } | { ok: false; reason: 'order-number' | 'customer' } {
  const number = said.orderNumber.trim().toUpperCase();
  if (number !== order.orderNumber.toUpperCase() && number !== order.id.toUpperCase()) {
    return { ok: false, reason: 'order-number' };
  }
  const answer = said.nameOrPhone.trim();
  if (!customer || !answer) return { ok: false, reason: 'customer' };
  const digits = phoneDigits(answer);
  if (customer.phone && digits.length >= 6 && digits === phoneDigits(customer.phone)) {
    return { ok: true };
  }
  if (plain(answer) === plain(customer.name)) return { ok: true };
  return { ok: false, reason: 'customer' };
}
