/**
 * A `transfer-in` receives what another store sent (stock-push-check.ts): the sender's
 * `transfer-out` moves of the same transfer and SKU, addressed to this store, must be on the
 * server, and everything received under that transfer (this move included) never exceeds what
 * was sent. Moves are read per store and SKU from the server index, once per request.
 */
import type { StockMoveDoc } from '../../../src/documents';
import { storeDatabaseName } from '../../storage/database-layout';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';

/** One store's moves of one SKU: the server's and those accepted earlier in this request. */
export async function storeMovesOf(
  context: PushCheckContext,
  storeId: string,
  sku: string,
): Promise<StockMoveDoc[]> {
  const db = storeDatabaseName('stock', storeId);
  const stored = await context.memo(`stock:moves:${db}:${sku}`, async () =>
    (await context.index.postings<StockMoveDoc>('stk', sku, db)).map((posting) => posting.value),
  );
  if (context.database.name !== db) return stored;
  const ids = new Set(stored.map((move) => move.id));
  const earlier = [...context.accepted.entries()]
    .filter(([id, doc]) => !ids.has(id) && doc.sku === sku)
    .map(([id, doc]) => ({ ...(doc as unknown as StockMoveDoc), id }));
  return [...stored, ...earlier];
}

export async function checkTransferIn(
  move: StockMoveDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const from = move.counterpartStoreId ?? '';
  const sent = (await storeMovesOf(context, from, move.sku))
    .filter(
      (other) =>
        other.kind === 'transfer-out' &&
        other.sourceId === move.sourceId &&
        other.counterpartStoreId === move.storeId,
    )
    .reduce((total, other) => total - other.quantity, 0);
  if (sent <= 0) {
    return reject(
      'unmatched_transfer',
      `store ${from} sent no ${move.sku} to ${move.storeId} under transfer ${move.sourceId}; check the transfer number, or wait until the sending store has synced`,
    );
  }
  const received = (await storeMovesOf(context, move.storeId, move.sku))
    .filter(
      (other) =>
        other.id !== move.id &&
        other.kind === 'transfer-in' &&
        other.sourceId === move.sourceId &&
        other.counterpartStoreId === from,
    )
    .reduce((total, other) => total + other.quantity, 0);
  if (received + move.quantity > sent) {
    return reject(
      'unmatched_transfer',
      `transfer ${move.sourceId} sent ${sent} of ${move.sku}; ${received} already received, ${move.quantity} more is too many`,
    );
  }
  return ACCEPT;
}
