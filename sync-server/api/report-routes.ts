/**
 * Reports across every store, for the manager screens when online: the same pure functions a
 * register runs on its own store's replica (src/reports), over every store's documents here.
 *
 *   GET /api/v1/reports?from=ISO&to=ISO[&tz=Asia/Ho_Chi_Minh][&storeId=S]   admin, device
 */
import { Router } from 'express';
import type { LoyaltyEntryDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../../src/documents';
import { customerReport, loyaltyReport, returnsReport, salesReport } from '../../src/reports';
import { badRequest, sendJson } from '../api-error';
import { readCollection } from '../collection-reader';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';
import { DEFAULT_STORE_TIME_ZONE, isValidTimeZone } from '../../src/store-clock';

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function reportRoutes(context: ServerContext): Router {
  const router = Router();
  router.get(
    '/reports',
    context.auth.require('admin', 'device'),
    asyncRoute(async (req, res) => {
      const { from, to } = req.query;
      if (!isTime(from) || !isTime(to) || Date.parse(from) >= Date.parse(to)) {
        throw badRequest('Give the period: GET /api/v1/reports?from=ISO&to=ISO, from before to.', {
          field: 'from',
        });
      }
      const timeZone = typeof req.query.tz === 'string' ? req.query.tz : DEFAULT_STORE_TIME_ZONE;
      if (!isValidTimeZone(timeZone))
        throw badRequest(`Unknown time zone "${timeZone}".`, { field: 'tz' });
      const storeId = typeof req.query.storeId === 'string' ? req.query.storeId : undefined;
      const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
      const docs = async <T>(collection: 'sales' | 'returns' | 'orders' | 'loyalty') =>
        (await readCollection<T>(context.store, collection)).map((entry) => entry.doc);
      const [sales, returns, orders, loyalty] = await Promise.all([
        docs<SaleDoc>('sales'),
        docs<ReturnDoc>('returns'),
        docs<WebOrderDoc>('orders'),
        docs<LoyaltyEntryDoc>('loyalty'),
      ]);
      sendJson(res, 200, {
        period,
        timeZone,
        storeId: storeId ?? null,
        sales: salesReport({
          sales,
          orders,
          period,
          timeZone,
          ...(storeId ? { storeId } : {}),
        }),
        returns: returnsReport(returns, period, storeId),
        loyalty: loyaltyReport(loyalty, period, storeId),
        customers: customerReport({ sales, orders, returns, asOf: period.to }),
      });
    }),
  );
  return router;
}
