import { Router } from 'express';
import type { StockMoveDoc } from '../../src/documents';
import { stockLevels } from '../../src/stock';
import { badRequest, sendJson } from '../api-error';
import { principalOf } from '../auth';
import type { LoyaltyHolds } from '../loyalty-holds';
import { isPlainObject, readJsonBody } from '../read-json-body';
import type { Reconciler } from '../reconciler';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';
import { checkinRoutes } from './checkin-routes';
import { storeSettingsRoutes } from './store-settings-routes';
import { customerRoutes } from './customer-routes';
import { orderRoutes } from './order-routes';
import { parkedRoutes } from './parked-routes';
import { reportRoutes } from './report-routes';
import { orderReadyRoutes } from './order-ready-routes';
import { returnClaimRoutes } from './return-claim-routes';
import { saleRoutes } from './sale-routes';
import { storedValueRoutes } from './stored-value-routes';

/** The domain API beside replication: orders, customers, loyalty holds, stock, flags. */
export function domainRoutes(
  context: ServerContext,
  reconciler: Reconciler,
  holds: LoyaltyHolds,
): Router {
  const router = Router();
  const holdWriters = context.auth.require('admin', 'device');
  router.use(orderRoutes(context), customerRoutes(context), reportRoutes(context));
  router.use(orderReadyRoutes(context));
  router.use(saleRoutes(context));
  router.use(returnClaimRoutes(context));
  router.use(checkinRoutes(context));
  router.use(storeSettingsRoutes(context));
  router.use(storedValueRoutes(context));
  router.use(parkedRoutes(context));

  router.post(
    '/loyalty/holds',
    holdWriters,
    asyncRoute(async (req, res) => {
      const body = await readJsonBody(req);
      if (!isPlainObject(body))
        throw badRequest('Send {"customerId", "points", "idempotencyKey"}.');
      const { created, hold } = await holds.hold(principalOf(res), body);
      sendJson(res, created ? 201 : 200, hold);
    }),
  );
  router.post(
    '/loyalty/holds/:id/confirm',
    holdWriters,
    asyncRoute(async (req, res) => {
      sendJson(res, 200, await holds.confirm(principalOf(res), String(req.params.id)));
    }),
  );
  router.post(
    '/loyalty/holds/:id/release',
    holdWriters,
    asyncRoute(async (req, res) => {
      sendJson(res, 200, await holds.releaseHold(principalOf(res), String(req.params.id)));
    }),
  );

  router.get(
    '/stock',
    context.auth.require('admin', 'device'),
    asyncRoute(async (req, res) => {
      const sku = typeof req.query.sku === 'string' ? req.query.sku.trim() : '';
      if (!sku) throw badRequest('Give the SKU: GET /api/v1/stock?sku=SKU000001.');
      await context.index.catchUp();
      const moves = (await context.index.postings<StockMoveDoc>('stk', sku)).map(
        (posting) => posting.value,
      );
      const stores = stockLevels(moves).map(({ storeId, sellable, damaged }) => ({
        storeId,
        sellable,
        damaged,
      }));
      sendJson(res, 200, {
        sku,
        stores,
        total: stores.reduce((sum, level) => sum + level.sellable, 0),
      });
    }),
  );

  router.get(
    '/flags',
    context.auth.require('admin'),
    asyncRoute(async (_req, res) => {
      await reconciler.settled();
      sendJson(res, 200, { flags: await reconciler.listFlags() });
    }),
  );

  return router;
}
