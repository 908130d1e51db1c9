/**
 * Where a web order stands, computed from facts: the order (server-written), its PickupDocs
 * (register-written) and the return lines that point at it (from the returns module). Nothing
 * here keeps a counter of what was picked up, paid or returned (ARCHITECTURE.md rule 1).
 */
import { ZERO, add, max, minor, roundDiv, sub } from '../money';
import type { Minor } from '../money';
import type { PickupDoc } from '../documents/pickup';
import type { WebOrderDoc, WebOrderLine } from '../documents/web-order';

/** A returned quantity of an order line, as the returns module records it. */
export interface OrderReturnLine {
  orderId: string;
  lineId: string;
  quantity: number;
}

export type WebOrderState =
  'placed' | 'ready-for-pickup' | 'partly-picked-up' | 'picked-up' | 'cancelled';

export interface OrderLineProgress {
  lineId: string;
  sku: string;
  ordered: number;
  pickedUp: number;
  returned: number;
  /** Still to hand over: zero once the order is cancelled. */
  toPickUp: number;
  /** Picked up and not yet returned. */
  returnable: number;
}

/** Each pickup once (by id), only this order's. */
function ownPickups(order: WebOrderDoc, pickups: Iterable<PickupDoc>): PickupDoc[] {
  const byId = new Map<string, PickupDoc>();
  for (const pickup of pickups) if (pickup.orderId === order.id) byId.set(pickup.id, pickup);
  return [...byId.values()];
}

export function pickedUpByLine(
  order: WebOrderDoc,
  pickups: Iterable<PickupDoc>,
): Map<string, number> {
  const picked = new Map<string, number>();
  for (const pickup of ownPickups(order, pickups)) {
    for (const line of pickup.lines) {
      picked.set(line.lineId, (picked.get(line.lineId) ?? 0) + line.quantity);
    }
  }
  return picked;
}

export function orderLineProgress(
  order: WebOrderDoc,
  pickups: Iterable<PickupDoc>,
  returns: Iterable<OrderReturnLine> = [],
): OrderLineProgress[] {
  const picked = pickedUpByLine(order, pickups);
  const returned = new Map<string, number>();
  for (const line of returns) {
    if (line.orderId !== order.id) continue;
    returned.set(line.lineId, (returned.get(line.lineId) ?? 0) + line.quantity);
  }
  return order.lines.map((line) => {
    const pickedUp = picked.get(line.lineId) ?? 0;
    const back = returned.get(line.lineId) ?? 0;
    return {
      lineId: line.lineId,
      sku: line.sku,
      ordered: line.quantity,
      pickedUp,
      returned: back,
      toPickUp: order.status === 'cancelled' ? 0 : Math.max(0, line.quantity - pickedUp),
      returnable: Math.max(0, pickedUp - back),
    };
  });
}

/** The order's state as the store sees it: the server's status refined by the pickups. */
export function webOrderState(order: WebOrderDoc, pickups: Iterable<PickupDoc>): WebOrderState {
  if (order.status === 'cancelled') return 'cancelled';
  const picked = pickedUpByLine(order, pickups);
  const all = order.lines.every((line) => (picked.get(line.lineId) ?? 0) >= line.quantity);
  if (all) return 'picked-up';
  if ([...picked.values()].some((quantity) => quantity > 0)) return 'partly-picked-up';
  return order.status;
}

/**
 * The value of the first `quantity` units of a line: lineTotal × quantity / ordered, half-up.
 * Values of successive pickups are differences of this, so they always add up to lineTotal.
 */
export function cumulativeLineValue(line: WebOrderLine, quantity: number): Minor {
  if (quantity >= line.quantity) return line.lineTotal;
  const value = roundDiv(
    BigInt(line.lineTotal) * BigInt(quantity),
    BigInt(line.quantity),
    'half-up',
  );
  return minor(Number(value));
}

/** The value of everything handed over by the given pickups. */
export function valuePickedUp(order: WebOrderDoc, pickups: Iterable<PickupDoc>): Minor {
  const picked = pickedUpByLine(order, pickups);
  return add(
    ZERO,
    ...order.lines.map((line) => cumulativeLineValue(line, picked.get(line.lineId) ?? 0)),
  );
}

export interface OrderPayment {
  total: Minor;
  prepaid: Minor;
  /** Σ amountCollected of the pickups. */
  collectedAtPickup: Minor;
  paid: Minor;
  valuePickedUp: Minor;
  /** Still to pay before the whole order is collected. */
  balanceDue: Minor;
  /** For an unpaid order: 'unpaid' until everything is paid; 'part-paid' for a deposit. */
  payment: 'paid' | 'part-paid' | 'unpaid';
  /** Paid beyond what was handed over: owed back to the customer if the order is cancelled. */
  refundableOnCancel: Minor;
}

export function orderPayment(order: WebOrderDoc, pickups: Iterable<PickupDoc>): OrderPayment {
  const own = ownPickups(order, pickups);
  const collectedAtPickup = add(ZERO, ...own.map((pickup) => pickup.amountCollected));
  const paid = add(order.prepaid, collectedAtPickup);
  const handedOver = valuePickedUp(order, own);
  return {
    total: order.total,
    prepaid: order.prepaid,
    collectedAtPickup,
    paid,
    valuePickedUp: handedOver,
    balanceDue: max(ZERO, sub(order.total, paid)),
    payment: paid >= order.total ? 'paid' : paid > 0 ? 'part-paid' : 'unpaid',
    refundableOnCancel: max(ZERO, sub(paid, handedOver)),
  };
}

/**
 * What the customer pays at the counter for handing over `lines` now: the value of everything
 * handed over including these, less what is already paid. A prepaid order owes nothing; an
 * unpaid one pays for exactly what leaves the store.
 */
export function amountDueForPickup(
  order: WebOrderDoc,
  pickups: Iterable<PickupDoc>,
  lines: readonly { lineId: string; quantity: number }[],
): Minor {
  const own = ownPickups(order, pickups);
  const picked = pickedUpByLine(order, own);
  for (const line of lines) picked.set(line.lineId, (picked.get(line.lineId) ?? 0) + line.quantity);
  const valueAfter = add(
    ZERO,
    ...order.lines.map((line) => cumulativeLineValue(line, picked.get(line.lineId) ?? 0)),
  );
  const { paid } = orderPayment(order, own);
  return max(ZERO, sub(valueAfter, paid));
}
