/**
 * Receipts name each tax category as Vietnamese law does (docs/TAX.md): a rate prints as the rate,
 * 0 % included ("0%", never "not subject"), goods not subject to VAT as "Không chịu thuế GTGT",
 * goods not declared as KKKNT's words; and the rows per rate add up exactly to the sale's tax.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoStoreSettings } from '../../../src/demo';
import { minor } from '../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../src/pricing';
import type { CartLineInput } from '../../../src/pricing';
import { buildSaleReceipt, layoutReceipt, layoutText } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { taxCategoryLabel, taxKindsById } from '../../../src/tax';

const AT = '2026-12-31T10:00:00.000Z';
const settings = demoStoreSettings('hcm-q1', 'Omnitill Quận 1', 'Q1', AT);

const line = (
  lineId: string,
  taxRateId: string,
  unitPrice: number,
  quantity = 1,
): CartLineInput => ({
  lineId,
  productId: `prod_${lineId}`,
  sku: lineId,
  name: `Hàng ${lineId}`,
  categoryId: 'misc',
  pricing: 'unit',
  unitPrice: minor(unitPrice),
  quantity,
  taxRateId,
});

describe('tax category labels', () => {
  it('a rate is its percentage, 0 % included; KCT and KKKNT have their own words', () => {
    expect(taxCategoryLabel('rate', 0, 'vi-VN')).toBe('0%');
    expect(taxCategoryLabel('rate', 800, 'vi-VN')).toBe('8%');
    expect(taxCategoryLabel('rate', 1000, 'en-US')).toBe('10%');
    expect(taxCategoryLabel('rate', 525, 'vi-VN')).toBe('5,25%');
    expect(taxCategoryLabel('not-subject', 0, 'vi-VN')).toBe('Không chịu thuế GTGT');
    expect(taxCategoryLabel('not-subject', 0, 'en-US')).toBe('Not subject to VAT');
    expect(taxCategoryLabel('not-declared', 0, 'vi-VN')).toBe('Không kê khai, tính nộp thuế GTGT');
  });

  it('the receipt prints 0% for the zero rate and "Không chịu thuế GTGT" only for KCT goods', () => {
    const result = completeSale({
      saleId: 'sale_01LABELS',
      createdAt: AT,
      completedAt: AT,
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: 'dev_1',
      staffId: 'staff_lan',
      settings,
      cart: {
        lines: [
          line('zero', 'vat0', 65_000),
          line('five', 'vat5', 36_500),
          line('eight', 'vat8', 25_000, 2),
          line('kct', 'kct', 12_000),
          line('kkknt', 'kkknt', 30_000),
        ],
      },
      tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(300_000) }],
    });
    if (!result.ok) throw new Error(result.error.message);
    const print = (locale: 'vi-VN' | 'en-US') =>
      layoutText(
        layoutReceipt(
          buildSaleReceipt({
            sale: result.completed.sale,
            storeName: settings.name,
            locale,
            currency: 'VND',
            now: new Date(AT),
            header: [],
            footer: [],
            taxKinds: taxKindsById(settings.tax.rates),
          }),
          48,
        ),
      ).join('\n');
    const vi = print('vi-VN');
    const rows = vi.slice(vi.indexOf('Thuế GTGT (đã gồm trong giá)'));
    expect(rows).toMatch(/\n0% +65\.000 +0\n/);
    expect(rows).toMatch(/\n5% +34\.762 +1\.738\n/);
    expect(rows).toMatch(/\n8% +46\.296 +3\.704\n/);
    expect(rows).toMatch(/\nKhông chịu thuế GTGT *\n +12\.000 +0\n/);
    expect(rows).toMatch(/\nKhông kê khai, tính nộp thuế GTGT *\n +30\.000 +0\n/);
    // "Không chịu thuế" appears once: the KCT row, never the 0 % row.
    expect(rows.split('Không chịu thuế').length).toBe(2);
    const en = print('en-US');
    expect(en).toContain('Not subject to VAT');
    expect(en).toMatch(/\n0% +65,000 +0\n/);
  });
});

describe('totals per rate', () => {
  const categories = settings.tax.rates.map((rate) => rate.id);
  it('sum exactly to the document tax, taxable and total, on either side of the 2027 change', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            taxRateId: fc.constantFrom(...categories),
            unitPrice: fc.integer({ min: 1, max: 2_000_000 }),
            quantity: fc.integer({ min: 1, max: 20 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: -7_200, max: 7_200 }),
        fc.constantFrom('line' as const, 'document' as const),
        fc.boolean(),
        (specs, secondsFromMidnight, rounding, pricesIncludeTax) => {
          const at = new Date(Date.parse('2026-12-31T17:00:00.000Z') + secondsFromMidnight * 1000);
          const store = { ...settings, tax: { ...settings.tax, rounding, pricesIncludeTax } };
          const priced = priceCart(
            {
              lines: specs.map((spec, index) =>
                line(`l${index}`, spec.taxRateId, spec.unitPrice, spec.quantity),
              ),
            },
            pricingContextFromSettings(store, at.toISOString()),
          );
          const add = (key: 'tax' | 'taxable' | 'total') =>
            priced.taxBreakdown.reduce((total, row) => total + row[key], 0);
          expect(add('tax')).toBe(priced.totals.tax);
          expect(add('taxable')).toBe(priced.totals.taxable);
          expect(add('total')).toBe(priced.totals.total);
          const eight = priced.taxBreakdown.find((row) => row.taxRateId === 'vat8');
          if (eight) expect(eight.rateBp).toBe(secondsFromMidnight < 0 ? 800 : 1000);
        },
      ),
    );
  });
});
