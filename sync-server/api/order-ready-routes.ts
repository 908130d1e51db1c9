import { Router } from 'express';
import type { WebOrderDoc } from '../../src/documents';
import { markReadyForPickup, WebOrderError } from '../../src/orders';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { findWebOrder } from '../index/index-lookups';
import { fromCouchDoc, toCouchDoc } from '../storage/couch-doc';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/** Lost races before giving up (each one means another process changed the order meanwhile). */
const ATTEMPTS = 8;

/**
 * The pickup store says an order's goods are gathered. Orders are written by the server only
 * (single writer, ARCHITECTURE.md rule 2), so a register asks here and the new status comes back
 * to every register of the store by replication. Marking an order ready twice is answered with
 * the order as it is, so a retry after a lost reply is harmless.
 *
 * The new status is written over the revision it was decided on: when another server process
 * (several instances on one CouchDB) changed the order meanwhile (marked it ready, or handed it
 * over), the write conflicts and the decision is taken again on what is there now, so a stale
 * "ready" never overwrites a later status.
 */
export function orderReadyRoutes(context: ServerContext): Router {
  const router = Router();

  contractRoute(
    router,
    'orders/ready',
    context.auth.require('admin', 'device'),
    async ({ id }, res) => {
      const principal = principalOf(res);
      const found = await findWebOrder(context.index, id);
      if (!found) throw notFound(`No web order ${id}; check the order id or number.`);
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const stored = (await context.store.getCurrent(found.db, [found.doc.id])).get(found.doc.id);
        if (!stored || stored._deleted) {
          throw notFound(`No web order ${id}; check the order id or number.`);
        }
        const current = fromCouchDoc<WebOrderDoc>(stored);
        if (principal.kind === 'device' && principal.storeId !== current.pickupStoreId) {
          throw forbidden(
            `Order ${current.orderNumber} is collected at ${current.pickupStoreId}; only that store's registers mark it ready.`,
          );
        }
        if (current.status === 'ready-for-pickup') return answer({ order: current });
        let ready: WebOrderDoc;
        try {
          ready = markReadyForPickup(current, new Date().toISOString());
        } catch (error) {
          if (error instanceof WebOrderError) {
            throw new ApiError(409, error.code, `${error.message} It cannot be marked ready.`);
          }
          throw error;
        }
        const couchDoc = toCouchDoc(ready);
        const problem = context.validator.validate('orders', couchDoc);
        if (problem) {
          throw new ApiError(
            500,
            'internal_error',
            `The order could not be stored: ${problem}; retry in a moment.`,
          );
        }
        const [row] = await context.store.bulkDocs(
          found.db,
          [{ ...couchDoc, _rev: stored._rev }],
          true,
        );
        if (row?.ok) {
          context.onAccepted(found.db, [couchDoc]);
          return answer({ order: ready });
        }
        if (row?.error !== 'conflict') {
          throw new ApiError(
            500,
            'internal_error',
            `The order could not be stored: ${row?.reason ?? row?.error ?? 'write failed'}; retry in a moment.`,
          );
        }
      }
      throw new ApiError(
        503,
        'busy',
        `Order ${id} kept changing while it was being marked ready; try again in a moment.`,
      );
    },
  );
  return router;
}
