/**
 * Gift cards sold are no sales revenue (src/stored-value/gift-card-sales.ts): the sales, customer
 * and X/Z reports show them on their own line, out of revenue and VAT, while the tenders that
 * paid for them stay in the payment totals and the drawer (cash over/short stays right).
 */
import { describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import type { Minor } from '../../../src/money';
import {
  customerReport,
  salesReport,
  shiftGiftCardSales,
  shiftTenderMovements,
} from '../../../src/reports';
import { completeSale } from '../../../src/sales';
import { openShift, xReport, zReport } from '../../../src/shifts';
import { giftCardLine } from '../../../src/stored-value';
import { SETTINGS, tillSale } from './reports-fixtures';

const DAY = { from: '2026-03-01T17:00:00.000Z', to: '2026-03-02T17:00:00.000Z' };
const TZ = 'Asia/Ho_Chi_Minh';
const AT = '2026-03-02T02:00:00.000Z';

let serial = 0;

/** A sale at AT in shift_1, paid `cash` in cash: a 50.000 ₫ coffee (when `coffee`) and cards. */
function saleWithCards(options: { coffee: boolean; cards: number[]; cash: number }): SaleDoc {
  serial += 1;
  const cards = options.cards.map((amount, index) =>
    giftCardLine({
      lineId: `g${index + 1}`,
      number: `GC${serial}000000${index}`,
      amount: minor(amount),
      name: 'Thẻ quà tặng',
    }),
  );
  const coffee = {
    lineId: 'l1',
    productId: 'prod_A',
    sku: 'A',
    name: 'A',
    categoryId: 'drinks',
    pricing: 'unit' as const,
    unitPrice: minor(50_000),
    quantity: 1,
    taxRateId: 'vat8',
  };
  const result = completeSale({
    saleId: `sale_GC${serial}`,
    createdAt: AT,
    completedAt: AT,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    shiftId: 'shift_1',
    settings: SETTINGS,
    cart: { lines: [...(options.coffee ? [coffee] : []), ...cards] },
    tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(options.cash) }],
    customer: { id: 'cust_1', tier: null, availablePoints: 0 },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const mixed = saleWithCards({ coffee: true, cards: [200_000], cash: 300_000 });
const cardsOnly = saleWithCards({ coffee: false, cards: [100_000, 500_000], cash: 600_000 });
const coffeeOnly = tillSale(AT, { unitPrice: 50_000, shiftId: 'shift_1', customerId: 'cust_1' });
const sales = [mixed, cardsOnly, coffeeOnly];

describe('gift cards in the sales report', () => {
  const report = salesReport({ sales, period: DAY, timeZone: TZ });

  it('leaves the cards out of revenue, channel, cashier, hour and category, on a line of their own', () => {
    expect(report.total).toBe(100_000);
    expect(report.count).toBe(2);
    expect(report.giftCards).toEqual({ count: 3, total: 800_000 });
    expect(report.byChannel).toEqual([{ key: 'store', count: 2, amount: 100_000 }]);
    expect(report.byCashier).toEqual([{ key: 'staff_lan', count: 2, amount: 100_000 }]);
    expect(report.byCategory.map((row) => row.key)).toEqual(['drinks']);
    expect(report.byHour.reduce((total, row) => total + row.amount, 0)).toBe(100_000);
  });

  it('keeps them out of VAT, but counts the money that paid for them by tender', () => {
    expect(report.byTaxRate.map((row) => [row.taxRateId, row.total])).toEqual([['vat8', 100_000]]);
    const byTender = new Map(report.byTender.map((row) => [row.key, row.amount]));
    // 250.000 ₫ kept of the mixed sale's 300.000 ₫ (50.000 ₫ change), 600.000 ₫ for two cards.
    expect(byTender.get('cash')).toBe(850_000);
  });
});

describe('gift cards in the customer report', () => {
  it('gives no lifetime value for cards bought: the value counts when a card is spent', () => {
    const report = customerReport({ sales, asOf: '2026-03-03T00:00:00.000Z' });
    expect(report.top).toEqual([
      { customerId: 'cust_1', purchases: 2, channels: ['store'], lifetimeValue: 100_000 },
    ]);
  });
});

describe('gift cards in the X and Z reports', () => {
  const shift = openShift({
    id: 'shift_1',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    currency: 'VND',
    openedAt: '2026-03-02T01:00:00.000Z',
    openedBy: 'staff_ha',
    openingFloat: minor(500_000),
  });
  const movements = {
    cashMoves: [],
    tenderMovements: shiftTenderMovements('shift_1', [...sales, mixed], []),
    giftCardSales: shiftGiftCardSales('shift_1', [...sales, mixed]),
  };

  it('shows the cards sold on their own line, each sale once, and not before they were sold', () => {
    expect(xReport(shift, movements, '2026-03-02T03:00:00.000Z').giftCardsSold).toEqual({
      count: 3,
      amount: 800_000,
    });
    expect(xReport(shift, movements, '2026-03-02T01:30:00.000Z').giftCardsSold).toEqual({
      count: 0,
      amount: 0,
    });
  });

  it('still expects the cards’ cash in the drawer: counted in full, nothing over or short', () => {
    const cash = xReport(shift, movements, '2026-03-02T03:00:00.000Z').tenders[0]!;
    expect(cash.byKind.sale).toBe(250_000 + 600_000);
    const expected: Minor = minor(500_000 + 250_000 + 600_000);
    const z = zReport(
      shift,
      movements,
      [
        { tender: 'cash', total: expected },
        { tender: 'card', total: minor(50_000) },
      ],
      '2026-03-02T04:00:00.000Z',
    );
    expect(z.totalOverShort).toBe(0);
    expect(z.giftCardsSold.amount).toBe(800_000);
  });
});
