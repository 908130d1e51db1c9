import { Router } from 'express';
import type { WebOrderDoc } from '../../src/documents';
import { markReadyForPickup, WebOrderError } from '../../src/orders';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { findWebOrder } from '../index/index-lookups';
import { toCouchDoc } from '../storage/couch-doc';
import { SerialQueue } from '../storage/new-id';
import type { ServerContext } from '../server-context';
import { upsertDocs } from '../services/server-writes';
import { answer, contractRoute } from './contract-route';

/**
 * The pickup store says an order's goods are gathered. Orders are written by the server only
 * (single writer, ARCHITECTURE.md rule 2), so a register asks here and the new status comes back
 * to every register of the store by replication. Marking an order ready twice is answered with
 * the order as it is, so a retry after a lost reply is harmless.
 */
export function orderReadyRoutes(context: ServerContext): Router {
  const router = Router();
  const queue = new SerialQueue();

  contractRoute(
    router,
    'orders/ready',
    context.auth.require('admin', 'device'),
    async ({ id }, res) => {
      const principal = principalOf(res);
      const order = await queue.run(async () => {
        const found = await findWebOrder(context.index, id);
        if (!found) throw notFound(`No web order ${id}; check the order id or number.`);
        const current = found.doc;
        if (principal.kind === 'device' && principal.storeId !== current.pickupStoreId) {
          throw forbidden(
            `Order ${current.orderNumber} is collected at ${current.pickupStoreId}; only that store's registers mark it ready.`,
          );
        }
        if (current.status === 'ready-for-pickup') return current;
        let ready: WebOrderDoc;
        try {
          ready = markReadyForPickup(current, new Date().toISOString());
        } catch (error) {
          if (error instanceof WebOrderError) {
            throw new ApiError(409, error.code, `${error.message} It cannot be marked ready.`);
          }
          throw error;
        }
        const result = await upsertDocs(context.store, context.validator, 'orders', found.db, [
          ready,
        ]);
        const [problem] = result.rejected;
        if (problem) {
          throw new ApiError(
            500,
            'internal_error',
            `The order could not be stored: ${problem.reason}; retry in a moment.`,
          );
        }
        context.onAccepted(found.db, [toCouchDoc(ready)]);
        return ready;
      });
      return answer({ order });
    },
  );
  return router;
}
