/**
 * What a stock move must say, given the document it follows from, so the register and the
 * sync-server's push check (sync-server/gate/push-checks/stock-push-check.ts) read one rule:
 *
 * - a sale's moves are its cart lines (src/sales saleImpliedDocuments), a pickup's the lines it
 *   handed over (src/orders pickupStockMoves): the push check rebuilds them with those;
 * - a return's are its lines, restocked (`return-sellable`) or not (`return-damaged`);
 * - a count's is its variance, named in the move's reason (`countReason`);
 * - receipts, adjustments and transfers out are bounded (a typo of 1e9 units is refused);
 * - a transfer-in matches the transfer-out it receives (same transfer, SKU, counterpart store).
 */
import type { StockMoveDoc } from '../documents/stock-move';

/**
 * The most one receipt, adjustment, count variance or transfer move may move, in the product's
 * measure (pieces, or grams: 1,000 kg of a weighed product). More is a typo or an attack; a
 * real delivery that large is received in several lines.
 */
export const MAX_STOCK_MOVE_QUANTITY = 1_000_000;

/** The reason a count's variance move carries: what was expected and what was counted. */
export function countReason(expected: number, counted: number): string {
  return `count: expected ${expected}, counted ${counted}`;
}

/** Reads `countReason` back; null when the reason is not one. */
export function parseCountReason(
  reason: string | undefined,
): { expected: number; counted: number } | null {
  const match = /^count: expected (-?\d+), counted (\d+)$/.exec(reason ?? '');
  if (!match) return null;
  return { expected: Number(match[1]), counted: Number(match[2]) };
}

export interface StandaloneMoveProblem {
  /** `bound`: too large; `derivation`: does not say what it follows from. */
  rule: 'bound' | 'derivation';
  message: string;
}

/**
 * What is wrong with a move that needs no other document (receipt, adjustment, count, transfer
 * out): its size, and for a count that its quantity is its stated variance. Empty when fine.
 */
export function standaloneMoveProblems(move: StockMoveDoc): StandaloneMoveProblem[] {
  const problems: StandaloneMoveProblem[] = [];
  const bound = (message: string) => problems.push({ rule: 'bound', message });
  const derivation = (message: string) => problems.push({ rule: 'derivation', message });
  const size = Math.abs(move.quantity);
  if (
    (move.kind === 'receive' ||
      move.kind === 'adjust' ||
      move.kind === 'count' ||
      move.kind === 'transfer-out' ||
      move.kind === 'transfer-in') &&
    size > MAX_STOCK_MOVE_QUANTITY
  ) {
    bound(
      `${move.kind} of ${move.quantity} is more than ${MAX_STOCK_MOVE_QUANTITY} in one move; split a real delivery into several lines`,
    );
  }
  if (move.kind === 'count') {
    const count = parseCountReason(move.reason);
    if (!count) {
      derivation(
        'a count move says what was expected and counted (reason "count: expected E, counted C")',
      );
    } else if (count.counted - count.expected !== move.quantity) {
      derivation(
        `a count of ${count.counted} against ${count.expected} expected is a variance of ${count.counted - count.expected}, not ${move.quantity}`,
      );
    } else if (count.counted > MAX_STOCK_MOVE_QUANTITY) {
      bound(`a count of ${count.counted} is more than ${MAX_STOCK_MOVE_QUANTITY}`);
    }
  }
  if (
    (move.kind === 'transfer-out' || move.kind === 'transfer-in') &&
    move.counterpartStoreId === move.storeId
  ) {
    derivation('a transfer goes to another store');
  }
  return problems;
}
