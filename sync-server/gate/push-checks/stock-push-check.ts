/**
 * What the server re-derives of a pushed stock move before it lands (see push-check.ts). A move
 * follows from a document (src/stock/stock-derivation.ts says how):
 *
 * - `sale`: exactly the move this store's sale (`sale_…`) or pickup of a web order (`pick_…`)
 *   implies, rebuilt with the register's own functions (saleImpliedDocuments, pickupStockMoves);
 * - `return-sellable` / `return-damaged`: a line of this store's return, restocked or not,
 *   never more than the return brought back;
 * - `receive`, `adjust`, `count`, `transfer-out`: bounded (MAX_STOCK_MOVE_QUANTITY), a count's
 *   quantity being its stated variance;
 * - `transfer-in`: matches what the other store sent under the same transfer
 *   (stock-transfer-check.ts).
 */
import type { PickupDoc, ReturnDoc, SaleDoc, StockMoveDoc } from '../../../src/documents';
import { pickupStockMoves } from '../../../src/orders';
import { saleImpliedDocuments } from '../../../src/sales';
import { standaloneMoveProblems } from '../../../src/stock';
import { fromCouchDoc } from '../../storage/couch-doc';
import { storeDatabaseName } from '../../storage/database-layout';
import type { StoredDoc } from '../../storage/document-store';
import { findWebOrder } from '../../index/index-lookups';
import { sourceDocument } from './loyalty-sources';
import type { Source } from './loyalty-sources';
import type { PushCheck, PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, pending, reject } from './push-check';
import { checkTransferIn, storeMovesOf } from './stock-transfer-check';

function sourceOf<T>(
  context: PushCheckContext,
  collection: 'sales' | 'returns' | 'pickups',
  move: StockMoveDoc,
): Promise<Source<T>> {
  return sourceDocument<T>(
    context,
    storeDatabaseName(collection, context.principal.storeId),
    move.sourceId,
    `its stock move ${move.id}`,
  );
}

const notDerived = (move: StockMoveDoc, what: string): PushVerdict =>
  reject('not_derived', `stock move ${move.id} does not follow from ${move.sourceId}: ${what}`);

/** Whether a pushed move says what the one rebuilt from its source says. */
function sameMove(pushed: StockMoveDoc, rebuilt: StockMoveDoc | undefined): boolean {
  return (
    rebuilt !== undefined &&
    pushed.kind === rebuilt.kind &&
    pushed.sku === rebuilt.sku &&
    pushed.quantity === rebuilt.quantity &&
    pushed.storeId === rebuilt.storeId &&
    (pushed.bucket ?? 'sellable') === 'sellable'
  );
}

async function checkSaleMove(move: StockMoveDoc, context: PushCheckContext): Promise<PushVerdict> {
  const source = await sourceOf<SaleDoc>(context, 'sales', move);
  if (!source.ok) return source.verdict;
  // The loyalty program only dates earned points; the moves do not depend on it.
  const rebuilt = saleImpliedDocuments(source.doc, null).stockMoves;
  const expected = rebuilt.find((candidate) => candidate.id === move.id);
  if (!sameMove(move, expected)) {
    return notDerived(
      move,
      expected
        ? `the sale line behind ${move.id} moves ${expected.quantity} of ${expected.sku}, not ${move.quantity} of ${move.sku}`
        : `its id names no line of the sale (${rebuilt.map((candidate) => candidate.id).join(', ') || 'a voided sale moves nothing'})`,
    );
  }
  return ACCEPT;
}

async function checkPickupMove(
  move: StockMoveDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const source = await sourceOf<PickupDoc>(context, 'pickups', move);
  if (!source.ok) return source.verdict;
  const pickup = source.doc;
  const order = await context.memo(`stock:order:${pickup.orderId}`, () =>
    findWebOrder(context.index, pickup.orderId),
  );
  if (!order) {
    return pending(`web order ${pickup.orderId} of pickup ${pickup.id} is not on the server yet.`);
  }
  let rebuilt: StockMoveDoc[];
  try {
    rebuilt = pickupStockMoves(pickup, order.doc);
  } catch (error) {
    return notDerived(move, (error as Error).message);
  }
  const expected = rebuilt.find((candidate) => candidate.id === move.id);
  if (!sameMove(move, expected)) {
    return notDerived(
      move,
      expected
        ? `the pickup handed over ${-expected.quantity} of ${expected.sku}, the move says ${-move.quantity} of ${move.sku}`
        : 'its id names no line the pickup handed over (stk_<pickupId>_<lineId>)',
    );
  }
  return ACCEPT;
}

async function checkReturnMove(
  move: StockMoveDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const source = await sourceOf<ReturnDoc>(context, 'returns', move);
  if (!source.ok) return source.verdict;
  const restock = move.kind === 'return-sellable';
  const brought = source.doc.lines
    .filter((line) => line.sku === move.sku && line.restock === restock)
    .reduce((total, line) => total + line.quantity, 0);
  const earlier = (await storeMovesOf(context, context.principal.storeId, move.sku))
    .filter(
      (other) =>
        other.id !== move.id && other.sourceId === move.sourceId && other.kind === move.kind,
    )
    .reduce((total, other) => total + other.quantity, 0);
  if (earlier + move.quantity > brought) {
    return notDerived(
      move,
      `the return brought back ${brought} of ${move.sku} ${restock ? 'to sell' : 'damaged'}; ${earlier} already moved, ${move.quantity} more is too many`,
    );
  }
  return ACCEPT;
}

export const checkStockPush: PushCheck = async (doc, context) => {
  const move = fromCouchDoc<StockMoveDoc>(doc as StoredDoc);
  if (move.deviceId !== undefined && move.deviceId !== context.principal.id) {
    return reject(
      'forged_identity',
      `the move names device ${move.deviceId}; this device is ${context.principal.id}`,
    );
  }
  switch (move.kind) {
    case 'sale':
      if (move.sourceId.startsWith('sale_')) return checkSaleMove(move, context);
      if (move.sourceId.startsWith('pick_')) return checkPickupMove(move, context);
      return reject(
        'no_source',
        `a sale move follows from a sale (sale_…) or a pickup (pick_…), not "${move.sourceId}"`,
      );
    case 'return-sellable':
    case 'return-damaged':
      if (!move.sourceId.startsWith('ret_')) {
        return reject(
          'no_source',
          `a return move follows from a return (ret_…), not "${move.sourceId}"`,
        );
      }
      return checkReturnMove(move, context);
    case 'receive':
    case 'adjust':
    case 'count':
    case 'transfer-out':
    case 'transfer-in': {
      const [problem] = standaloneMoveProblems(move);
      if (problem) {
        return reject(
          problem.rule === 'bound' ? 'unbounded' : 'not_derived',
          `stock move ${move.id}: ${problem.message}`,
        );
      }
      return move.kind === 'transfer-in' ? checkTransferIn(move, context) : ACCEPT;
    }
  }
};
