/**
 * The manager's view of the e-invoice queue (docs/INVOICES.md, docs/API.md):
 *
 *   GET  /api/v1/einvoices?store=S&date=yyyy-mm-dd   admin, or a register of store S
 *   POST /api/v1/einvoices/:id/resend                 admin, or a register of the invoice's
 *                                                     store with a manager's staffId and PIN
 */
import { Router } from 'express';
import type { Response } from 'express';
import type { EInvoiceView } from '../../src/api/einvoice-views';
import type { StaffDoc, StoreSettingsDoc } from '../../src/documents';
import { principalOf } from '../access/auth';
import { PinAttempts, requireStaffPin } from '../access/pin-attempts';
import { answer, contractRoute } from './contract-route';
import { ApiError, badRequest, forbidden, notFound } from '../http/api-error';
import { serverSale } from '../notifications/receipt-source';
import type { ServerContext } from '../server-context';
import { fromCouchDoc } from '../storage/couch-doc';
import type { EInvoiceQueue } from '../einvoice/einvoice-queue';
import { QueueRefusal } from '../einvoice/einvoice-queue-state';
import type { StoredInvoice } from '../einvoice/einvoice-queue-state';

/** Who resends from a register: the retailer's permission for the store's settings. */
const RESEND_PERMISSION = 'manage-settings';

function view(entry: StoredInvoice): EInvoiceView {
  const { xml: _xml, claim: _claim, ...rest } = entry;
  return rest;
}

function configured(queue: EInvoiceQueue | undefined): EInvoiceQueue {
  if (!queue) {
    throw new ApiError(
      503,
      'not-configured',
      'E-invoices are not set up on this server; the administrator sets OMNITILL_EINVOICE_CONFIG (docs/INVOICES.md).',
    );
  }
  return queue;
}

/** A register may act for its own store only; the admin for every store. */
function checkStore(res: Response, storeId: string): void {
  const principal = principalOf(res);
  if (principal.kind === 'device' && principal.storeId !== storeId) {
    throw forbidden("A register sees its own store's invoices only.");
  }
}

async function one<T>(context: ServerContext, db: string, id: string): Promise<T | undefined> {
  const doc = (await context.store.getCurrent(db, [id])).get(id);
  return doc && !doc._deleted ? fromCouchDoc<T>(doc) : undefined;
}

export function eInvoiceRoutes(context: ServerContext, queue: EInvoiceQueue | undefined): Router {
  const router = Router();
  const access = context.auth.require('admin', 'device');
  const attempts = new PinAttempts(context.store);

  contractRoute(router, 'einvoices/list', access, async ({ store, date }, res) => {
    const running = configured(queue);
    checkStore(res, store);
    const invoices = (await running.ledger.list(store, date)).map(view);
    return answer({ invoices });
  });

  contractRoute(router, 'einvoices/resend', access, async (request, res) => {
    const running = configured(queue);
    const entry = await running.ledger.get(request.id);
    const principal = principalOf(res);
    if (!entry || (principal.kind === 'device' && principal.storeId !== entry.storeId)) {
      throw notFound(`No invoice ${request.id}; list the day's invoices to find its id.`);
    }
    if (principal.kind === 'device') {
      if (!request.staffId || !request.pin) {
        throw badRequest("A register resends with a manager's staffId and pin.", {
          field: request.staffId ? 'pin' : 'staffId',
        });
      }
      const staff = await one<StaffDoc>(context, 'staff', request.staffId);
      const member = await requireStaffPin(
        attempts,
        principal.id,
        staff,
        entry.storeId,
        request.pin,
      );
      const settings = await one<StoreSettingsDoc>(context, 'settings', `store_${entry.storeId}`);
      if (!settings?.permissions[member.role].includes(RESEND_PERMISSION)) {
        throw forbidden(`${member.name} may not resend invoices; ask a manager.`);
      }
    }
    try {
      const stored = await running.resend(entry.id, await serverSale(context, entry.saleId));
      if (!stored) {
        throw new ApiError(
          409,
          'conflict',
          'The invoice changed meanwhile; list it and try again.',
        );
      }
      return answer({ invoice: view(stored) });
    } catch (error) {
      if (error instanceof QueueRefusal) throw new ApiError(409, 'conflict', error.message);
      throw error;
    }
  });
  return router;
}
