/**
 * A web-order pickup takes what it hands over out of the pickup store's stock: one `sale` move
 * per handed-over line, in the line's measure, with ids from the pickup so a retry moves nothing
 * twice; and a pickup's recorded tenders pay exactly what was due.
 */
import { describe, expect, it } from 'vitest';
import type { PickupDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import {
  WebOrderError,
  markReadyForPickup,
  pickupStockMoves,
  placeOrder,
  recordPickup,
} from '../../../src/orders';
import { stockLevels } from '../../../src/stock';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1) + minute * 60_000).toISOString();

function order(): WebOrderDoc {
  return markReadyForPickup(
    placeOrder({
      id: 'ord_1',
      orderNumber: 'W-1',
      customerId: 'cust_an',
      channel: 'web',
      pickupStoreId: 'hcm-q1',
      currency: 'VND',
      lines: [
        {
          lineId: 'l1',
          sku: 'SKU000001',
          name: 'Cà phê',
          quantity: 3,
          unitPrice: minor(25_000),
          lineTotal: minor(75_000),
          taxRateBp: 800,
        },
        {
          // Weighed: 750 g of mangoes at 65,000 ₫/kg.
          lineId: 'l2',
          sku: 'PLU10001',
          name: 'Xoài cát',
          quantity: 750,
          unitPrice: minor(65_000),
          lineTotal: minor(48_750),
          taxRateBp: 500,
        },
      ],
      prepaid: minor(123_750),
      placedAt: at(-60),
    }),
    at(-30),
  );
}

function pickup(lines: PickupDoc['lines'], id = 'pick_01'): PickupDoc {
  return recordPickup(order(), [], {
    id,
    storeId: 'hcm-q1',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    lines,
    createdAt: at(0),
  });
}

describe('the stock a pickup takes out of its store', () => {
  it('moves minus the pieces or grams of each handed-over line, out of the pickup store', () => {
    const moves = pickupStockMoves(
      pickup([
        { lineId: 'l1', quantity: 2 },
        { lineId: 'l2', quantity: 750 },
      ]),
      order(),
    );
    expect(moves).toEqual([
      {
        id: 'stk_pick_01_l1',
        kind: 'sale',
        sku: 'SKU000001',
        quantity: -2,
        storeId: 'hcm-q1',
        sourceId: 'pick_01',
        deviceId: 'dev_1',
        createdAt: at(0),
      },
      {
        id: 'stk_pick_01_l2',
        kind: 'sale',
        sku: 'PLU10001',
        quantity: -750,
        storeId: 'hcm-q1',
        sourceId: 'pick_01',
        deviceId: 'dev_1',
        createdAt: at(0),
      },
    ]);
    const levels = stockLevels(moves);
    expect(levels.find((level) => level.sku === 'SKU000001')).toMatchObject({ sellable: -2 });
  });

  it('builds the very same moves on a retry, and one move when a line is listed twice', () => {
    const first = pickup([{ lineId: 'l1', quantity: 1 }]);
    expect(pickupStockMoves(first, order())).toEqual(pickupStockMoves(first, order()));
    const twice = { ...first, lines: [...first.lines, { lineId: 'l1', quantity: 1 }] };
    expect(pickupStockMoves(twice, order()).map((move) => [move.id, move.quantity])).toEqual([
      ['stk_pick_01_l1', -2],
    ]);
  });

  it('refuses a pickup of another order or of a line the order does not have', () => {
    const done = pickup([{ lineId: 'l1', quantity: 1 }]);
    expect(() => pickupStockMoves({ ...done, orderId: 'ord_2' }, order())).toThrow(WebOrderError);
    expect(() =>
      pickupStockMoves({ ...done, lines: [{ lineId: 'l9', quantity: 1 }] }, order()),
    ).toThrow(/has no line l9/);
  });
});

describe('a pickup’s payment', () => {
  const unpaid = () => ({ ...order(), prepaid: minor(0) });

  it('records the shift and the tenders that paid exactly what was due', () => {
    const recorded = recordPickup(unpaid(), [], {
      id: 'pick_02',
      storeId: 'hcm-q1',
      deviceId: 'dev_1',
      staffId: 'staff_lan',
      lines: [{ lineId: 'l1', quantity: 1 }],
      shiftId: 'shift_1',
      tenders: [
        {
          kind: 'card',
          tenderId: 'card-1',
          amount: minor(25_000),
          applied: minor(25_000),
          rounding: minor(0),
          change: minor(0),
          approvalCode: 'AP1',
        },
      ],
      createdAt: at(0),
    });
    expect(recorded).toMatchObject({ amountCollected: 25_000, shiftId: 'shift_1' });
    expect(recorded.tenders?.map((tender) => tender.kind)).toEqual(['card']);
  });

  it('refuses tenders that pay more or less than is due', () => {
    expect(() =>
      recordPickup(unpaid(), [], {
        id: 'pick_03',
        storeId: 'hcm-q1',
        deviceId: 'dev_1',
        staffId: 'staff_lan',
        lines: [{ lineId: 'l1', quantity: 2 }],
        tenders: [],
        createdAt: at(0),
      }),
    ).toThrow(/50000 is due/);
  });
});
