import { describe, expect, expectTypeOf, it } from 'vitest';
import type { LoyaltyEntryDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import type { Minor } from '../../../src/money';
import { businessHour } from '../../../src/store-clock';
import {
  customerReport,
  loyaltyReport,
  ratioBp,
  returnsReport,
  salesReport,
  shiftTenderMovements,
  toCsv,
} from '../../../src/reports';
import { xReport, openShift } from '../../../src/shifts';
import { refund, tillSale, webOrder } from './reports-fixtures';

const DAY = { from: '2026-03-01T17:00:00.000Z', to: '2026-03-02T17:00:00.000Z' }; // 2 March, Hanoi time
const TZ = 'Asia/Ho_Chi_Minh';

describe('sales report', () => {
  const morning = tillSale('2026-03-02T02:15:00.000Z', { unitPrice: 25_000, quantity: 2 });
  const cash = tillSale('2026-03-02T02:45:00.000Z', {
    unitPrice: 22_000,
    categoryId: 'bakery',
    staffId: 'staff_minh',
    tender: { kind: 'cash', tenderId: 't1', amount: minor(50_000) },
  });
  const yesterday = tillSale('2026-03-01T10:00:00.000Z', { unitPrice: 99_000 });
  const voided = {
    ...tillSale('2026-03-02T03:00:00.000Z', { unitPrice: 10_000 }),
    status: 'voided' as const,
  };

  it('adds up a day of till sales by channel, tender, cashier, category and hour, store time', () => {
    const report = salesReport({
      sales: [morning, cash, yesterday, voided, cash],
      period: DAY,
      timeZone: TZ,
    });
    expect(report.count).toBe(2);
    expect(report.total).toBe(72_000);
    expect(report.byChannel).toEqual([{ key: 'store', count: 2, amount: 72_000 }]);
    expect(report.byCashier).toEqual([
      { key: 'staff_lan', count: 1, amount: 50_000 },
      { key: 'staff_minh', count: 1, amount: 22_000 },
    ]);
    expect(report.byCategory.map((row) => [row.key, row.amount])).toEqual([
      ['drinks', 50_000],
      ['bakery', 22_000],
    ]);
    // Cash keeps what was due (22,000), never the note handed over: the change went back.
    expect(report.byTender).toEqual([
      { key: 'card', count: 1, amount: 50_000 },
      { key: 'cash', count: 1, amount: 22_000 },
    ]);
    expect(report.byHour).toHaveLength(24);
    expect(report.byHour[9]).toEqual({ key: '09', count: 2, amount: 72_000 });
  });

  it('counts web and social orders collected here under their own channel, not cancelled ones', () => {
    const report = salesReport({
      sales: [morning],
      orders: [
        webOrder('ord_1', '2026-03-02T05:00:00.000Z', 120_000),
        webOrder('ord_2', '2026-03-02T05:30:00.000Z', 80_000, { channel: 'social' }),
        webOrder('ord_3', '2026-03-02T06:00:00.000Z', 70_000, { status: 'cancelled' }),
        webOrder('ord_4', '2026-03-02T06:00:00.000Z', 70_000, { pickupStoreId: 'hn-hk' }),
      ],
      period: DAY,
      timeZone: TZ,
      storeId: 'hcm-q1',
    });
    expect(report.byChannel).toEqual([
      { key: 'web', count: 1, amount: 120_000 },
      { key: 'social', count: 1, amount: 80_000 },
      { key: 'store', count: 1, amount: 50_000 },
    ]);
    expect(report.total).toBe(250_000);
  });

  it('reads hours on the store clock across midnight UTC', () => {
    expect(businessHour('2026-03-01T17:30:00.000Z', TZ)).toBe(0);
    expect(businessHour('2026-03-02T16:59:00.000Z', TZ)).toBe(23);
  });
});

describe('returns report', () => {
  it('splits returns by the channel bought on and by reason; no receipt is its own channel', () => {
    const report = returnsReport(
      [
        refund('ret_1', '2026-03-02T03:00:00.000Z', 25_000, {
          original: { documentId: 'sale_1', channel: 'store' },
        }),
        refund('ret_2', '2026-03-02T04:00:00.000Z', 120_000, {
          original: { documentId: 'ord_1', channel: 'web' },
          reason: 'wrong size',
        }),
        refund('ret_3', '2026-03-02T04:30:00.000Z', 10_000),
        refund('ret_4', '2026-03-05T04:30:00.000Z', 10_000),
      ],
      DAY,
    );
    expect(report.count).toBe(3);
    expect(report.total).toBe(155_000);
    expect(report.byChannel).toEqual([
      { key: 'web', count: 1, amount: 120_000 },
      { key: 'store', count: 1, amount: 25_000 },
      { key: 'no-receipt', count: 1, amount: 10_000 },
    ]);
    expect(report.byReason).toEqual([
      { key: 'wrong size', count: 1, amount: 120_000 },
      { key: 'damaged', count: 2, amount: 35_000 },
    ]);
  });
});

describe('loyalty report', () => {
  const entry = (
    id: string,
    kind: LoyaltyEntryDoc['kind'],
    points: number,
    extra: Partial<LoyaltyEntryDoc> = {},
  ): LoyaltyEntryDoc => ({
    id,
    customerId: 'cust_1',
    kind,
    points,
    channel: 'store',
    storeId: 'hcm-q1',
    sourceId: 'sale_1',
    idempotencyKey: `${kind}:${id}`,
    createdAt: '2026-03-02T03:00:00.000Z',
    ...extra,
  });

  it('nets issued and redeemed points, ignores holds, and counts each fact once', () => {
    const report = loyaltyReport(
      [
        entry('a', 'earn', 120),
        entry('b', 'earn', 80, { channel: 'web', storeId: undefined }),
        entry('c', 'reverse', -20),
        entry('d', 'redeem', -50),
        entry('d2', 'redeem', -50, { idempotencyKey: 'redeem:d' }),
        entry('e', 'reverse', 10),
        entry('f', 'hold', -30),
        entry('g', 'release', 30),
        entry('h', 'expire', -5),
        entry('i', 'earn', 999, { createdAt: '2026-02-01T00:00:00.000Z' }),
      ],
      DAY,
    );
    expect(report).toEqual({
      issued: 180,
      redeemed: 40,
      expired: 5,
      issuedByChannel: [
        { key: 'store', count: 1, amount: 100 },
        { key: 'web', count: 1, amount: 80 },
      ],
    });
  });

  it('keeps to one store when asked', () => {
    const report = loyaltyReport(
      [entry('a', 'earn', 120), entry('b', 'earn', 80, { storeId: 'hn-hk' })],
      DAY,
      'hcm-q1',
    );
    expect(report.issued).toBe(120);
  });
});

describe('customer report', () => {
  it('measures lifetime value, repeat purchases and buying on more than one channel', () => {
    const report = customerReport({
      sales: [
        tillSale('2026-03-01T03:00:00.000Z', { unitPrice: 100_000, customerId: 'cust_1' }),
        tillSale('2026-03-02T03:00:00.000Z', { unitPrice: 50_000, customerId: 'cust_2' }),
        tillSale('2026-03-02T04:00:00.000Z', { unitPrice: 30_000, customerId: 'cust_2' }),
        tillSale('2026-03-02T04:00:00.000Z', { unitPrice: 10_000 }),
        tillSale('2026-04-01T04:00:00.000Z', { unitPrice: 10_000, customerId: 'cust_3' }),
      ],
      orders: [webOrder('ord_1', '2026-03-01T05:00:00.000Z', 60_000, { customerId: 'cust_1' })],
      returns: [refund('ret_1', '2026-03-02T05:00:00.000Z', 20_000, { customerId: 'cust_1' })],
      asOf: '2026-03-03T00:00:00.000Z',
    });
    expect(report.customers).toBe(2);
    expect(report.top).toEqual([
      { customerId: 'cust_1', purchases: 2, channels: ['store', 'web'], lifetimeValue: 140_000 },
      { customerId: 'cust_2', purchases: 2, channels: ['store'], lifetimeValue: 80_000 },
    ]);
    expect(report.averageLifetimeValue).toBe(110_000);
    expect(report.repeatRateBp).toBe(10_000);
    expect(report.multiChannelShareBp).toBe(5_000);
  });

  it('is all zeros without customers', () => {
    expect(customerReport({ sales: [], asOf: '2026-03-03T00:00:00.000Z' })).toEqual({
      customers: 0,
      averageLifetimeValue: 0,
      repeatRateBp: 0,
      multiChannelShareBp: 0,
      top: [],
    });
  });

  it('rounds rates half-up in basis points', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(1, 0)).toBe(0);
  });
});

