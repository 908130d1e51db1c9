/**
 * What a cart line copies from the catalog when it is rung up (the register's cart builds its
 * lines from a product with these fields), and the check that a pushed line still says what
 * some version of the catalog said. Prices, categories (promotions and loyalty read them) and
 * tax rates all come from the product; none is the register's to choose.
 */
import type { ProductDoc } from '../documents/product';
import type { CartLineInput } from '../documents/parts/cart';

export type CatalogPrice = Pick<
  ProductDoc,
  'sku' | 'pricing' | 'unitPrice' | 'categoryId' | 'taxRateId'
>;

const FIELDS = ['sku', 'pricing', 'unitPrice', 'categoryId', 'taxRateId'] as const;

/** The catalog fields of a product, as a cart line carries them. */
export function catalogPriceOf(product: CatalogPrice): CatalogPrice {
  return {
    sku: product.sku,
    pricing: product.pricing,
    unitPrice: product.unitPrice,
    categoryId: product.categoryId,
    taxRateId: product.taxRateId,
  };
}

/**
 * A cart line rung up from a product: the catalog's fields, the product's id and Vietnamese
 * name, and final sale when the product is one. `grams` for a weighed line (its price is per
 * kilogram). The till, the kiosk's price check and the demo's past sales all ring lines up here.
 */
export function cartLineFor(
  product: ProductDoc,
  line: { lineId: string; quantity: number; grams?: number | undefined },
): CartLineInput {
  const rung: CartLineInput = {
    lineId: line.lineId,
    productId: product.id,
    name: product.name.vi,
    ...catalogPriceOf(product),
    quantity: line.quantity,
  };
  if (line.grams !== undefined) rung.grams = line.grams;
  if (product.finalSale) rung.finalSale = true;
  return rung;
}

/**
 * The first field where the line differs from this catalog entry (`unitPrice: 1 on the line,
 * 25000 in the catalog`), or null when the line was rung up from it. The price of a weighed
 * line is per kilogram on both sides; a manual price is an override beside it, never here.
 */
export function catalogLineDifference(line: CartLineInput, entry: CatalogPrice): string | null {
  for (const field of FIELDS) {
    if (line[field] !== entry[field]) {
      return `${field}: ${JSON.stringify(line[field])} on the line, ${JSON.stringify(entry[field])} in the catalog`;
    }
  }
  return null;
}
