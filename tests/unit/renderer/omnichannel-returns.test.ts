import { describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc } from '../../../src/documents';
import { loyaltyBalance } from '../../../src/loyalty';
import { minor } from '../../../src/money';
import { planReturn } from '../../../src/returns';
import type { ReturnPlan } from '../../../src/returns';
import {
  buildReturnDocuments,
  mergeReturns,
  returnableLines,
} from '../../../renderer/lookup/return-documents';
import { DEFAULT_RETURN_POLICY } from '../../../src/returns';
import { returnSourceFromWebOrder } from '../../../renderer/returns/web-order-return-source';
import { ORDER, PRODUCTS, TAX_RATES, otherStoreReturn, pickup } from './omnichannel-fixtures';

const PICKED = [
  pickup('pick_1', [
    { lineId: 'l1', quantity: 2 },
    { lineId: 'l2', quantity: 3 },
  ]),
];
const source = returnSourceFromWebOrder({
  order: ORDER,
  pickups: PICKED,
  productBySku: (sku) => PRODUCTS.find((product) => product.sku === sku),
  tax: { rates: TAX_RATES, roundingMode: 'half-up' },
  pointsEarned: 7,
});

const EARN: LoyaltyEntryDoc = {
  id: 'loy_earn1',
  customerId: ORDER.customerId,
  kind: 'earn',
  points: 7,
  channel: 'web',
  sourceId: ORDER.id,
  idempotencyKey: `earn:${ORDER.id}`,
  createdAt: '2026-11-20T08:00:00.000Z',
};

