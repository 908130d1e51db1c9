/**
 * The kiosk offers "I'm here" only for an order still to collect: not for one handed over in
 * full (the walkthrough found it offered for an order already collected), nor a cancelled one.
 */
import { describe, expect, it } from 'vitest';
import { kioskOrderState } from '../../../renderer/kiosk/pickup-view';
import type { PickupDoc, WebOrderLine } from '../../../src/documents';
import { minor } from '../../../src/money';
import { cancelOrder, markReadyForPickup, placeOrder, recordPickup } from '../../../src/orders';

const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour)).toISOString();
const line = (lineId: string, quantity: number): WebOrderLine => ({
  lineId,
  sku: `SKU-${lineId}`,
  name: `Item ${lineId}`,
  quantity,
  unitPrice: minor(10_000),
  lineTotal: minor(10_000 * quantity),
  taxRateBp: 800,
});
const placed = placeOrder({
  id: 'ord_01',
  orderNumber: 'W-1001',
  customerId: 'cust_an',
  channel: 'web',
  pickupStoreId: 'hcm-q1',
  currency: 'VND',
  lines: [line('1', 2), line('2', 1)],
  prepaid: minor(30_000),
  placedAt: at(1),
});
const ready = markReadyForPickup(placed, at(2));
const pickUp = (earlier: PickupDoc[], lines: { lineId: string; quantity: number }[], n: number) =>
  recordPickup(ready, earlier, {
    id: `pick_${n}`,
    storeId: 'hcm-q1',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    lines,
    createdAt: at(3 + n),
  });

describe("the kiosk's view of an order", () => {
  it('is ready to check in until every line is handed over, then collected', () => {
    expect(kioskOrderState(ready, [])).toBe('ready');
    const first = pickUp([], [{ lineId: '1', quantity: 2 }], 1);
    expect(kioskOrderState(ready, [first])).toBe('ready');
    const rest = pickUp([first], [{ lineId: '2', quantity: 1 }], 2);
    expect(kioskOrderState(ready, [first, rest])).toBe('collected');
  });

  it('names an order not ready yet, cancelled, or not found', () => {
    expect(kioskOrderState(placed, [])).toBe('not-ready');
    expect(
      kioskOrderState(cancelOrder(placed, [], { at: at(2), reason: 'out of stock' }), []),
    ).toBe('cancelled');
    expect(kioskOrderState(null, [])).toBe('not-found');
  });
});
