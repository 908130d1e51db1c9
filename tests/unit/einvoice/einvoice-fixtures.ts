/** A completed sale over the demo's tax categories, and the issue inputs around it. */
import { DEMO_TAX_RATES } from '../../../src/demo/demo-tax';
import type { ReturnDoc } from '../../../src/documents/return';
import type { SaleDoc } from '../../../src/documents/sale';
import type { StoreSettingsDoc, TaxSettings } from '../../../src/documents/store-settings';
import type { EInvoiceIssue } from '../../../src/einvoice';
import { minor } from '../../../src/money';
import type { CartLineInput, ManualDiscount } from '../../../src/pricing';
import { pricingContextFromSettings } from '../../../src/pricing';
import { DEFAULT_RETURN_POLICY, planReturn, returnSourceFromSale } from '../../../src/returns';
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

/** A return of `lines` ([lineId, pieces or grams]) of `sale` at `at`, planned as the register plans it. */
export function returnOf(
  sale: SaleDoc,
  at: string,
  lines: [string, number][],
  extra: Partial<ReturnDoc> = {},
): ReturnDoc {
  const result = planReturn({
    kind: 'with-receipt',
    source: returnSourceFromSale(sale),
    lines: lines.map(([originalLineId, quantity]) => ({
      originalLineId,
      quantity,
      reason: 'đổi ý',
      restock: true,
    })),
    knownReturns: [],
    policy: DEFAULT_RETURN_POLICY,
    now: at,
    cashRounding: null,
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  const { needsManagerApproval: _approval, ...plan } = result.plan;
  return {
    id: 'ret_01ADJUST',
    storeId: sale.storeId,
    registerId: 'reg-02',
    deviceId: 'dev-2',
    staffId: 'staff_an',
    currency: 'VND',
    ...plan,
    status: 'completed',
    createdAt: at,
    completedAt: at,
    ...extra,
  };
}
