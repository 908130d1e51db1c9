/**
 * POST /api/v1/einvoices/:id/buyer: the buyer's data for an invoice not yet taken by the provider
 * (docs/INVOICES.md, "Buyer data after the sale"). The admin, or a register of the invoice's store
 * with a manager's staffId and PIN. The fields are checked with src/einvoice's `checkBuyerEntry`,
 * the check the manager's form runs first; a refusal names the field and the problem
 * (`field`, `problem`) so the form words it in the manager's language.
 */
import type { RequestHandler, Router } from 'express';
import { checkBuyerEntry } from '../../src/einvoice';
import type { PinAttempts } from '../access/pin-attempts';
import { answer, contractRoute } from './contract-route';
import {
  configuredQueue,
  invoiceFor,
  invoiceView,
  requireInvoiceManager,
} from './einvoice-manager';
import { ApiError, badRequest } from '../http/api-error';
import { serverSale } from '../notifications/receipt-source';
import type { ServerContext } from '../server-context';
import { addInvoiceBuyer } from '../einvoice/einvoice-buyer';
import type { EInvoiceQueue } from '../einvoice/einvoice-queue';
import { QueueRefusal } from '../einvoice/einvoice-queue-state';

export function eInvoiceBuyerRoute(
  router: Router,
  context: ServerContext,
  access: RequestHandler,
  attempts: PinAttempts,
  queue: EInvoiceQueue | undefined,
): void {
  contractRoute(router, 'einvoices/buyer', access, async (request, res) => {
    const running = configuredQueue(queue);
    const entry = await invoiceFor(running, res, request.id);
    await requireInvoiceManager(
      context,
      attempts,
      res,
      request,
      entry.storeId,
      "add a buyer's data to invoices",
    );
    const checked = checkBuyerEntry(request.buyer, entry.buyer);
    if (!checked.ok) {
      const { field, problem, reason } = checked.problem;
      throw badRequest(reason, { ...(field ? { field: `buyer.${field}` } : {}), problem });
    }
    try {
      const stored = await addInvoiceBuyer(
        running,
        entry.id,
        checked.buyer,
        await serverSale(context, entry.saleId),
      );
      if (!stored) {
        throw new ApiError(
          409,
          'conflict',
          'The invoice changed meanwhile; list it and try again.',
          {
            problem: 'changed',
          },
        );
      }
      return answer({ invoice: invoiceView(stored, res) });
    } catch (error) {
      if (error instanceof QueueRefusal) {
        throw new ApiError(409, 'conflict', error.message, { problem: error.status });
      }
      throw error;
    }
  });
}
