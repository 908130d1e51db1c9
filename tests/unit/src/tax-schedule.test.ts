/**
 * VAT that changes by date (docs/TAX.md): the demo's 8 % category becomes 10 % at 00:00 on
 * 1 January 2027 in the store's time zone, a sale is taxed at its completion (a register offline
 * across midnight included), and the server's re-derivation agrees with the register.
 */
import { describe, expect, it } from 'vitest';
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc, StoreSettingsDoc, TaxRate } from '../../../src/documents';
import { minor } from '../../../src/money';
import { pricingContextFromSettings, priceCart, verifySaleTotals } from '../../../src/pricing';
import type { CartInput } from '../../../src/pricing';
import { completeSale } from '../../../src/sales';
import { salesReport } from '../../../src/reports';
import { TaxError, findTaxRate, taxCategoryProblems, taxRateAt } from '../../../src/tax';

/** 23:59:59 on 31 Dec 2026 and 00:00:01 on 1 Jan 2027 in Asia/Ho_Chi_Minh (UTC+7). */
const LAST_SECOND_2026 = '2026-12-31T16:59:59.000Z';
const FIRST_SECOND_2027 = '2026-12-31T17:00:01.000Z';
const BEFORE_MIDNIGHT = '2026-12-31T16:58:00.000Z';

const settings = (): StoreSettingsDoc =>
  demoStoreSettings('hcm-q1', 'Omnitill Quận 1', 'Q1', '2026-12-01T00:00:00.000Z');

function reduced(): TaxRate {
  const rate = settings().tax.rates.find((candidate) => candidate.id === 'vat8');
  if (!rate) throw new Error('the demo has no vat8 category');
  return rate;
}

/** Two iced coffees at 25.000 ₫ (the demo's 8 % goods), paid by card. */
const coffees: CartInput = {
  lines: [
    {
      lineId: 'l1',
      productId: 'prod_SKU000001',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      categoryId: 'drinks',
      pricing: 'unit',
      unitPrice: minor(25_000),
      quantity: 2,
      taxRateId: 'vat8',
    },
  ],
};

