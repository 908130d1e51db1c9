/** A completed sale over the demo's tax categories, and the issue inputs around it. */
import { DEMO_TAX_RATES } from '../../../src/demo/demo-tax';
import type { SaleDoc } from '../../../src/documents/sale';
import type { StoreSettingsDoc, TaxSettings } from '../../../src/documents/store-settings';
import type { EInvoiceIssue } from '../../../src/einvoice';
import { minor } from '../../../src/money';
import type { CartLineInput, ManualDiscount } from '../../../src/pricing';
import { pricingContextFromSettings } from '../../../src/pricing';
import { makeSale } from '../src/pricing-fixtures';

export const BEFORE_2027 = '2026-12-31T10:00:00.000Z';

export function storeTax(
  overrides: Partial<TaxSettings> = {},
): Pick<StoreSettingsDoc, 'tax' | 'timeZone' | 'currency'> {
  return {
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    tax: {
      pricesIncludeTax: true,
      rates: [...DEMO_TAX_RATES],
      rounding: 'line',
      roundingMode: 'half-up',
      ...overrides,
    },
  };
}

export const line = (
  lineId: string,
  taxRateId: string,
  unitPrice: number,
  quantity = 1,
  extra: Partial<CartLineInput> = {},
): CartLineInput => ({
  lineId,
  productId: `prod_${lineId}`,
  sku: `SKU-${lineId}`,
  name: `Hàng ${lineId}`,
  categoryId: 'misc',
  pricing: 'unit',
  unitPrice: minor(unitPrice),
  quantity,
  taxRateId,
  ...extra,
});

/** Prices the cart at `at` with the store's schedule and pays it by card. */
export function saleOf(
  lines: CartLineInput[],
  at = BEFORE_2027,
  settings = storeTax(),
  orderDiscount?: ManualDiscount,
): SaleDoc {
  return makeSale(
    { lines, ...(orderDiscount ? { orderDiscount } : {}) },
    pricingContextFromSettings(settings, at),
    (total) => [{ kind: 'card', tenderId: 't1', amount: minor(total), approvalCode: 'AP01' }],
    { id: 'sale_01EINVOICE', completedAt: at },
  );
}

export function issueOf(sale: SaleDoc, overrides: Partial<EInvoiceIssue> = {}): EInvoiceIssue {
  return {
    sale,
    settings: storeTax(),
    seller: {
      name: 'Công ty TNHH Omnitill Việt Nam',
      taxCode: '0312345678',
      address: '12 Lê Lợi, Phường Sài Gòn, TP. Hồ Chí Minh',
    },
    sellerBlock: 'AB12C',
    series: 'AA',
    registerNumber: 7,
    sequence: 42,
    issuedAt: sale.completedAt,
    ...overrides,
  };
}
