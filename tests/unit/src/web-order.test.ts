import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { pickupSchema, webOrderSchema } from '../../../src/documents';
import type { PickupDoc, WebOrderDoc, WebOrderLine } from '../../../src/documents';
import { minor } from '../../../src/money';
import {
  WebOrderError,
  amountDueForPickup,
  cancelOrder,
  markReadyForPickup,
  orderLineProgress,
  orderPayment,
  pickupProblems,
  placeOrder,
  recordPickup,
  recordPrepayment,
  webOrderState,
} from '../../../src/orders';

const at = (hour: number) => new Date(Date.UTC(2025, 2, 1, hour)).toISOString();

function orderLine(lineId: string, quantity: number, unitPrice: number, lineTotal?: number) {
  const line: WebOrderLine = {
    lineId,
    sku: `SKU-${lineId}`,
    name: `Item ${lineId}`,
    quantity,
    unitPrice: minor(unitPrice),
    lineTotal: minor(lineTotal ?? unitPrice * quantity),
    taxRateBp: 800,
  };
  return line;
}

function place(prepaid: number, lines = [orderLine('1', 3, 50_000), orderLine('2', 1, 120_000)]) {
  return placeOrder({
    id: 'ord_01',
    orderNumber: 'W-1001',
    customerId: 'cust_an',
    channel: 'web',
    pickupStoreId: 'hcm-01',
    currency: 'VND',
    lines,
    prepaid: minor(prepaid),
    placedAt: at(1),
  });
}

let serial = 0;
function pickUp(
  order: WebOrderDoc,
  earlier: PickupDoc[],
  lines: { lineId: string; quantity: number }[],
) {
  serial += 1;
  return recordPickup(order, earlier, {
    id: `pick_${serial}`,
    storeId: 'hcm-01',
    deviceId: 'dev-1',
    staffId: 'staff_lan',
    lines,
    createdAt: at(10 + serial),
  });
}

function expectError(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebOrderError);
    expect((error as WebOrderError).code).toBe(code);
    return;
  }
  throw new Error(`expected a WebOrderError ${code}`);
}

