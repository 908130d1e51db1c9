/**
 * A web order's transitions. The server places an order, takes payments, marks it ready for
 * pickup at its store and may cancel it; a register records pickups. Every transition checks
 * the order's current state and refuses with a WebOrderError whose code says why, so the UI
 * can explain it and the sync-server can reject a pickup that should not have happened.
 *
 *   placed ──ready──▶ ready-for-pickup ──pickup──▶ partly-picked-up ──pickup──▶ picked-up
 *      └────────────cancel────────┴──────────cancel──────────┘
 */
import { ZERO, add, minor, sum } from '../money';
import type { Minor } from '../money';
import type { PickupDoc } from '../documents/pickup';
import type { AppliedTender } from '../documents/parts/tender';
import type { WebOrderDoc, WebOrderLine } from '../documents/web-order';
import { amountDueForPickup, orderLineProgress, webOrderState } from './web-order-progress';

export type WebOrderErrorCode =
  | 'bad-order'
  | 'not-ready'
  | 'already-ready'
  | 'cancelled'
  | 'picked-up'
  | 'wrong-store'
  | 'wrong-order'
  | 'unknown-line'
  | 'bad-quantity'
  | 'too-many'
  | 'bad-amount'
  | 'overpaid'
  | 'bad-time';

export class WebOrderError extends Error {
  override readonly name = 'WebOrderError';
  constructor(
    readonly code: WebOrderErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function checkTime(iso: string): void {
  if (Number.isNaN(Date.parse(iso))) throw new WebOrderError('bad-time', `"${iso}" is not a time.`);
}

export interface PlaceOrderInput {
  id: string;
  orderNumber: string;
  customerId: string;
  channel: WebOrderDoc['channel'];
  pickupStoreId: string;
  currency: WebOrderDoc['currency'];
  lines: WebOrderLine[];
  prepaid: Minor;
  placedAt: string;
}

/** A new order; the total is the sum of its lines, as priced by the channel that took it. */
export function placeOrder(input: PlaceOrderInput): WebOrderDoc {
  checkTime(input.placedAt);
  if (input.lines.length === 0) throw new WebOrderError('bad-order', 'An order needs lines.');
  const seen = new Set<string>();
  for (const line of input.lines) {
    if (seen.has(line.lineId)) {
      throw new WebOrderError('bad-order', `Line ${line.lineId} appears twice.`);
    }
    seen.add(line.lineId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new WebOrderError('bad-quantity', `Line ${line.lineId}: quantity must be positive.`);
    }
    if (line.lineTotal < 0) {
      throw new WebOrderError('bad-amount', `Line ${line.lineId}: total cannot be negative.`);
    }
  }
  const total = add(ZERO, ...input.lines.map((line) => line.lineTotal));
  if (input.prepaid < 0 || input.prepaid > total) {
    throw new WebOrderError(
      'bad-amount',
      `Prepaid ${input.prepaid} must be between 0 and ${total}.`,
    );
  }
  return {
    ...input,
    prepaid: minor(input.prepaid),
    total,
    status: 'placed',
    updatedAt: input.placedAt,
  };
}

function assertNotCancelled(order: WebOrderDoc): void {
  if (order.status === 'cancelled') {
    throw new WebOrderError('cancelled', `Order ${order.orderNumber} was cancelled.`);
  }
}

/** The goods are gathered at the pickup store: the customer may come. */
export function markReadyForPickup(order: WebOrderDoc, at: string): WebOrderDoc {
  checkTime(at);
  assertNotCancelled(order);
  if (order.status === 'ready-for-pickup') {
    throw new WebOrderError('already-ready', `Order ${order.orderNumber} is already ready.`);
  }
  return { ...order, status: 'ready-for-pickup', readyAt: at, updatedAt: at };
}

/** An online payment received after placing (e.g. a payment link paid later). */
export function recordPrepayment(order: WebOrderDoc, amount: Minor, at: string): WebOrderDoc {
  checkTime(at);
  assertNotCancelled(order);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new WebOrderError('bad-amount', 'A payment must be a positive amount.');
  }
  const prepaid = add(order.prepaid, amount);
  if (prepaid > order.total) {
    throw new WebOrderError(
      'overpaid',
      `Paying ${amount} would take order ${order.orderNumber} past its total ${order.total}.`,
    );
  }
  return { ...order, prepaid, updatedAt: at };
}

/**
 * Cancels what is not yet handed over. A partly picked-up order may be cancelled (the customer
 * never came back for the rest); what was picked up stays picked up. A fully picked-up order
 * cannot be cancelled: that is a return.
 */
export function cancelOrder(
  order: WebOrderDoc,
  pickups: Iterable<PickupDoc>,
  by: { at: string; reason: string },
): WebOrderDoc {
  checkTime(by.at);
  assertNotCancelled(order);
  if (!by.reason.trim()) throw new WebOrderError('bad-order', 'A cancellation needs a reason.');
  if (webOrderState(order, pickups) === 'picked-up') {
    throw new WebOrderError(
      'picked-up',
      `Order ${order.orderNumber} was picked up in full; take it back as a return instead.`,
    );
  }
  return {
    ...order,
    status: 'cancelled',
    cancelledAt: by.at,
    cancelReason: by.reason,
    updatedAt: by.at,
  };
}

export interface PickupInput {
  id: string;
  storeId: string;
  deviceId: string;
  staffId: string;
  lines: { lineId: string; quantity: number }[];
  saleId?: string;
  /** The register's open shift: the payment counts in its X and Z reports. */
  shiftId?: string;
  /** How the amount due was paid (settled by src/tenders); none when nothing was due. */
  tenders?: AppliedTender[];
  createdAt: string;
}

/** Why a pickup may not happen, in words for the cashier; empty when it may. */
export function pickupProblems(
  order: WebOrderDoc,
  earlierPickups: Iterable<PickupDoc>,
  pickup: Pick<PickupDoc, 'storeId' | 'lines'> & { orderId?: string; id?: string },
): { code: WebOrderErrorCode; message: string }[] {
  const problems: { code: WebOrderErrorCode; message: string }[] = [];
  const others = [...earlierPickups].filter((earlier) => earlier.id !== pickup.id);
  if (pickup.orderId !== undefined && pickup.orderId !== order.id) {
    problems.push({ code: 'wrong-order', message: `The pickup is for ${pickup.orderId}.` });
  }
  const state = webOrderState(order, others);
  if (state === 'cancelled') {
    problems.push({ code: 'cancelled', message: `Order ${order.orderNumber} was cancelled.` });
  } else if (state === 'placed') {
    problems.push({
      code: 'not-ready',
      message: `Order ${order.orderNumber} is not ready for pickup yet.`,
    });
  } else if (state === 'picked-up') {
    problems.push({
      code: 'picked-up',
      message: `Order ${order.orderNumber} was already picked up in full.`,
    });
  }
  if (pickup.storeId !== order.pickupStoreId) {
    problems.push({
      code: 'wrong-store',
      message: `Order ${order.orderNumber} is collected at ${order.pickupStoreId}, not here.`,
    });
  }
  if (pickup.lines.length === 0) {
    problems.push({ code: 'bad-quantity', message: 'A pickup hands over at least one item.' });
  }
  const progress = new Map(orderLineProgress(order, others).map((line) => [line.lineId, line]));
  const asked = new Map<string, number>();
  for (const line of pickup.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      problems.push({
        code: 'bad-quantity',
        message: `Line ${line.lineId}: quantity must be positive.`,
      });
    }
    asked.set(line.lineId, (asked.get(line.lineId) ?? 0) + line.quantity);
  }
  for (const [lineId, quantity] of asked) {
    const line = progress.get(lineId);
    if (!line) {
      problems.push({
        code: 'unknown-line',
        message: `Order ${order.orderNumber} has no line ${lineId}.`,
      });
    } else if (quantity > line.ordered - line.pickedUp) {
      problems.push({
        code: 'too-many',
        message: `Line ${lineId}: ${quantity} asked, ${line.ordered - line.pickedUp} left to pick up.`,
      });
    }
  }
  return problems;
}

