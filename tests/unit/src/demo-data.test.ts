import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../../src/barcodes';
import { generateDemoData } from '../../../src/demo';
import { loyaltyBalance, loyaltyEntryProblems } from '../../../src/loyalty';
import { priceCart, pricingContextFromSettings } from '../../../src/pricing';

const NOW = '2026-11-23T08:00:00.000Z';

describe('the demo store', () => {
  const demo = generateDemoData({ now: NOW });

  it('is the same on every machine', () => {
    expect(generateDemoData({ now: NOW })).toEqual(demo);
  });

  it('has 3,000 products with valid GS1 barcodes, unique SKUs, and PLUs for weighed items', () => {
    expect(demo.products).toHaveLength(3000);
    expect(new Set(demo.products.map((product) => product.sku)).size).toBe(3000);
    for (const product of demo.products) {
      if (product.pricing === 'weight') expect(product.plu).toMatch(/^\d{5}$/);
      else expect(product.barcodes.every(isValidGtin)).toBe(true);
    }
    expect(demo.products.filter((product) => product.pricing === 'weight').length).toBeGreaterThan(
      10,
    );
  });

  it('names the README products with their prices', () => {
    const [coffee] = demo.products;
    expect(coffee?.barcodes).toEqual(['8930000000019']);
    expect(coffee?.name.vi).toBe('Cà phê sữa đá Sài Gòn Xanh 250ml');
    expect(coffee?.unitPrice).toBe(25000);
  });

  it('gives customers from the eleventh on points to redeem, and the first ten none', () => {
    for (const entry of demo.loyaltyEntries) expect(loyaltyEntryProblems(entry)).toEqual([]);
    expect(loyaltyBalance(demo.loyaltyEntries, 'cust_demo0000001').available).toBe(0);
    expect(loyaltyBalance(demo.loyaltyEntries, 'cust_demo0000011').available).toBeGreaterThan(0);
  });

  it('has web orders waiting: one prepaid, one to pay at pickup, one at the other store', () => {
    const [prepaid, payAtPickup, elsewhere] = demo.webOrders;
    expect(prepaid?.prepaid).toBe(prepaid?.total);
    expect(payAtPickup?.status).toBe('ready-for-pickup');
    expect(payAtPickup?.prepaid).toBe(0);
    expect(elsewhere?.pickupStoreId).toBe('hn-hk');
  });

  it('runs its promotions on generated products only, explained on the line', () => {
    const [store] = demo.stores;
    if (!store) throw new Error('no store');
    const snack = demo.products.find((product) => product.categoryId === 'snacks');
    if (!snack) throw new Error('no snack');
    const priced = priceCart(
      {
        lines: [
          {
            lineId: 'a',
            productId: snack.id,
            sku: snack.sku,
            name: snack.name.vi,
            categoryId: snack.categoryId,
            pricing: 'unit',
            unitPrice: snack.unitPrice,
            quantity: 1,
            taxRateId: snack.taxRateId,
          },
        ],
      },
      pricingContextFromSettings(store, NOW),
    );
    expect(priced.lines[0]?.promotions[0]?.promotionId).toBe('promo-snacks-10');
    const heroCategories = demo.products.slice(0, 6).map((product) => product.categoryId);
    expect(heroCategories).not.toContain('snacks');
    expect(heroCategories).not.toContain('household');
  });
});