describe('tender movements of a shift', () => {
  it('counts what the drawer kept from cash sales and what left it on refunds', () => {
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
    const cash = tillSale('2026-03-02T02:00:00.000Z', {
      unitPrice: 25_000,
      quantity: 2,
      shiftId: 'shift_1',
      tender: { kind: 'cash', tenderId: 't1', amount: minor(100_000) },
    });
    const card = tillSale('2026-03-02T02:10:00.000Z', { unitPrice: 22_000, shiftId: 'shift_1' });
    const other = tillSale('2026-03-02T02:20:00.000Z', { unitPrice: 9_000, shiftId: 'shift_2' });
    const movements = shiftTenderMovements(
      'shift_1',
      [cash, card, other, cash],
      [refund('ret_1', '2026-03-02T03:00:00.000Z', 25_000, { shiftId: 'shift_1' })],
    );
    expect(movements.map((m) => [m.kind, m.tender, m.amount])).toEqual([
      ['sale', 'cash', 50_000],
      ['sale', 'card', 22_000],
      ['sale', 'cash', 50_000],
      ['refund', 'cash', -25_000],
    ]);
    const x = xReport(
      shift,
      { tenderMovements: movements, cashMoves: [] },
      '2026-03-02T04:00:00.000Z',
    );
    // The duplicate read of the cash sale counts once: its id is the same.
    expect(x.tenders.map((t) => [t.tender, t.expected])).toEqual([
      ['cash', 525_000],
      ['card', 22_000],
    ]);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting, keeps Vietnamese and numbers, and disarms formulas', () => {
    expect(
      toCsv(
        ['Mục', 'Giá trị'],
        [
          ['Cà phê, sữa', 25_000],
          ['Nói "xin chào"', -5_000],
          ['=HYPERLINK("x")', 1],
        ],
      ),
    ).toBe(
      'Mục,Giá trị\r\n"Cà phê, sữa",25000\r\n"Nói ""xin chào""",-5000\r\n"\'=HYPERLINK(""x"")",1\r\n',
    );
  });
});

describe('report money is Minor, points are plain numbers', () => {
  it('types every money figure as Minor (a plain number no longer compiles there)', () => {
    const sales = salesReport({ sales: [], period: DAY, timeZone: TZ });
    const returns = returnsReport([], DAY);
    const customers = customerReport({ sales: [], asOf: DAY.to });
    expectTypeOf(sales.total).toEqualTypeOf<Minor>();
    expectTypeOf<(typeof sales.byTender)[number]['amount']>().toEqualTypeOf<Minor>();
    expectTypeOf(returns.total).toEqualTypeOf<Minor>();
    expectTypeOf(customers.averageLifetimeValue).toEqualTypeOf<Minor>();
    expectTypeOf<(typeof customers.top)[number]['lifetimeValue']>().toEqualTypeOf<Minor>();
    expectTypeOf<
      ReturnType<typeof loyaltyReport>['issuedByChannel'][number]['amount']
    >().toEqualTypeOf<number>();
    expect([sales.total, returns.total, customers.averageLifetimeValue]).toEqual([0, 0, 0]);
  });
});
