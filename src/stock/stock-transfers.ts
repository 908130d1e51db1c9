/**
 * Transfers between stores are two facts written by two stores: the sender's `transfer-out`
 * and, when the goods arrive, the receiver's `transfer-in`, both pointing at the same transfer
 * document. What is still on the road is the difference, never a status to keep in sync.
 */
import type { StockMoveDoc } from '../documents/stock-move';
import { uniqueMoves } from './stock-levels';

export interface InTransit {
  transferId: string;
  sku: string;
  fromStoreId: string;
  toStoreId: string;
  /** Sent and not yet received (negative when more arrived than was sent). */
  quantity: number;
}

export function transfersInTransit(moves: Iterable<StockMoveDoc>): InTransit[] {
  const open = new Map<string, InTransit>();
  for (const move of uniqueMoves(moves)) {
    if (move.kind !== 'transfer-out' && move.kind !== 'transfer-in') continue;
    const outgoing = move.kind === 'transfer-out';
    const fromStoreId = outgoing ? move.storeId : (move.counterpartStoreId ?? '');
    const toStoreId = outgoing ? (move.counterpartStoreId ?? '') : move.storeId;
    const key = `${move.sourceId}\u0000${move.sku}\u0000${fromStoreId}\u0000${toStoreId}`;
    const entry = open.get(key) ?? {
      transferId: move.sourceId,
      sku: move.sku,
      fromStoreId,
      toStoreId,
      quantity: 0,
    };
    // Out is negative at the sender, in is positive at the receiver: on the road is the gap.
    entry.quantity -= move.quantity;
    open.set(key, entry);
  }
  return [...open.values()].filter((entry) => entry.quantity !== 0);
}