describe('web order lifecycle', () => {
  it('placed, paid online, ready at the store, picked up in one go', () => {
    const order = place(270_000);
    expect(order).toMatchObject({ status: 'placed', total: 270_000 });
    expect(webOrderState(order, [])).toBe('placed');
    const ready = markReadyForPickup(order, at(5));
    expect(webOrderState(ready, [])).toBe('ready-for-pickup');
    const pickup = pickUp(
      ready,
      [],
      [
        { lineId: '1', quantity: 3 },
        { lineId: '2', quantity: 1 },
      ],
    );
    expect(pickup.amountCollected).toBe(0);
    expect(webOrderState(ready, [pickup])).toBe('picked-up');
    expect(orderPayment(ready, [pickup])).toMatchObject({ payment: 'paid', balanceDue: 0 });
  });

  it('unpaid order picked up in two visits: each pays for what leaves the store', () => {
    const ready = markReadyForPickup(place(0), at(5));
    const first = pickUp(ready, [], [{ lineId: '1', quantity: 1 }]);
    expect(first.amountCollected).toBe(50_000);
    expect(webOrderState(ready, [first])).toBe('partly-picked-up');
    expect(
      orderLineProgress(ready, [first]).map((l) => [l.lineId, l.pickedUp, l.toPickUp]),
    ).toEqual([
      ['1', 1, 2],
      ['2', 0, 1],
    ]);
    expect(orderPayment(ready, [first])).toMatchObject({
      payment: 'part-paid',
      balanceDue: 220_000,
    });
    const second = pickUp(
      ready,
      [first],
      [
        { lineId: '1', quantity: 2 },
        { lineId: '2', quantity: 1 },
      ],
    );
    expect(second.amountCollected).toBe(220_000);
    expect(orderPayment(ready, [first, second])).toMatchObject({ payment: 'paid', balanceDue: 0 });
  });

  it('a deposit is used up before anything more is collected', () => {
    const ready = markReadyForPickup(place(100_000), at(5));
    const first = pickUp(ready, [], [{ lineId: '1', quantity: 1 }]);
    expect(first.amountCollected).toBe(0);
    expect(amountDueForPickup(ready, [first], [{ lineId: '2', quantity: 1 }])).toBe(70_000);
  });

  it('line values split a discounted line exactly across partial pickups', () => {
    const ready = markReadyForPickup(place(0, [orderLine('1', 3, 33_334, 100_000)]), at(5));
    const pickups: PickupDoc[] = [];
    for (let i = 0; i < 3; i++)
      pickups.push(pickUp(ready, [...pickups], [{ lineId: '1', quantity: 1 }]));
    expect(pickups.map((p) => p.amountCollected)).toEqual([33_333, 33_334, 33_333]);
  });

  it('refuses pickups that cannot happen, with a code that says why', () => {
    const placed = place(0);
    expectError(() => pickUp(placed, [], [{ lineId: '1', quantity: 1 }]), 'not-ready');
    const ready = markReadyForPickup(placed, at(5));
    expectError(() => pickUp(ready, [], [{ lineId: '1', quantity: 4 }]), 'too-many');
    expectError(() => pickUp(ready, [], [{ lineId: '9', quantity: 1 }]), 'unknown-line');
    expectError(() => pickUp(ready, [], [{ lineId: '1', quantity: 0 }]), 'bad-quantity');
    expectError(
      () =>
        recordPickup(ready, [], {
          id: 'pick_x',
          storeId: 'hn-02',
          deviceId: 'dev-9',
          staffId: 'staff_x',
          lines: [{ lineId: '1', quantity: 1 }],
          createdAt: at(9),
        }),
      'wrong-store',
    );
    const all = pickUp(
      ready,
      [],
      [
        { lineId: '1', quantity: 3 },
        { lineId: '2', quantity: 1 },
      ],
    );
    expectError(() => pickUp(ready, [all], [{ lineId: '1', quantity: 1 }]), 'picked-up');
  });

  it('two registers picking the same last item offline: the server sees the second is too many', () => {
    const ready = markReadyForPickup(place(270_000), at(5));
    const one = pickUp(ready, [], [{ lineId: '2', quantity: 1 }]);
    const other = pickUp(ready, [], [{ lineId: '2', quantity: 1 }]);
    expect(pickupProblems(ready, [one, other], other).map((p) => p.code)).toEqual(['too-many']);
  });

  it('refuses invalid transitions', () => {
    const ready = markReadyForPickup(place(0), at(5));
    expectError(() => markReadyForPickup(ready, at(6)), 'already-ready');
    const cancelled = cancelOrder(ready, [], { at: at(7), reason: 'customer asked' });
    expect(webOrderState(cancelled, [])).toBe('cancelled');
    expectError(() => markReadyForPickup(cancelled, at(8)), 'cancelled');
    expectError(() => cancelOrder(cancelled, [], { at: at(8), reason: 'again' }), 'cancelled');
    expectError(() => pickUp(cancelled, [], [{ lineId: '1', quantity: 1 }]), 'cancelled');
    expectError(() => recordPrepayment(cancelled, minor(1_000), at(8)), 'cancelled');
    expectError(() => recordPrepayment(ready, minor(270_001), at(8)), 'overpaid');
    expectError(() => place(300_000), 'bad-amount');
    expectError(() => place(0, [orderLine('1', 1, 10), orderLine('1', 1, 10)]), 'bad-order');
  });

  it('cancelling a partly picked-up order keeps what was picked up and owes back the rest', () => {
    const ready = markReadyForPickup(place(270_000), at(5));
    const first = pickUp(ready, [], [{ lineId: '1', quantity: 2 }]);
    const cancelled = cancelOrder(ready, [first], { at: at(30), reason: 'never came back' });
    const progress = orderLineProgress(cancelled, [first]);
    expect(progress.map((l) => [l.pickedUp, l.toPickUp, l.returnable])).toEqual([
      [2, 0, 2],
      [0, 0, 0],
    ]);
    expect(orderPayment(cancelled, [first]).refundableOnCancel).toBe(170_000);
    const all = pickUp(
      ready,
      [first],
      [
        { lineId: '1', quantity: 1 },
        { lineId: '2', quantity: 1 },
      ],
    );
    expectError(() => cancelOrder(ready, [first, all], { at: at(30), reason: 'x' }), 'picked-up');
  });

  it('what is returnable is computed from pickups and return lines', () => {
    const ready = markReadyForPickup(place(270_000), at(5));
    const pickup = pickUp(ready, [], [{ lineId: '1', quantity: 3 }]);
    const returns = [
      { orderId: 'ord_01', lineId: '1', quantity: 1 },
      { orderId: 'ord_other', lineId: '1', quantity: 2 },
    ];
    expect(orderLineProgress(ready, [pickup], returns)[0]).toMatchObject({
      pickedUp: 3,
      returned: 1,
      returnable: 2,
    });
  });

  it('order and pickup schemas are RxDB schemas that accept real documents', () => {
    checkSchema(webOrderSchema as never);
    checkSchema(pickupSchema as never);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const ready = markReadyForPickup(place(0), at(5));
    const pickup = pickUp(ready, [], [{ lineId: '1', quantity: 1 }]);
    expect(ajv.compile(webOrderSchema)(ready)).toBe(true);
    expect(ajv.compile(webOrderSchema)({ ...ready, pickedUp: 1 })).toBe(false);
    expect(ajv.compile(pickupSchema)(pickup)).toBe(true);
    expect(ajv.compile(pickupSchema)({ ...pickup, lines: [] })).toBe(false);
  });
});

describe('web orders: properties', () => {
  it('however an unpaid order is split into pickups, the counter collects exactly its total', () => {
    const lineArb = fc.record({
      quantity: fc.integer({ min: 1, max: 6 }),
      lineTotal: fc.integer({ min: 0, max: 5_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 100 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 1_000 })),
        (lines, prepaidShare, choices) => {
          const orderLines = lines.map((l, i) =>
            orderLine(String(i + 1), l.quantity, Math.round(l.lineTotal / l.quantity), l.lineTotal),
          );
          const total = lines.reduce((a, l) => a + l.lineTotal, 0);
          const prepaid = Math.floor((total * prepaidShare) / 100);
          const ready = markReadyForPickup(place(prepaid, orderLines), at(5));
          const pickups: PickupDoc[] = [];
          const choice = choices[Symbol.iterator]();
          while (webOrderState(ready, pickups) !== 'picked-up') {
            const remaining = orderLineProgress(ready, pickups).filter((l) => l.toPickUp > 0);
            const take = remaining
              .map((l) => ({
                lineId: l.lineId,
                quantity: (choice.next().value ?? 0) % (l.toPickUp + 1),
              }))
              .filter((l) => l.quantity > 0);
            const lines =
              take.length > 0 ? take : [{ lineId: remaining[0]?.lineId ?? '1', quantity: 1 }];
            pickups.push(pickUp(ready, pickups, lines));
          }
          const collected = pickups.reduce((a, p) => a + p.amountCollected, 0);
          expect(collected + prepaid).toBe(total);
          expect(orderPayment(ready, pickups).balanceDue).toBe(0);
        },
      ),
    );
  });
});