function plan(
  lines: { originalLineId: string; quantity: number; restock: boolean }[],
  known = [otherStoreReturn('l2', 1, 9_667)],
): ReturnPlan {
  const result = planReturn({
    kind: 'with-receipt',
    source,
    lines: lines.map((line) => ({ ...line, reason: 'changed mind' })),
    knownReturns: known,
    policy: DEFAULT_RETURN_POLICY,
    now: '2026-11-23T10:00:00.000Z',
    cashRounding: { increment: 500, mode: 'half-up' },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

describe('a web order as a return source', () => {
  it('takes product, category and rate from the catalog, and VAT out of the line total', () => {
    expect(source.lines[0]).toMatchObject({
      productId: 'prod_SKU000001',
      categoryId: 'drinks',
      taxRateId: 'vat8',
      total: 50_000,
      // 50.000 × 8 / 108 = 3.703,7: half-up, the store's mode here.
      tax: 3_704,
    });
    // Not in this register's catalog: still returnable, by SKU.
    expect(source.lines[1]).toMatchObject({ productId: 'prod_SKU000002', categoryId: 'web' });
  });

  it('refunds the online payment like a card, and a counter payment in cash', () => {
    expect(source.tenders).toEqual([
      expect.objectContaining({
        kind: 'card',
        tenderId: 'online-payment',
        applied: 79_000,
        approvalCode: 'WEB W-TESTORDR',
      }),
    ]);
    const paidAtCounter = returnSourceFromWebOrder({
      order: { ...ORDER, prepaid: minor(0) },
      pickups: [{ ...PICKED[0]!, amountCollected: minor(79_000) }],
      productBySku: () => undefined,
      tax: { rates: TAX_RATES, roundingMode: 'half-up' },
      pointsEarned: 0,
    });
    expect(paidAtCounter.tenders.map((tender) => [tender.kind, tender.applied])).toEqual([
      ['cash', 79_000],
    ]);
    expect(paidAtCounter.soldAt).toBe('2026-11-21T10:00:00.000Z');
  });
});

describe('the VAT inside a web order line, rounded as the store rounds it', () => {
  const withRounding = (roundingMode: 'half-up' | 'down' | 'half-even') =>
    returnSourceFromWebOrder({
      order: ORDER,
      pickups: PICKED,
      productBySku: (sku) => PRODUCTS.find((product) => product.sku === sku),
      tax: { rates: TAX_RATES, roundingMode },
      pointsEarned: 0,
    }).lines[0]?.tax;

  it('a store that rounds VAT down takes 3.703 ₫ out of 50.000 ₫ at 8 %, half-up 3.704 ₫', () => {
    expect(withRounding('down')).toBe(3_703);
    expect(withRounding('half-even')).toBe(3_704);
    expect(withRounding('half-up')).toBe(3_704);
  });

  it('a store whose settings have not arrived yet rounds half-up', () => {
    const source = returnSourceFromWebOrder({
      order: ORDER,
      pickups: PICKED,
      productBySku: () => undefined,
      tax: undefined,
      pointsEarned: 0,
    });
    expect(source.lines[0]).toMatchObject({ tax: 3_704, taxRateId: 'vat-800' });
  });
});

describe('what is still returnable', () => {
  it('counts every store’s returns and, for a web order, only what was picked up', () => {
    const partly = new Map([
      ['l1', 1],
      ['l2', 3],
    ]);
    const known = mergeReturns(
      [otherStoreReturn('l2', 1, 9_667)],
      [otherStoreReturn('l2', 1, 9_667)],
    );
    expect(known).toHaveLength(1);
    expect(
      returnableLines(source, known, partly).map((line) => [
        line.lineId,
        line.returned,
        line.returnable,
      ]),
    ).toEqual([
      ['l1', 0, 1],
      ['l2', 1, 2],
    ]);
  });

  it('refuses more than is left after another store’s return', () => {
    const result = planReturn({
      kind: 'with-receipt',
      source,
      lines: [{ originalLineId: 'l2', quantity: 3, reason: 'x', restock: true }],
      knownReturns: [otherStoreReturn('l2', 1, 9_667)],
      policy: DEFAULT_RETURN_POLICY,
      now: '2026-11-23T10:00:00.000Z',
      cashRounding: null,
    });
    expect(result.ok).toBe(false);
  });
});

describe('the documents a return writes', () => {
  const writer = {
    storeId: 'hn-hk',
    registerId: 'reg-02',
    deviceId: 'dev_hn',
    staffId: 'staff_tuan',
  };

  it('restocks or writes off each line here, refunds to the online payment and takes points back', () => {
    const planned = plan([
      { originalLineId: 'l1', quantity: 2, restock: true },
      { originalLineId: 'l2', quantity: 1, restock: false },
    ]);
    const documents = buildReturnDocuments({
      returnId: 'ret_0001',
      plan: planned,
      currency: 'VND',
      writer,
      now: '2026-11-23T10:00:00.000Z',
      ledger: [EARN],
    });
    expect(documents.returnDoc).toMatchObject({
      id: 'ret_0001',
      storeId: 'hn-hk',
      original: { documentId: ORDER.id, channel: 'web', storeId: 'hcm-q1' },
      customerId: ORDER.customerId,
      totals: { refund: 59_666 },
    });
    expect(documents.returnDoc.tenders).toEqual([
      expect.objectContaining({
        kind: 'card',
        originalTenderId: 'online-payment',
        amount: 59_666,
        originalApprovalCode: 'WEB W-TESTORDR',
      }),
    ]);
    expect(
      documents.stockMoves.map((move) => [
        move.kind,
        move.sku,
        move.quantity,
        move.bucket,
        move.storeId,
      ]),
    ).toEqual([
      ['return-sellable', 'SKU000001', 2, 'sellable', 'hn-hk'],
      ['return-damaged', 'SKU000002', 1, 'damaged', 'hn-hk'],
    ]);
    expect(documents.loyaltyEntries).toHaveLength(1);
    const [reverse] = documents.loyaltyEntries;
    expect(reverse).toMatchObject({
      kind: 'reverse',
      refersTo: 'loy_earn1',
      storeId: 'hn-hk',
      sourceId: 'ret_0001',
    });
    expect(reverse?.points).toBe(-planned.loyalty.pointsEarnedReversed);
    expect(loyaltyBalance([EARN, ...documents.loyaltyEntries], ORDER.customerId).available).toBe(
      7 - planned.loyalty.pointsEarnedReversed,
    );
    expect(documents.loyaltyShortfall).toBe(0);
  });

  it('says how many points it could not move when the ledger is not on the register', () => {
    const documents = buildReturnDocuments({
      returnId: 'ret_0002',
      plan: plan([{ originalLineId: 'l1', quantity: 2, restock: true }]),
      currency: 'VND',
      writer,
      now: '2026-11-23T10:00:00.000Z',
      ledger: [],
    });
    expect(documents.loyaltyEntries).toEqual([]);
    expect(documents.loyaltyShortfall).toBeGreaterThan(0);
  });

  it('derives its stock and loyalty ids from the return’s: a retry writes the same documents', () => {
    const build = () =>
      buildReturnDocuments({
        returnId: 'ret_01JZRETRY0000000000000000',
        plan: plan([
          { originalLineId: 'l1', quantity: 2, restock: true },
          { originalLineId: 'l2', quantity: 1, restock: false },
        ]),
        currency: 'VND',
        writer,
        now: '2026-11-23T10:00:00.000Z',
        ledger: [EARN],
      });
    const first = build();
    expect(first.stockMoves.map((move) => move.id)).toEqual([
      'stk_01JZRETRY0000000000000000.1',
      'stk_01JZRETRY0000000000000000.2',
    ]);
    expect(first.loyaltyEntries.map((entry) => entry.id)).toEqual([
      'loy_01JZRETRY0000000000000000.earn',
    ]);
    expect(build()).toEqual(first);
  });

  it('marks an exchange with the new sale’s id', () => {
    const documents = buildReturnDocuments({
      returnId: 'ret_0003',
      plan: plan([{ originalLineId: 'l1', quantity: 1, restock: true }]),
      currency: 'VND',
      writer,
      now: '2026-11-23T10:00:00.000Z',
      ledger: [EARN],
      exchangeSaleId: 'sale_NEXT',
    });
    expect(documents.returnDoc.exchangeSaleId).toBe('sale_NEXT');
  });
});
