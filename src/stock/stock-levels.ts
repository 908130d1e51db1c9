/**
 * Stock on hand is the sum of stock moves per store, SKU and bucket (ARCHITECTURE.md rule 1):
 * registers and the server only ever add moves, so replication never merges a counter. Damaged
 * returns are kept apart from sellable stock so they are never sold or counted as available.
 */
import type { StockBucket, StockMoveDoc, StockMoveKind } from '../documents/stock-move';

export type StockErrorCode = 'bad-move' | 'bad-count' | 'bad-time' | 'unknown-sku';

export class StockError extends Error {
  override readonly name = 'StockError';
  constructor(
    readonly code: StockErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface StockLevel {
  storeId: string;
  sku: string;
  /** Units or grams that may be sold (negative when sales outran the recorded stock). */
  sellable: number;
  damaged: number;
}

export function bucketOf(move: StockMoveDoc): StockBucket {
  return move.kind === 'return-damaged' ? 'damaged' : (move.bucket ?? 'sellable');
}

const SIGN: Readonly<Record<StockMoveKind, 'positive' | 'negative' | 'non-zero'>> = {
  sale: 'negative',
  'return-sellable': 'positive',
  'return-damaged': 'positive',
  receive: 'positive',
  count: 'non-zero',
  adjust: 'non-zero',
  'transfer-out': 'negative',
  'transfer-in': 'positive',
};

/** What is wrong with a move beyond its schema, for the sync-server's door. */
export function stockMoveProblems(move: StockMoveDoc): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(move.quantity)) problems.push('quantity must be a whole number');
  const sign = SIGN[move.kind];
  if (sign === 'positive' && !(move.quantity > 0)) problems.push(`${move.kind} must be positive`);
  if (sign === 'negative' && !(move.quantity < 0)) problems.push(`${move.kind} must be negative`);
  if (sign === 'non-zero' && move.quantity === 0) problems.push(`${move.kind} must not be zero`);
  if (move.kind === 'return-damaged' && move.bucket === 'sellable') {
    problems.push('return-damaged goes to the damaged bucket');
  }
  if (move.kind === 'adjust' && !move.reason?.trim()) problems.push('adjust needs a reason');
  if ((move.kind === 'transfer-out' || move.kind === 'transfer-in') && !move.counterpartStoreId) {
    problems.push(`${move.kind} needs the store at the other end`);
  }
  if (Number.isNaN(Date.parse(move.createdAt))) problems.push('createdAt is not a time');
  return problems;
}

/** One move per id: a document delivered twice by replication counts once. */
export function uniqueMoves(moves: Iterable<StockMoveDoc>): StockMoveDoc[] {
  const byId = new Map<string, StockMoveDoc>();
  for (const move of moves) byId.set(move.id, move);
  return [...byId.values()];
}

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new StockError('bad-time', `"${iso}" is not a time.`);
  return ms;
}

export interface LevelOptions {
  /** Only moves created at or before this instant: the level as it was then. */
  asOf?: string;
  storeId?: string;
}

/** Levels per store and SKU, sorted by store then SKU. */
export function stockLevels(
  moves: Iterable<StockMoveDoc>,
  options: LevelOptions = {},
): StockLevel[] {
  const until = options.asOf === undefined ? Infinity : timeOf(options.asOf);
  const levels = new Map<string, StockLevel>();
  for (const move of uniqueMoves(moves)) {
    if (options.storeId !== undefined && move.storeId !== options.storeId) continue;
    if (timeOf(move.createdAt) > until) continue;
    const key = `${move.storeId}\u0000${move.sku}`;
    let level = levels.get(key);
    if (!level) {
      level = { storeId: move.storeId, sku: move.sku, sellable: 0, damaged: 0 };
      levels.set(key, level);
    }
    level[bucketOf(move)] += move.quantity;
  }
  return [...levels.values()].sort((a, b) =>
    a.storeId === b.storeId ? compare(a.sku, b.sku) : compare(a.storeId, b.storeId),
  );
}

/** The level of one SKU in one store (zero when it never moved). */
export function stockLevel(
  moves: Iterable<StockMoveDoc>,
  storeId: string,
  sku: string,
  asOf?: string,
): StockLevel {
  const own = [...moves].filter((move) => move.sku === sku);
  const options: LevelOptions = asOf === undefined ? { storeId } : { storeId, asOf };
  return stockLevels(own, options)[0] ?? { storeId, sku, sellable: 0, damaged: 0 };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