function sale(
  createdAt: string,
  completedAt: string,
  store = settings(),
  saleId = 'sale_01TAX',
): SaleDoc {
  const result = completeSale({
    saleId,
    createdAt,
    completedAt,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: store,
    cart: coffees,
    tenders: [{ kind: 'card', tenderId: 't1', amount: minor(50_000), approvalCode: 'OK' }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const verify = (doc: SaleDoc, store = settings()) =>
  verifySaleTotals(doc, { ...store, cashRounding: store.cashRounding });

describe('the rate of a category at an instant', () => {
  it('is 8 % at 23:59:59 on 31 Dec 2026 and 10 % at 00:00:01 on 1 Jan 2027 in Vietnam', () => {
    expect(taxRateAt(reduced(), LAST_SECOND_2026, 'Asia/Ho_Chi_Minh')).toBe(800);
    expect(taxRateAt(reduced(), FIRST_SECOND_2027, 'Asia/Ho_Chi_Minh')).toBe(1000);
    expect(taxRateAt(reduced(), '2027-06-01T03:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe(1000);
  });

  it("turns on the store's calendar, not UTC's: at 00:00:01 in Vietnam it is still 2026 in UTC", () => {
    expect(taxRateAt(reduced(), FIRST_SECOND_2027, 'UTC')).toBe(800);
    expect(taxRateAt(reduced(), '2027-01-01T00:00:00.000Z', 'UTC')).toBe(1000);
  });

  it('a category without changes keeps its rate', () => {
    const standard = { id: 'vat10', rateBp: 1000, label: { vi: '10%', en: '10%' } };
    expect(taxRateAt(standard, FIRST_SECOND_2027, 'Asia/Ho_Chi_Minh')).toBe(1000);
  });

  it('refuses a schedule out of order, a malformed day, and a rate on goods that carry no VAT', () => {
    const label = { vi: 'x', en: 'x' };
    const unordered: TaxRate = {
      id: 'a',
      rateBp: 800,
      label,
      changes: [
        { from: '2027-01-01', rateBp: 1000 },
        { from: '2026-07-01', rateBp: 800 },
      ],
    };
    expect(taxCategoryProblems(unordered).join(' ')).toContain('list its changes by day');
    const badDay: TaxRate = {
      id: 'b',
      rateBp: 800,
      label,
      changes: [{ from: '1/1/2027', rateBp: 1 }],
    };
    expect(taxCategoryProblems(badDay).join(' ')).toContain('yyyy-mm-dd');
    const taxedKct: TaxRate = { id: 'kct', rateBp: 500, label, kind: 'not-subject' };
    expect(taxCategoryProblems(taxedKct).join(' ')).toContain('set its rate to 0');
    expect(() => taxRateAt(unordered, LAST_SECOND_2026, 'UTC')).toThrow(TaxError);
  });

  it('a scheduled category read without an instant is an error, not the base rate', () => {
    expect(() => findTaxRate([reduced()], 'vat8')).toThrow(/pricingContextFromSettings/);
  });
});

describe('a sale is taxed at its completion', () => {
  it('completed at 23:59:59 on 31 Dec 2026: 8 %; at 00:00:01 on 1 Jan 2027: 10 %', () => {
    const last = sale(LAST_SECOND_2026, LAST_SECOND_2026);
    const first = sale(FIRST_SECOND_2027, FIRST_SECOND_2027);
    expect(last.priced.lines[0]).toMatchObject({ rateBp: 800, tax: 3_704 });
    expect(first.priced.lines[0]).toMatchObject({ rateBp: 1000, tax: 4_545 });
    // Prices include VAT: the customer pays the same, the state's share changes.
    expect(last.priced.totals.total).toBe(first.priced.totals.total);
  });

  it('a register offline across midnight: started at 23:58, paid at 00:00:01, taxed at 10 %', () => {
    const crossed = sale(BEFORE_MIDNIGHT, FIRST_SECOND_2027);
    expect(crossed.priced.lines[0]).toMatchObject({ rateBp: 1000, tax: 4_545 });
    expect(crossed.priced.taxBreakdown).toEqual([
      { taxRateId: 'vat8', rateBp: 1000, taxable: 45_455, tax: 4_545, total: 50_000 },
    ]);
    expect(verify(crossed)).toEqual({ ok: true });
  });

  it('the server accepts 8 % completed before midnight and refuses 8 % completed after, saying why', () => {
    expect(verify(sale(LAST_SECOND_2026, LAST_SECOND_2026))).toEqual({ ok: true });
    // A register whose settings never learnt of the change, completing after midnight.
    const outdated = settings();
    outdated.tax.rates = outdated.tax.rates.map(({ changes: _changes, ...rate }) => rate);
    const stale = sale(BEFORE_MIDNIGHT, FIRST_SECOND_2027, outdated);
    expect(stale.priced.lines[0]?.rateBp).toBe(800);
    const verdict = verify(stale);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(
      /Line l1 is taxed at 8% but tax category "vat8" is 10% .*2027-01-01 in Asia\/Ho_Chi_Minh.*pull the store settings/,
    );
  });

  it('a schedule the settings got wrong stops the sale with a message, not a crash', () => {
    const broken = settings();
    broken.tax.rates = broken.tax.rates.map((rate) =>
      rate.id === 'vat8' ? { ...rate, changes: [{ from: '31/12/2026', rateBp: 1000 }] } : rate,
    );
    const result = completeSale({
      saleId: 'sale_01TAXBAD',
      createdAt: LAST_SECOND_2026,
      completedAt: LAST_SECOND_2026,
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: 'dev_1',
      staffId: 'staff_lan',
      settings: broken,
      cart: coffees,
      tenders: [{ kind: 'card', tenderId: 't1', amount: minor(50_000), approvalCode: 'OK' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'pricing' } });
    expect(!result.ok && result.error.message).toContain('write the day as yyyy-mm-dd');
  });

  it('the register and the server build the same context for the same instants', () => {
    const store = settings();
    const context = pricingContextFromSettings(store, BEFORE_MIDNIGHT, FIRST_SECOND_2027);
    expect(context.now).toBe(BEFORE_MIDNIGHT);
    expect(context.tax.rates.find((rate) => rate.id === 'vat8')).toEqual({
      id: 'vat8',
      rateBp: 1000,
      label: reduced().label,
    });
    expect(priceCart(coffees, context)).toEqual(sale(BEFORE_MIDNIGHT, FIRST_SECOND_2027).priced);
  });
});

describe('the sales report across the change', () => {
  it('has a VAT row per category and rate charged, adding up to the sales’ tax', () => {
    const sales = [
      sale(LAST_SECOND_2026, LAST_SECOND_2026, settings(), 'sale_01TAXA'),
      sale(BEFORE_MIDNIGHT, FIRST_SECOND_2027, settings(), 'sale_01TAXB'),
      sale(FIRST_SECOND_2027, FIRST_SECOND_2027, settings(), 'sale_01TAXC'),
    ];
    const report = salesReport({
      sales,
      period: { from: '2026-12-31T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(report.byTaxRate).toEqual([
      { taxRateId: 'vat8', rateBp: 800, count: 1, taxable: 46_296, tax: 3_704, total: 50_000 },
      { taxRateId: 'vat8', rateBp: 1000, count: 2, taxable: 90_910, tax: 9_090, total: 100_000 },
    ]);
    const tax = report.byTaxRate.reduce((total, row) => total + row.tax, 0);
    expect(tax).toBe(sales.reduce((total, doc) => total + doc.priced.totals.tax, 0));
  });
});
