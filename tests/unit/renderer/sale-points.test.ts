/**
 * The points the open sale works with. The walkthrough's defect: the server's hold for the
 * sale's own points tender replicated to the register before F12 and was counted beside the
 * sale's redemption, so the balance shown and printed after the sale was short by the tender.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_LOYALTY } from '../../../src/demo';
import type { LoyaltyEntryDoc } from '../../../src/documents';
import { earnEntry, holdEntry, releaseEntry } from '../../../src/loyalty';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { pointsBeforeSale, pointsCap } from '../../../renderer/sell/sale-points';
import { SETTINGS } from '../src/reports-fixtures';

const program = DEMO_LOYALTY.program;
const at = '2026-03-02T02:00:00.000Z';
const context = (id: string) => ({ id, createdAt: at, channel: 'store' as const });
const subject = (sourceId: string) => ({ customerId: 'cust_an', sourceId });

const earned = earnEntry(subject('ord_1'), 301, program, context('loy_earn'));
const refusedHold = holdEntry(subject('sale_1'), 20, program, context('loy_hold-a'));
const givenBack = releaseEntry(refusedHold, context('loy_release-a'));
const saleHold = holdEntry(subject('sale_1'), 20, program, context('loy_hold-b'));
const otherSaleHold = holdEntry(subject('sale_0'), 30, program, context('loy_hold-c'));

describe('the points before the sale redeems any', () => {
  it('leave out the sale’s own holds, given back or not', () => {
    const ledger: LoyaltyEntryDoc[] = [earned, refusedHold, givenBack, saleHold];
    expect(pointsBeforeSale(ledger, 'cust_an', 'sale_1')).toBe(301);
    // A hold the release of which has not arrived yet counts for nothing either.
    expect(pointsBeforeSale([earned, refusedHold, saleHold], 'cust_an', 'sale_1')).toBe(301);
  });

  it('still count another sale’s hold: those points are promised elsewhere', () => {
    expect(pointsBeforeSale([earned, otherSaleHold, saleHold], 'cust_an', 'sale_1')).toBe(271);
    expect(pointsBeforeSale([earned, saleHold], 'cust_an', null)).toBe(281);
  });

  it('give completion the balance the server ends with', () => {
    const ledger = [earned, refusedHold, givenBack, saleHold];
    const result = completeSale({
      saleId: 'sale_1',
      createdAt: at,
      completedAt: at,
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: 'dev_1',
      staffId: 'staff_lan',
      settings: { ...SETTINGS, loyalty: DEMO_LOYALTY },
      cart: {
        lines: [
          {
            lineId: 'l1',
            productId: 'prod_A',
            sku: 'A',
            name: 'A',
            categoryId: 'drinks',
            pricing: 'unit',
            unitPrice: minor(50_000),
            quantity: 1,
            taxRateId: 'vat8',
          },
        ],
      },
      tenders: [
        { kind: 'loyalty-points', tenderId: 'p1', amount: minor(20_000), points: 20 },
        { kind: 'cash', tenderId: 'c1', amount: minor(30_000) },
      ],
      customer: {
        id: 'cust_an',
        tier: null,
        availablePoints: pointsBeforeSale(ledger, 'cust_an', 'sale_1'),
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    const { pointsAfter, sale } = result.completed;
    // 301 − 20 redeemed + what the 30,000 paid in cash earned.
    expect(pointsAfter).toBe(301 - 20 + (sale.loyalty?.pointsEarned ?? 0));
  });
});

describe('the cap the points hint states', () => {
  it('is the program’s share of the sale, not the whole balance', () => {
    expect(pointsCap({ available: 301, saleTotal: minor(50_000), tendered: 0 }, program)).toBe(25);
  });

  it('shrinks by what other points tenders of the sale already take', () => {
    expect(pointsCap({ available: 301, saleTotal: minor(50_000), tendered: 15 }, program)).toBe(10);
  });

  it('is the balance when that is smaller, and nothing below the minimum redemption', () => {
    expect(pointsCap({ available: 12, saleTotal: minor(500_000), tendered: 0 }, program)).toBe(12);
    expect(pointsCap({ available: 9, saleTotal: minor(500_000), tendered: 0 }, program)).toBe(0);
  });

  it('offline, is no more than the register’s allowance (daily limits)', () => {
    expect(
      pointsCap(
        { available: 301, saleTotal: minor(500_000), tendered: 0, offlineAllowed: 40 },
        program,
      ),
    ).toBe(40);
  });
});
