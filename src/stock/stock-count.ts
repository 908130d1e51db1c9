/**
 * Stock counts. A count never overwrites a level: it is reviewed as a list of variances
 * (counted − expected at the moment of counting), and posting the review writes one `count`
 * move per variance, so the level afterwards is the sum of moves again and equals what was
 * counted plus everything that moved since.
 *
 * Counts cover the sellable bucket of whole SKUs in a store: counts of one SKU in several areas
 * are added up, because levels are kept per store, not per shelf.
 */
import type { StockMoveDoc } from '../documents/stock-move';
import { countReason } from './stock-derivation';
import { StockError, stockLevels } from './stock-levels';

export interface CountedLine {
  sku: string;
  /** Units or grams found, whole. */
  counted: number;
  location?: string;
}

export interface VarianceLine {
  sku: string;
  expected: number;
  counted: number;
  /** counted − expected: positive when more was found than the moves say. */
  variance: number;
}

export interface CountReview {
  storeId: string;
  /** The count's id: the source of the variance moves. */
  countId: string;
  countedAt: string;
  /** Every counted SKU, largest absolute variance first, so the review starts with what matters. */
  lines: VarianceLine[];
  linesWithVariance: number;
  /** Sum of positive variances and of negative ones, in units or grams. */
  found: number;
  missing: number;
}

export function reviewCount(
  count: { storeId: string; countId: string; countedAt: string; lines: readonly CountedLine[] },
  moves: Iterable<StockMoveDoc>,
): CountReview {
  const counted = new Map<string, number>();
  for (const line of count.lines) {
    if (!Number.isSafeInteger(line.counted) || line.counted < 0) {
      throw new StockError('bad-count', `Counted ${line.counted} of ${line.sku}: not a count.`);
    }
    counted.set(line.sku, (counted.get(line.sku) ?? 0) + line.counted);
  }
  const expected = new Map(
    stockLevels(moves, { storeId: count.storeId, asOf: count.countedAt }).map((level) => [
      level.sku,
      level.sellable,
    ]),
  );
  const lines = [...counted].map(([sku, found]): VarianceLine => {
    const before = expected.get(sku) ?? 0;
    return { sku, expected: before, counted: found, variance: found - before };
  });
  lines.sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance) || (a.sku < b.sku ? -1 : 1));
  const variances = lines.map((line) => line.variance);
  return {
    storeId: count.storeId,
    countId: count.countId,
    countedAt: count.countedAt,
    lines,
    linesWithVariance: variances.filter((variance) => variance !== 0).length,
    found: variances.filter((variance) => variance > 0).reduce((a, b) => a + b, 0),
    missing: -variances.filter((variance) => variance < 0).reduce((a, b) => a + b, 0),
  };
}

export interface PostCountOptions {
  /** Makes each move's id (`timeOrderedId('stk', …)` bound by the caller). */
  newId: () => string;
  deviceId?: string;
  /** SKUs the reviewer sent back for a recount: no move is written for them. */
  exclude?: readonly string[];
}

/**
 * The variance moves of an approved review. They carry the count time as `createdAt`: the
 * variance is true as of the count, so a level asked for at any later time includes it, and
 * moves made between counting and posting are not counted twice.
 */
export function postCount(review: CountReview, options: PostCountOptions): StockMoveDoc[] {
  const excluded = new Set(options.exclude ?? []);
  return review.lines
    .filter((line) => line.variance !== 0 && !excluded.has(line.sku))
    .map((line): StockMoveDoc => ({
      id: options.newId(),
      kind: 'count',
      sku: line.sku,
      quantity: line.variance,
      storeId: review.storeId,
      bucket: 'sellable',
      reason: countReason(line.expected, line.counted),
      sourceId: review.countId,
      ...(options.deviceId === undefined ? {} : { deviceId: options.deviceId }),
      createdAt: review.countedAt,
    }));
}
