/**
 * Low-stock warnings: sellable levels against reorder thresholds. Damaged stock never counts
 * as stock that can be sold.
 */
import type { StockLevel } from './stock-levels';

export interface StockThreshold {
  sku: string;
  /** The store this threshold is for; absent: every store (a store's own threshold wins). */
  storeId?: string;
  /** Warn when sellable stock is at or below this, in units or grams. */
  minimum: number;
  /**
   * What "need" is counted in, in the measure: 1 (pieces) by default, 1000 for a weighed
   * product, whose need is whole kilograms (stock-quantity.ts measureUnit).
   */
  unit?: number;
}

export interface LowStock {
  storeId: string;
  sku: string;
  sellable: number;
  minimum: number;
  /** How much is needed to get back above the minimum, in whole units of the threshold's `unit`. */
  shortBy: number;
}

/**
 * SKUs at or below their threshold in each store. `storeIds` lists the stores to check (SKUs
 * that never moved there count as zero); by default, the stores that appear in the levels.
 */
export function lowStock(
  levels: readonly StockLevel[],
  thresholds: readonly StockThreshold[],
  storeIds?: readonly string[],
): LowStock[] {
  const sellable = new Map(levels.map((level) => [`${level.storeId}\u0000${level.sku}`, level]));
  const stores = storeIds ?? [...new Set(levels.map((level) => level.storeId))];
  const general = thresholds.filter((threshold) => threshold.storeId === undefined);
  const specific = new Map(
    thresholds
      .filter((threshold) => threshold.storeId !== undefined)
      .map((threshold) => [`${threshold.storeId}\u0000${threshold.sku}`, threshold]),
  );
  const result: LowStock[] = [];
  for (const storeId of [...new Set(stores)].sort()) {
    const skus = new Set([
      ...general.map((threshold) => threshold.sku),
      ...thresholds.filter((t) => t.storeId === storeId).map((threshold) => threshold.sku),
    ]);
    for (const sku of [...skus].sort()) {
      const key = `${storeId}\u0000${sku}`;
      const threshold = specific.get(key) ?? general.find((t) => t.sku === sku);
      if (!threshold) continue;
      const onHand = sellable.get(key)?.sellable ?? 0;
      if (onHand > threshold.minimum) continue;
      const unit = threshold.unit ?? 1;
      result.push({
        storeId,
        sku,
        sellable: onHand,
        minimum: threshold.minimum,
        shortBy: Math.ceil((threshold.minimum - onHand + 1) / unit) * unit,
      });
    }
  }
  return result;
}
