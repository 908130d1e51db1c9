/**
 * Stock in the product's unit: a weighed product's grams are shown and typed as kilograms, its
 * default low-stock threshold counts kilograms and its "need" whole kilograms, so a mango at
 * -750 g under the default of 5 reads "-0,75 kg, threshold 5 kg, need 6 kg" (not "need 756").
 */
import { describe, expect, it } from 'vitest';
import {
  formatKilograms,
  formatStockQuantity,
  lowStock,
  parseStockQuantity,
  stockQuantityText,
  thresholdsFor,
} from '../../../src/stock';

const MANGO = 'SKU000005';
const COFFEE = 'SKU000001';
const measureOf = (sku: string): 'weight' | 'unit' => (sku === MANGO ? 'weight' : 'unit');

describe('stock quantities in the product’s unit', () => {
  it('shows grams as kilograms in each language, pieces as they are', () => {
    expect(formatStockQuantity(-750, 'weight', 'vi-VN')).toBe('-0,75 kg');
    expect(formatStockQuantity(17_500, 'weight', 'en-US')).toBe('17.5 kg');
    expect(formatStockQuantity(5000, 'weight', 'vi-VN')).toBe('5 kg');
    expect(formatStockQuantity(12, 'unit', 'vi-VN')).toBe('12');
    expect(formatKilograms(512, 'vi-VN')).toBe('0,512 kg');
    expect(stockQuantityText(2500, 'weight', 'vi-VN')).toBe('2,5');
  });

  it('reads typed kilograms and pieces, refusing what is neither', () => {
    expect(parseStockQuantity('2,5', 'weight')).toBe(2500);
    expect(parseStockQuantity('2.125', 'weight')).toBe(2125);
    expect(parseStockQuantity('3', 'weight')).toBe(3000);
    expect(parseStockQuantity('0,0005', 'weight')).toBeNull();
    expect(parseStockQuantity('2,5', 'unit')).toBeNull();
    expect(parseStockQuantity('6', 'unit')).toBe(6);
    expect(parseStockQuantity('-1', 'unit')).toBeNull();
  });

  it('counts the default threshold and the need of a weighed product in kilograms', () => {
    const levels = [
      { storeId: 'hcm-q1', sku: MANGO, sellable: -750, damaged: 0 },
      { storeId: 'hcm-q1', sku: COFFEE, sellable: 3, damaged: 0 },
    ];
    const rows = lowStock(levels, thresholdsFor(undefined, [MANGO, COFFEE], measureOf));
    const mango = rows.find((row) => row.sku === MANGO);
    expect(mango).toMatchObject({ sellable: -750, minimum: 5000, shortBy: 6000 });
    expect(rows.find((row) => row.sku === COFFEE)).toMatchObject({ minimum: 5, shortBy: 3 });
    // A weighed product's own threshold is kept in grams.
    const own = thresholdsFor(
      { defaultThreshold: 5, thresholds: [{ sku: MANGO, minimum: 2500 }] },
      [MANGO],
      measureOf,
    );
    expect(
      lowStock([{ storeId: 'hcm-q1', sku: MANGO, sellable: 2000, damaged: 0 }], own),
    ).toMatchObject([{ minimum: 2500, shortBy: 1000 }]);
  });
});
