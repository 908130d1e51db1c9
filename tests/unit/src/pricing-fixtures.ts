/** Shared builders for the pricing, tender, sale and return tests. */
import type { ReturnDoc } from '../../../src/documents/return';
import type { SaleDoc } from '../../../src/documents/sale';
import type { TaxRate, TaxSettings } from '../../../src/documents/store-settings';
import { minor } from '../../../src/money';
import type { CurrencyCode } from '../../../src/money';
import type { CartInput, CartLineInput } from '../../../src/documents/parts/cart';
import { priceCart } from '../../../src/pricing/price-cart';
import type { PricingContext } from '../../../src/pricing/pricing-context';
import type { ReturnPlan } from '../../../src/returns/plan-return';
import { settle } from '../../../src/tenders/settle';
import type { TenderInput } from '../../../src/documents/parts/tender';
import type { CashRounding } from '../../../src/documents/store-settings';

/** Vietnam's VAT rates: 0, 5, 8 and 10 %. */
export const VN_RATES: TaxRate[] = [0, 500, 800, 1000].map((rateBp) => ({
  id: `vat${rateBp / 100}`,
  rateBp,
  label: { vi: `VAT ${rateBp / 100}%`, en: `VAT ${rateBp / 100}%` },
}));

export const NOW = '2026-06-01T10:00:00.000Z';

export function taxSettings(overrides: Partial<TaxSettings> = {}): TaxSettings {
  return {
    pricesIncludeTax: true,
    rates: VN_RATES,
    rounding: 'line',
    roundingMode: 'half-up',
    ...overrides,
  };
}

export function pricingContext(
  overrides: Partial<Omit<PricingContext, 'tax'>> & { tax?: Partial<TaxSettings> } = {},
): PricingContext {
  const { tax, ...rest } = overrides;
  return { currency: 'VND', promotions: [], now: NOW, ...rest, tax: taxSettings(tax) };
}

export function unitLine(
  lineId: string,
  unitPrice: number,
  quantity: number,
  extra: Partial<CartLineInput> = {},
): CartLineInput {
  return {
    lineId,
    productId: `prod_${lineId}`,
    sku: lineId.toUpperCase(),
    name: `Item ${lineId}`,
    categoryId: 'general',
    pricing: 'unit',
    unitPrice: minor(unitPrice),
    quantity,
    taxRateId: 'vat10',
    ...extra,
  };
}

export function weighedLine(
  lineId: string,
  pricePerKg: number,
  grams: number,
  extra: Partial<CartLineInput> = {},
): CartLineInput {
  return { ...unitLine(lineId, pricePerKg, 1, extra), pricing: 'weight', grams, ...extra };
}

export interface SaleOptions {
  id?: string;
  currency?: CurrencyCode;
  cashRounding?: CashRounding | null;
  pointsEarned?: number;
  customerId?: string;
  completedAt?: string;
}

/** Prices and settles a cart the way the register does, and returns the sale document. */
export function makeSale(
  cart: CartInput,
  context: PricingContext,
  tenders: (total: number) => TenderInput[],
  options: SaleOptions = {},
): SaleDoc {
  const priced = priceCart(cart, context);
  const result = settle(priced.totals.total, tenders(priced.totals.total), {
    currency: context.currency,
    cashRounding: options.cashRounding ?? null,
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  const { remaining: _r, remainingInCash: _c, complete: _done, ...payment } = result.settlement;
  const pointsRedeemed = payment.tenders.reduce(
    (total, tender) => total + (tender.kind === 'loyalty-points' ? tender.points : 0),
    0,
  );
  return {
    id: options.id ?? 'sale_01JZ0000000000000000000000',
    storeId: 'hcm-01',
    registerId: 'reg-1',
    deviceId: 'dev-1',
    staffId: 'staff_an',
    channel: 'store',
    status: 'completed',
    currency: context.currency,
    ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
    cart,
    priced,
    payment,
    loyalty: { pointsEarned: options.pointsEarned ?? 0, pointsRedeemed },
    createdAt: context.now,
    completedAt: options.completedAt ?? context.now,
  };
}

/** Turns a return plan into the document the register would write. */
export function returnDocFrom(plan: ReturnPlan, id: string, createdAt = NOW): ReturnDoc {
  const { needsManagerApproval: _approval, ...computed } = plan;
  return {
    id,
    storeId: 'hcm-01',
    registerId: 'reg-1',
    deviceId: 'dev-1',
    staffId: 'staff_an',
    currency: 'VND',
    ...computed,
    status: 'completed',
    createdAt,
    completedAt: createdAt,
  };
}
