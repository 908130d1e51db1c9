/**
 * What a stored sale implies (src/sales): the same stock moves and ledger entries completion
 * wrote, rebuilt from the SaleDoc alone, which is what lets a repair after a crash finish a
 * sale without the customer's live balance.
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { completeSale, saleImpliedDocuments } from '../../../src/sales';
import type { CompleteSaleInput } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';
import { cart, LOYALTY, NOW, SALE_ID, storeSettings } from '../renderer/sale-fixtures';

function completed(tenders: TenderInput[], availablePoints: number | null) {
  const input: CompleteSaleInput = {
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: '2026-11-23T08:01:00.000Z',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders,
    ...(availablePoints === null
      ? {}
      : { customer: { id: 'cust_1', tier: null, availablePoints } }),
  };
  const result = completeSale(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.completed;
}

const pointsAndCash: TenderInput[] = [
  { tenderId: 't1', kind: 'loyalty-points', amount: minor(20_000), points: 20 },
  { tenderId: 't2', kind: 'cash', amount: minor(52_000) },
];

describe('the documents a stored sale implies', () => {
  it('points tender and earn: the very stock moves and entries completion wrote', () => {
    const done = completed(pointsAndCash, 40);
    expect(saleImpliedDocuments(done.sale, LOYALTY.program)).toEqual({
      stockMoves: done.stockMoves,
      loyaltyEntries: done.loyaltyEntries,
    });
    expect(done.loyaltyEntries.map((entry) => entry.id)).toEqual([
      'loy_01KAQ0000000000000000000AB.redeem',
      'loy_01KAQ0000000000000000000AB.earn',
    ]);
  });

  it('does not depend on the balance the register saw: 40 points or 4,000, same documents', () => {
    const few = completed(pointsAndCash, 40);
    const many = completed(pointsAndCash, 4_000);
    expect(many.pointsAfter).not.toBe(few.pointsAfter);
    expect(saleImpliedDocuments(many.sale, LOYALTY.program)).toEqual(
      saleImpliedDocuments(few.sale, LOYALTY.program),
    );
  });

  it('a cash sale without a customer: one stock move per line and no entries', () => {
    const done = completed([{ tenderId: 't1', kind: 'cash', amount: minor(72_000) }], null);
    const implied = saleImpliedDocuments(done.sale, LOYALTY.program);
    expect(implied.stockMoves.map((move) => [move.id, move.quantity])).toEqual([
      ['stk_01KAQ0000000000000000000AB.1', -2],
      ['stk_01KAQ0000000000000000000AB.2', -1],
    ]);
    expect(implied.loyaltyEntries).toEqual([]);
  });

  it('with no program left to date the earned lot, the redemption is still there', () => {
    const done = completed(pointsAndCash, 40);
    const implied = saleImpliedDocuments(done.sale, null);
    expect(implied.loyaltyEntries.map((entry) => entry.kind)).toEqual(['redeem']);
    expect(implied.stockMoves).toEqual(done.stockMoves);
  });

  it('a voided sale implies nothing: its goods never left', () => {
    const done = completed(pointsAndCash, 40);
    const voided = {
      ...done.sale,
      status: 'voided' as const,
      void: { voidedAt: NOW, voidedBy: 'staff_minh', reason: 'test' },
    };
    expect(saleImpliedDocuments(voided, LOYALTY.program)).toEqual({
      stockMoves: [],
      loyaltyEntries: [],
    });
  });
});
