import { Router } from 'express';
import type { RequestHandler } from 'express';
import type { LoyaltyHolds } from '../services/loyalty-holds';
import type { Reconciler } from '../index/reconciler';
import type { ServerContext } from '../server-context';
import { catalogRoutes } from './catalog-routes';
import { answer, contractRoute } from './contract-route';
import { deviceRoutes } from './device-routes';
import { eReceiptRoutes } from './e-receipt-routes';
import type { EReceipts } from '../notifications/e-receipts';
import { domainRoutes } from './domain-routes';
import { eInvoiceRoutes } from './einvoice-routes';
import type { EInvoiceQueue } from '../einvoice/einvoice-queue';
import { paymentRoutes } from './payment-routes';
import { rejectionRoutes } from './rejection-routes';
import { snapshotRoutes } from './snapshot-routes';
import { staffRoutes } from './staff-routes';

/** Anyone may ask whether the server is up (a load balancer, the admin CLI). */
const open: RequestHandler = (_req, _res, next) => next();

/**
 * The whole domain API, mounted at `/api/v1`: every route here is an entry of the contract
 * (src/api/contract.ts), and a test walks this router to keep the two the same.
 */
export function apiRouter(
  context: ServerContext,
  reconciler: Reconciler,
  holds: LoyaltyHolds,
  receipts: EReceipts,
  /** Absent when e-invoices are not configured: its routes then answer 503. */
  einvoices?: EInvoiceQueue,
): Router {
  const router = Router();
  contractRoute(router, 'server/health', open, () =>
    Promise.resolve(
      answer({
        ok: true as const,
        name: 'omnitill-sync-server',
        store: context.store.kind,
        time: new Date().toISOString(),
      }),
    ),
  );
  router.use(deviceRoutes(context), catalogRoutes(context), rejectionRoutes(context));
  router.use(staffRoutes(context), snapshotRoutes(context));
  router.use(domainRoutes(context, reconciler, holds));
  router.use(paymentRoutes(context, reconciler));
  router.use(eReceiptRoutes(context, receipts));
  router.use(eInvoiceRoutes(context, einvoices));
  return router;
}
