/**
 * Reports across every store, for the manager screens when online: the same pure functions a
 * register runs on its own store's replica (src/reports), over every store's documents here.
 *
 *   GET /api/v1/reports?from=ISO&to=ISO[&tz=Asia/Ho_Chi_Minh][&storeId=S]   admin, device
 */
import { Router } from 'express';
import type { LoyaltyEntryDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../../src/documents';
import { customerReport, loyaltyReport, returnsReport, salesReport } from '../../src/reports';
import { badRequest } from '../http/api-error';
import { readCollection } from '../storage/collection-reader';
import type { ServerContext } from '../server-context';
import { DEFAULT_STORE_TIME_ZONE, isValidTimeZone } from '../../src/store-clock';
import { answer, contractRoute } from './contract-route';

export function reportRoutes(context: ServerContext): Router {
  const router = Router();
  contractRoute(router, 'reports/get', context.auth.require('admin', 'device'), async (request) => {
    const { from, to } = request;
    if (Date.parse(from) >= Date.parse(to)) {
      throw badRequest('Give the period: GET /api/v1/reports?from=ISO&to=ISO, from before to.', {
        field: 'from',
      });
    }
    const timeZone = request.tz ?? DEFAULT_STORE_TIME_ZONE;
    if (!isValidTimeZone(timeZone))
      throw badRequest(`Unknown time zone "${timeZone}".`, { field: 'tz' });
    const storeId = request.storeId;
    const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    const docs = async <T>(collection: 'sales' | 'returns' | 'orders' | 'loyalty') =>
      (await readCollection<T>(context.store, collection)).map((entry) => entry.doc);
    const [sales, returns, orders, loyalty] = await Promise.all([
      docs<SaleDoc>('sales'),
      docs<ReturnDoc>('returns'),
      docs<WebOrderDoc>('orders'),
      docs<LoyaltyEntryDoc>('loyalty'),
    ]);
    return answer({
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
  });
  return router;
}
