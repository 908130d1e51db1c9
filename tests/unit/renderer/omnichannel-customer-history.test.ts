import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { customerHistory, customerSummary, mergeHistory } from '../../../src/customers';
import type { HistoryItem } from '../../../src/customers';
import { readLookupInput } from '../../../renderer/lookup/lookup-input';
import { ORDER, otherStoreReturn, pickup } from './omnichannel-fixtures';

const context = { today: '2026-11-23', currency: 'VND' as const };

describe('what the cashier scanned or typed to find a document', () => {
  it('reads order QR codes, receipt ids and typed order numbers', () => {
    expect(readLookupInput('OMNITILL:ORDER:ord_01HX3Y4Z5A6B7C8D9E0F1G2H3J', context)).toEqual({
      kind: 'order',
      key: 'ord_01HX3Y4Z5A6B7C8D9E0F1G2H3J',
    });
    expect(readLookupInput('sale_01HX3Y4Z5A6B7C8D9E0F1G2H3J', context)).toEqual({
      kind: 'sale',
      id: 'sale_01HX3Y4Z5A6B7C8D9E0F1G2H3J',
    });
    expect(readLookupInput(' w-7k3m9q2p ', context)).toEqual({ kind: 'order', key: 'W-7K3M9Q2P' });
  });

  it('turns away return receipts, product barcodes and blanks with a reason', () => {
    expect(readLookupInput('ret_01HX3Y4Z5A6B7C8D9E0F1G2H3J', context)).toMatchObject({
      reason: 'return-receipt',
    });
    expect(readLookupInput('8930000000019', context)).toMatchObject({ reason: 'not-a-document' });
    expect(readLookupInput('  ', context)).toMatchObject({ reason: 'empty' });
  });
});

describe('a customer’s history across channels', () => {
  const server: HistoryItem[] = [
    {
      kind: 'sale',
      id: 'sale_hn',
      channel: 'store',
      storeId: 'hn-hk',
      at: '2026-11-10T08:00:00.000Z',
      total: minor(120_000),
      status: 'completed',
    },
    {
      kind: 'sale',
      id: 'sale_void',
      channel: 'store',
      storeId: 'hcm-q1',
      at: '2026-11-11T08:00:00.000Z',
      total: minor(99_000),
      status: 'voided',
    },
    {
      kind: 'order',
      id: ORDER.id,
      channel: 'web',
      storeId: 'hcm-q1',
      at: ORDER.placedAt,
      total: ORDER.total,
      status: 'ready-for-pickup',
    },
  ];

  it('merges the server’s answer with what only this register holds, newest first', () => {
    const local = customerHistory(ORDER.customerId, {
      sales: [],
      orders: [ORDER],
      returns: [otherStoreReturn('l2', 1, 9_666)],
    });
    const merged = mergeHistory(server, local);
    expect(merged.map((item) => [item.kind, item.id, item.storeId])).toEqual([
      ['return', 'ret_OTHERl2', 'hn-hk'],
      ['order', ORDER.id, 'hcm-q1'],
      ['sale', 'sale_void', 'hcm-q1'],
      ['sale', 'sale_hn', 'hn-hk'],
    ]);
    expect(customerSummary(merged)).toEqual({
      lifetimeSpend: 120_000 + 79_000 - 9_666,
      visits: 2,
      lastVisit: ORDER.placedAt,
      returns: 1,
    });
  });

  it('names documents by the numbers people read, a return by the number of what it undoes', () => {
    // Issue #18: the history showed "← ord_01TESTORDER", an id no customer or cashier knows.
    const serverReturn = customerHistory(ORDER.customerId, {
      sales: [],
      orders: [],
      returns: [otherStoreReturn('l2', 1, 9_666)],
    });
    const local = customerHistory(ORDER.customerId, { sales: [], orders: [ORDER], returns: [] });
    const merged = mergeHistory(serverReturn, local);
    expect(merged.map((item) => [item.kind, item.reference, item.originalReference])).toEqual([
      ['return', undefined, 'W-TESTORDR'],
      ['order', 'W-TESTORDR', undefined],
    ]);
    // A return whose original no list holds keeps its id for lookups but has no number to show.
    const alone = mergeHistory(serverReturn)[0];
    expect(alone?.original).toBe(ORDER.id);
    expect(alone?.originalReference).toBeUndefined();
  });

  it("names a collected web order by its pickups, not only the server's ready-for-pickup", () => {
    const status = (pickups: ReturnType<typeof pickup>[]) =>
      customerHistory(ORDER.customerId, { sales: [], orders: [ORDER], returns: [], pickups })[0]
        ?.status;
    expect(status([])).toBe('ready-for-pickup');
    const part = pickup('pick_1', [{ lineId: 'l1', quantity: 2 }]);
    expect(status([part])).toBe('partly-picked-up');
    expect(status([part, pickup('pick_2', [{ lineId: 'l2', quantity: 3 }])])).toBe('picked-up');
  });

  it('has nothing to sum for a new customer', () => {
    expect(customerSummary([])).toEqual({
      lifetimeSpend: 0,
      visits: 0,
      lastVisit: null,
      returns: 0,
    });
  });
});
