/**
 * The manager's view of the e-invoice queue (docs/INVOICES.md, docs/API.md):
 *
 *   GET  /api/v1/einvoices?store=S&date=yyyy-mm-dd   admin, or a register of store S
 *   POST /api/v1/einvoices/:id/resend                 admin, or a register of the invoice's
 *                                                     store with a manager's staffId and PIN
 *   POST /api/v1/einvoices/:id/buyer                  the same; einvoice-buyer-route.ts
 */
import { Router } from 'express';
import type { Response } from 'express';
import { principalOf } from '../access/auth';
import { PinAttempts } from '../access/pin-attempts';
import { answer, contractRoute } from './contract-route';
import { eInvoiceBuyerRoute } from './einvoice-buyer-route';
import {
  configuredQueue,
  invoiceFor,
  invoiceView,
  requireInvoiceManager,
} from './einvoice-manager';
import { ApiError, forbidden } from '../http/api-error';
import { serverSale } from '../notifications/receipt-source';
import type { ServerContext } from '../server-context';
import type { EInvoiceQueue } from '../einvoice/einvoice-queue';
import { QueueRefusal } from '../einvoice/einvoice-queue-state';

/** A register may act for its own store only; the admin for every store. */
function checkStore(res: Response, storeId: string): void {
  const principal = principalOf(res);
  if (principal.kind === 'device' && principal.storeId !== storeId) {
    throw forbidden("A register sees its own store's invoices only.");
  }
}

export function eInvoiceRoutes(context: ServerContext, queue: EInvoiceQueue | undefined): Router {
  const router = Router();
  const access = context.auth.require('admin', 'device');
  const attempts = new PinAttempts(context.store);

  contractRoute(router, 'einvoices/list', access, async ({ store, date }, res) => {
    const running = configuredQueue(queue);
    checkStore(res, store);
    const invoices = (await running.ledger.list(store, date)).map((entry) =>
      invoiceView(entry, res),
    );
    return answer({ invoices });
  });

  contractRoute(router, 'einvoices/resend', access, async (request, res) => {
    const running = configuredQueue(queue);
    const entry = await invoiceFor(running, res, request.id);
    await requireInvoiceManager(context, attempts, res, request, entry.storeId, 'resend invoices');
    try {
      const stored = await running.resend(entry.id, await serverSale(context, entry.saleId));
      if (!stored) {
        throw new ApiError(
          409,
          'conflict',
          'The invoice changed meanwhile; list it and try again.',
        );
      }
      return answer({ invoice: invoiceView(stored, res) });
    } catch (error) {
      if (error instanceof QueueRefusal) throw new ApiError(409, 'conflict', error.message);
      throw error;
    }
  });
  eInvoiceBuyerRoute(router, context, access, attempts, queue);
  return router;
}
