/**
 * The demo stores' opening stock: one delivery per store received before the demo's history
 * starts, as `receive` stock moves (the same documents the manager's Receive screen writes), so
 * on-hand is the usual sum of moves (src/stock stockLevels) and nothing is "out of stock" on the
 * first start. Quantities are in each product's measure: pieces, or grams for weighed items
 * (whole and half kilograms). Ids follow from the store and SKU, so writing the seed twice adds
 * nothing.
 */
import type { ProductDoc } from '../documents/product';
import type { StockMoveDoc } from '../documents/stock-move';
import { SeededRandom } from './random';

/** How long before `now` the opening delivery came: older than any demo sale or order. */
export const DEMO_OPENING_STOCK_DAYS = 90;

export function demoOpeningReceiptId(storeId: string): string {
  return `rcv_demo-opening-${storeId}`;
}

/** Pieces (or grams) on the shelf and in the backroom of one product in one store. */
function openingQuantity(product: ProductDoc, random: SeededRandom): number {
  // About one product in 60 arrives short: the low-stock list has something to show.
  const short = random.int(1, 60) === 1;
  if (product.pricing === 'weight') {
    const fresh = product.categoryId === 'produce';
    const halfKilos = short ? random.int(1, 8) : fresh ? random.int(16, 80) : random.int(8, 40);
    return halfKilos * 500;
  }
  if (short) return random.int(1, 4);
  if (product.unitPrice >= 200_000) return random.int(6, 24);
  if (product.unitPrice >= 50_000) return random.int(12, 60);
  return random.int(24, 144);
}

/** What a delivery adds to cover `sold`: whole half kilograms of a weighed product. */
function covering(product: ProductDoc, sold = 0): number {
  return product.pricing === 'weight' ? Math.ceil(sold / 500) * 500 : sold;
}

/**
 * One opening `receive` move per product and store, the same on every machine. `later` are the
 * moves of the demo's past (its sales and pickups): the delivery covered them, so what is left
 * today is the quantity drawn here and nothing goes below zero.
 */
export function generateDemoStock(
  products: readonly ProductDoc[],
  storeIds: readonly string[],
  seed: number,
  now: string,
  later: readonly StockMoveDoc[] = [],
): StockMoveDoc[] {
  const taken = new Map<string, number>();
  for (const move of later) {
    const key = `${move.storeId}\u0000${move.sku}`;
    taken.set(key, (taken.get(key) ?? 0) - move.quantity);
  }
  const createdAt = new Date(Date.parse(now) - DEMO_OPENING_STOCK_DAYS * 86_400_000).toISOString();
  return storeIds.flatMap((storeId, storeIndex) => {
    const random = new SeededRandom(seed ^ (0x570c + storeIndex));
    return products.map((product): StockMoveDoc => ({
      id: `stk_demo-opening-${storeId}-${product.sku}`,
      kind: 'receive',
      sku: product.sku,
      quantity:
        openingQuantity(product, random) +
        covering(product, taken.get(`${storeId}\u0000${product.sku}`)),
      storeId,
      reason: 'opening stock',
      sourceId: demoOpeningReceiptId(storeId),
      createdAt,
    }));
  });
}