/**
 * Records handing over (part of) a ready order at its store. The amount to collect is computed:
 * the value of what leaves the store less what was already paid.
 */
export function recordPickup(
  order: WebOrderDoc,
  earlierPickups: Iterable<PickupDoc>,
  input: PickupInput,
): PickupDoc {
  checkTime(input.createdAt);
  const earlier = [...earlierPickups];
  const [problem] = pickupProblems(order, earlier, input);
  if (problem) throw new WebOrderError(problem.code, problem.message);
  const amountCollected = amountDueForPickup(order, earlier, input.lines);
  // Given tenders must pay exactly what is due (older registers record no tenders at all).
  const tenders = input.tenders ?? [];
  const paid = sum(tenders.map((tender) => tender.applied));
  if (input.tenders !== undefined && paid !== amountCollected) {
    throw new WebOrderError(
      'bad-amount',
      `The pickup's tenders pay ${paid}, but ${amountCollected} is due; settle exactly what is due.`,
    );
  }
  return {
    id: input.id,
    orderId: order.id,
    storeId: input.storeId,
    deviceId: input.deviceId,
    staffId: input.staffId,
    lines: input.lines,
    amountCollected,
    ...(input.saleId === undefined ? {} : { saleId: input.saleId }),
    ...(input.shiftId === undefined ? {} : { shiftId: input.shiftId }),
    ...(tenders.length === 0 ? {} : { tenders }),
    createdAt: input.createdAt,
  };
}
