/**
 * What a shift's drawer and card terminal hold when the counter also serves web orders: the
 * money taken at a pickup is this register's (cash in the drawer with its rounding, card in the
 * terminal's batch), and a web order's refund to its online card never passed through here.
 */
import { describe, expect, it } from 'vitest';
import type { PickupDoc, ShiftDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { placeOrder, markReadyForPickup, recordPickup } from '../../../src/orders';
import { shiftTenderMovements } from '../../../src/reports';
import { ONLINE_PAYMENT_TENDER_ID } from '../../../src/returns';
import { openShift, xReport, zReport } from '../../../src/shifts';
import { settle } from '../../../src/tenders';
import type { TenderInput } from '../../../src/tenders';
import { refund, tillSale } from './reports-fixtures';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1) + minute * 60_000).toISOString();

function shift(): ShiftDoc {
  return openShift({
    id: 'shift_1',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    currency: 'VND',
    openedAt: at(0),
    openedBy: 'staff_ha',
    openingFloat: minor(500_000),
  });
}

function webOrder(id: string, prepaid: number): WebOrderDoc {
  const order = placeOrder({
    id,
    orderNumber: `W-${id}`,
    customerId: 'cust_an',
    channel: 'web',
    pickupStoreId: 'hcm-q1',
    currency: 'VND',
    lines: [
      {
        lineId: 'l1',
        sku: 'A',
        name: 'A',
        quantity: 3,
        unitPrice: minor(24_250),
        lineTotal: minor(72_750),
        taxRateBp: 800,
      },
    ],
    prepaid: minor(prepaid),
    placedAt: at(-60),
  });
  return markReadyForPickup(order, at(-30));
}

/** A pickup paid at the counter as the hand-over does it: settled by src/tenders. */
function paidPickup(order: WebOrderDoc, id: string, tender: TenderInput, minute: number) {
  const settled = settle(minor(72_750), [tender], {
    currency: 'VND',
    cashRounding: { increment: minor(500), mode: 'half-up' },
  });
  if (!settled.ok) throw new Error(settled.errors.map((error) => error.message).join(' '));
  return recordPickup(order, [], {
    id,
    storeId: 'hcm-q1',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    lines: [{ lineId: 'l1', quantity: 3 }],
    shiftId: 'shift_1',
    tenders: settled.settlement.tenders,
    createdAt: at(minute),
  });
}

describe('a shift that also hands over and takes back web orders', () => {
  const cashSale = tillSale(at(5), {
    unitPrice: 25_000,
    quantity: 2,
    shiftId: 'shift_1',
    tender: { kind: 'cash', tenderId: 't1', amount: minor(100_000) },
  });
  const pickupInCash = paidPickup(
    webOrder('ord_cash', 0),
    'pick_cash',
    { kind: 'cash', tenderId: 'cash-1', amount: minor(100_000) },
    10,
  );
  const pickupByCard = paidPickup(
    webOrder('ord_card', 0),
    'pick_card',
    { kind: 'card', tenderId: 'card-1', amount: minor(72_750), approvalCode: 'AP1' },
    20,
  );
  const storeReturn = refund('ret_store', at(30), 25_000, {
    shiftId: 'shift_1',
    original: { documentId: cashSale.id, channel: 'store', storeId: 'hcm-q1' },
  });
  const webReturn = refund('ret_web', at(40), 24_250, {
    shiftId: 'shift_1',
    original: { documentId: 'ord_prepaid', channel: 'web', storeId: 'hcm-q1' },
    tenders: [
      {
        kind: 'card',
        originalTenderId: ONLINE_PAYMENT_TENDER_ID,
        covers: minor(24_250),
        amount: minor(24_250),
        originalApprovalCode: 'WEB W-ord_prepaid',
      },
    ],
  });
  const movements = (pickups: PickupDoc[] = [pickupInCash, pickupByCard]) =>
    shiftTenderMovements('shift_1', [cashSale], [storeReturn, webReturn], pickups);

  it('a sale keeps its cash, the change went back', () => {
    const x = xReport(shift(), { tenderMovements: movements([]), cashMoves: [] }, at(50));
    expect(x.tenders.map((t) => [t.tender, t.expected])).toEqual([['cash', 525_000]]);
  });

  it('a pickup paid in cash is in the drawer, with the cash rounding the drawer kept', () => {
    expect(pickupInCash).toMatchObject({ amountCollected: 72_750, shiftId: 'shift_1' });
    const cash = movements().filter((movement) => movement.id.startsWith('pick_cash'));
    expect(cash.map((m) => [m.kind, m.tender, m.amount])).toEqual([['sale', 'cash', 73_000]]);
  });

  it('a pickup paid by card is in the terminal’s batch', () => {
    const card = movements().filter((movement) => movement.id.startsWith('pick_card'));
    expect(card.map((m) => [m.kind, m.tender, m.amount])).toEqual([['sale', 'card', 72_750]]);
  });

  it('a store sale refunded in cash leaves the drawer; a web card refund is not this register’s', () => {
    const refunds = movements().filter((movement) => movement.kind === 'refund');
    expect(refunds.map((m) => [m.id, m.tender, m.amount])).toEqual([
      ['ret_store:0', 'cash', -25_000],
    ]);
  });

  it('the Z report expects the float, the sale and pickup cash, less the cash refund', () => {
    const z = zReport(
      shift(),
      { tenderMovements: movements(), cashMoves: [] },
      [
        { tender: 'cash', total: minor(548_000) },
        { tender: 'card', total: minor(72_750) },
      ],
      at(60),
    );
    // 500,000 float + 50,000 sale + 73,000 pickup − 25,000 refund.
    expect(z.lines.map((line) => [line.tender, line.expected, line.overShort])).toEqual([
      ['cash', 598_000, -50_000],
      ['card', 72_750, 0],
    ]);
  });

  it('a pickup of another shift, or one without a payment, moves nothing here', () => {
    const otherShift = { ...pickupInCash, id: 'pick_other', shiftId: 'shift_2' };
    const prepaid = recordPickup(webOrder('ord_paid', 72_750), [], {
      id: 'pick_paid',
      storeId: 'hcm-q1',
      deviceId: 'dev_1',
      staffId: 'staff_lan',
      lines: [{ lineId: 'l1', quantity: 3 }],
      shiftId: 'shift_1',
      tenders: [],
      createdAt: at(15),
    });
    expect(prepaid).not.toHaveProperty('tenders');
    expect(shiftTenderMovements('shift_1', [], [], [otherShift, prepaid])).toEqual([]);
  });
});
