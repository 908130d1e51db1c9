/** The README's demo products, with their barcodes, for the end-to-end tests. */
import { generateDemoProducts } from '../../../src/demo';

const [coffee, bread, water, milk] = generateDemoProducts(4, 20261123, '2026-01-01T00:00:00.000Z');

function barcodeOf(product: typeof coffee): string {
  const code = product?.barcodes[0];
  if (!code) throw new Error('A demo product has no barcode.');
  return code;
}

/** Cà phê sữa đá 25.000 ₫, bánh mì 22.000 ₫, nước khoáng 6.000 ₫, sữa tươi 36.500 ₫. */
export const DEMO = {
  coffee: { barcode: barcodeOf(coffee), name: coffee?.name.vi ?? '' },
  bread: { barcode: barcodeOf(bread), name: bread?.name.vi ?? '' },
  water: { barcode: barcodeOf(water), name: water?.name.vi ?? '' },
  milk: { barcode: barcodeOf(milk), name: milk?.name.vi ?? '' },
};
