import { Router } from 'express';
import type { StockMoveDoc } from '../../src/documents';
import { stockLevels } from '../../src/stock';
import { principalOf } from '../access/auth';
import type { LoyaltyHolds } from '../services/loyalty-holds';
import type { Reconciler } from '../index/reconciler';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';
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

  contractRoute(router, 'loyalty/hold', holdWriters, async (request, res) => {
    const { created, hold } = await holds.hold(principalOf(res), request);
    return answer(hold, created ? 201 : 200);
  });
  contractRoute(router, 'loyalty/confirm', holdWriters, async ({ id }, res) =>
    answer(await holds.confirm(principalOf(res), id)),
  );
  contractRoute(router, 'loyalty/release', holdWriters, async ({ id }, res) =>
    answer(await holds.releaseHold(principalOf(res), id)),
  );

  contractRoute(
    router,
    'stock/levels',
    context.auth.require('admin', 'device'),
    async (request) => {
      const sku = request.sku.trim();
      await context.index.catchUp();
      const moves = (await context.index.postings<StockMoveDoc>('stk', sku)).map(
        (posting) => posting.value,
      );
      const stores = stockLevels(moves).map(({ storeId, sellable, damaged }) => ({
        storeId,
        sellable,
        damaged,
      }));
      return answer({ sku, stores, total: stores.reduce((sum, level) => sum + level.sellable, 0) });
    },
  );

  contractRoute(router, 'flags/list', context.auth.require('admin'), async () => {
    await reconciler.settled();
    return answer({ flags: await reconciler.listFlags() });
  });

  return router;
}
