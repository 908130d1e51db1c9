/** Documents another store's register would have written, for the omnichannel tests. */
import type { PickupDoc, ReturnDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { taxOfAmount } from '../../../src/tax';
import type { PlacedOrder } from './omnichannel-counter';

export function pickupOf(
  order: PlacedOrder,
  storeId: string,
  deviceId: string,
  lines: PickupDoc['lines'],
): PickupDoc {
  return {
    id: `pick_${order.orderId.slice(4)}`,
    orderId: order.orderId,
    storeId,
    deviceId,
    staffId: 'staff_lan',
    lines,
    amountCollected: minor(0),
    createdAt: new Date(Date.now() - 60 * 60_000).toISOString(),
  };
}

/**
 * A return of one order line (VAT 8 %) made at another store, refunded to the online payment:
 * the server re-derives it from the order, so its tax is the VAT inside the refund.
 */
export function returnAtOtherStore(
  order: PlacedOrder,
  line: { lineId: string; sku: string; name: string; quantity: number; refund: number },
  storeId: string,
  deviceId: string,
  /** A manager's approval: an offline return of another store's order needs one. */
  approvedBy?: string,
): ReturnDoc {
  const at = new Date(Date.now() - 10 * 60_000).toISOString();
  // The demo stores round VAT half-up.
  const { tax } = taxOfAmount(minor(line.refund), 800, true, 'half-up');
  return {
    id: `ret_${storeId}-${order.orderId.slice(4)}-${line.lineId}`,
    storeId,
    registerId: 'reg-01',
    deviceId,
    staffId: 'staff_tuan',
    original: { documentId: order.orderId, channel: 'web', storeId: 'hcm-q1' },
    customerId: order.customerId,
    currency: 'VND',
    lines: [
      {
        originalLineId: line.lineId,
        productId: `prod_${line.sku}`,
        sku: line.sku,
        name: line.name,
        categoryId: 'web',
        quantity: line.quantity,
        refund: minor(line.refund),
        tax,
        taxRateId: 'vat8',
        rateBp: 800,
        reason: 'changed mind',
        restock: true,
      },
    ],
    totals: { refund: minor(line.refund), taxable: minor(line.refund - tax), tax },
    taxBreakdown: [],
    tenders: [
      {
        kind: 'card',
        originalTenderId: 'online-payment',
        covers: minor(line.refund),
        amount: minor(line.refund),
      },
    ],
    cashRoundingAdjustment: minor(0),
    loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    ...(approvedBy ? { approvedBy } : {}),
    status: 'completed',
    createdAt: at,
    completedAt: at,
  };
}
