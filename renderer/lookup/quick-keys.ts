import type { ProductDoc } from '../../src/documents';

interface QuickKeyCatalog {
  bySku(sku: string): ProductDoc | undefined;
  /** The catalog's shared quick keys (`quickKey` order). */
  quickKeys(): ProductDoc[];
}

/**
 * The products on the quick-keys grid: the store's own list from its settings when it has one
 * (SKUs not in the catalog, or no longer sold, are left out), else the catalog's shared order.
 */
export function quickKeyProducts(
  catalog: QuickKeyCatalog,
  storeSkus?: readonly string[],
): ProductDoc[] {
  if (!storeSkus) return catalog.quickKeys();
  return storeSkus
    .map((sku) => catalog.bySku(sku))
    .filter((product): product is ProductDoc => product?.active === true);
}
