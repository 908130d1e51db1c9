/** A demo store with a loyalty program, two products and a cart, shared by the sale tests. */
import { DEMO_LOYALTY, generateDemoData } from '../../../src/demo';
import type { StoreSettingsDoc } from '../../../src/documents';
import type { LoyaltySettings } from '../../../src/loyalty';
import type { CartInput, CartLineInput } from '../../../src/pricing';

export const NOW = '2026-11-23T08:00:00.000Z';
const demo = generateDemoData({ now: NOW, productCount: 10, customerCount: 3 });

/** The demo program without its category bonus, so the earn figures here stay simple. */
export const LOYALTY: LoyaltySettings = {
  ...DEMO_LOYALTY,
  program: { ...DEMO_LOYALTY.program, categoryMultipliers: [] },
};

export function storeSettings(withLoyalty = true): StoreSettingsDoc {
  const settings = demo.stores[0];
  if (!settings) throw new Error('The demo has no store.');
  if (withLoyalty) return { ...settings, loyalty: LOYALTY };
  const { loyalty: _program, ...withoutLoyalty } = settings;
  return withoutLoyalty;
}

export const [COFFEE, BREAD] = demo.products;

export function line(lineId: string, index: 0 | 1, quantity = 1): CartLineInput {
  const product = demo.products[index];
  if (!product) throw new Error('No such demo product.');
  return {
    lineId,
    productId: product.id,
    sku: product.sku,
    name: product.name.vi,
    categoryId: product.categoryId,
    pricing: 'unit',
    unitPrice: product.unitPrice,
    quantity,
    taxRateId: product.taxRateId,
  };
}

/** 2 × coffee (25,000) + 1 bread (22,000) = 72,000 ₫. */
export function cart(): CartInput {
  return { lines: [line('line_a', 0, 2), line('line_b', 1)] };
}

export const SALE_ID = 'sale_01KAQ0000000000000000000AB';
