import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { ageLabel, handOverCheck, pickupQueue } from '../../../renderer/pickups/pickup-queue';
import { ORDER, pickup } from './omnichannel-fixtures';

const NOW = new Date('2026-11-20T09:30:00.000Z');

describe('the pickup queue of a store', () => {
  const unpaid = {
    ...ORDER,
    id: 'ord_02UNPAID',
    orderNumber: 'W-UNPAID',
    prepaid: minor(0),
    placedAt: '2026-11-20T07:00:00.000Z',
  };
  const elsewhere = { ...ORDER, id: 'ord_03HN', orderNumber: 'W-HN', pickupStoreId: 'hn-hk' };
  const cancelled = { ...ORDER, id: 'ord_04X', orderNumber: 'W-X', status: 'cancelled' as const };

  it('lists this store’s open orders oldest first, with age, items left and balance due', () => {
    const rows = pickupQueue([ORDER, unpaid, elsewhere, cancelled], [], 'hcm-q1', NOW);
    expect(
      rows.map((row) => [row.orderNumber, row.ageMinutes, row.itemsToPickUp, row.balanceDue]),
    ).toEqual([
      ['W-UNPAID', 150, 5, 79_000],
      ['W-TESTORDR', 90, 5, 0],
    ]);
  });

  it('shows a partly picked-up order with what is left, and drops it once collected', () => {
    const first = pickup('pick_1', [{ lineId: 'l1', quantity: 2 }]);
    const partly = pickupQueue([ORDER], [first], 'hcm-q1', NOW);
    expect(partly.map((row) => [row.state, row.itemsToPickUp])).toEqual([['partly-picked-up', 3]]);
    const rest = pickup('pick_2', [{ lineId: 'l2', quantity: 3 }]);
    expect(pickupQueue([ORDER], [first, rest], 'hcm-q1', NOW)).toEqual([]);
  });

  it('says how long the customer waited in the counter’s words', () => {
    expect(ageLabel(45, 'en-US')).toBe('45 min');
    expect(ageLabel(90, 'en-US')).toBe('1 h');
    expect(ageLabel(3 * 1440, 'vi-VN')).toBe('3 ngày');
  });
});

describe('the hand-over check', () => {
  const customer = { name: 'Nguyễn Văn An', phone: '+84912345678' };
  const said = (orderNumber: string, nameOrPhone: string) => ({ orderNumber, nameOrPhone });

  it('accepts the order number with the name (any case, no diacritics) or the phone (any form)', () => {
    expect(handOverCheck(ORDER, customer, said('w-testordr', 'nguyen van an'))).toEqual({
      ok: true,
    });
    expect(handOverCheck(ORDER, customer, said('W-TESTORDR', '0912 345 678'))).toEqual({
      ok: true,
    });
    expect(handOverCheck(ORDER, customer, said(ORDER.id, '+84 912 345 678'))).toEqual({ ok: true });
  });

  it('refuses a wrong order number or someone else', () => {
    expect(handOverCheck(ORDER, customer, said('W-OTHER', 'Nguyễn Văn An'))).toEqual({
      ok: false,
      reason: 'order-number',
    });
    expect(handOverCheck(ORDER, customer, said('W-TESTORDR', 'Trần Thị B'))).toEqual({
      ok: false,
      reason: 'customer',
    });
    expect(handOverCheck(ORDER, customer, said('W-TESTORDR', '0912'))).toEqual({
      ok: false,
      reason: 'customer',
    });
    expect(handOverCheck(ORDER, null, said('W-TESTORDR', 'Nguyễn Văn An')).ok).toBe(false);
  });
});
