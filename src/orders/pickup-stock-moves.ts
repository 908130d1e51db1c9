/**
 * The stock a pickup takes out of its store. Goods of a web order leave the shelf when they are
 * handed over, not when the order is placed, so each pickup writes one `sale` move per order line
 * it handed over. The register writes them beside the PickupDoc and the sync-server re-derives
 * them with this same function to check what a register pushed.
 *
 * Ids come from the pickup id and the line id: a retried hand-over (or a repair after a crash)
 * rebuilds the very same moves, and writing them again moves nothing twice.
 */
import type { PickupDoc } from '../documents/pickup';
import type { StockMoveDoc } from '../documents/stock-move';
import type { WebOrderDoc } from '../documents/web-order';
import { WebOrderError } from './web-order-lifecycle';

/** `stk_<pickupId>_<lineId>`: one move per handed-over order line of a pickup. */
export function pickupStockMoveId(pickupId: string, lineId: string): string {
  return `stk_${pickupId}_${lineId}`;
}

/**
 * The pickup's stock moves: minus what each order line handed over, in the line's measure
 * (pieces, or grams for a weighed line, as the order counts it), out of the pickup's store.
 * Two entries of one line in a pickup make one move. Refuses a pickup of another order or of a
 * line the order does not have: there is no SKU to move.
 */
export function pickupStockMoves(pickup: PickupDoc, order: WebOrderDoc): StockMoveDoc[] {
  if (pickup.orderId !== order.id) {
    throw new WebOrderError(
      'wrong-order',
      `Pickup ${pickup.id} is for ${pickup.orderId}, not ${order.id}; pass its own order.`,
    );
  }
  const skuOf = new Map(order.lines.map((line) => [line.lineId, line.sku]));
  const handedOver = new Map<string, number>();
  for (const line of pickup.lines) {
    if (!skuOf.has(line.lineId)) {
      throw new WebOrderError(
        'unknown-line',
        `Order ${order.orderNumber} has no line ${line.lineId}; the pickup cannot move its stock.`,
      );
    }
    handedOver.set(line.lineId, (handedOver.get(line.lineId) ?? 0) + line.quantity);
  }
  return [...handedOver]
    .filter(([, quantity]) => quantity > 0)
    .map(([lineId, quantity]) => ({
      id: pickupStockMoveId(pickup.id, lineId),
      kind: 'sale',
      sku: skuOf.get(lineId) ?? '',
      quantity: -quantity,
      storeId: pickup.storeId,
      sourceId: pickup.id,
      deviceId: pickup.deviceId,
      createdAt: pickup.createdAt,
    }));
}
