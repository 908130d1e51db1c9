/**
 * Who may change an e-invoice from a register (resend it, add the buyer's data): a member of
 * staff of the invoice's store whose role has `manage-settings`, named with `staffId` and PIN,
 * checked here with the PIN lockout of every manager action. The admin needs neither.
 */
import type { Response } from 'express';
import type { StaffDoc, StoreSettingsDoc } from '../../src/documents';
import { hideBuyer } from '../../src/einvoice';
import { principalOf } from '../access/auth';
import { requireStaffPin } from '../access/pin-attempts';
import type { PinAttempts } from '../access/pin-attempts';
import type { EInvoiceView } from '../../src/api/einvoice-views';
import { ApiError, badRequest, forbidden, notFound } from '../http/api-error';
import type { ServerContext } from '../server-context';
import { fromCouchDoc } from '../storage/couch-doc';
import type { EInvoiceQueue } from '../einvoice/einvoice-queue';
import type { StoredInvoice } from '../einvoice/einvoice-queue-state';

/** The retailer's permission for the store's settings; the server asks for it. */
export const INVOICE_MANAGER_PERMISSION = 'manage-settings';

/**
 * What the caller sees of an entry: not its XML nor the running attempt's claim; a register sees
 * the buyer's ID number and phone hidden (src/einvoice `hideBuyer`), the admin sees them whole.
 */
export function invoiceView(entry: StoredInvoice, res: Response): EInvoiceView {
  const { xml: _xml, claim: _claim, ...rest } = entry;
  if (!rest.buyer || principalOf(res).kind === 'admin') return rest;
  return { ...rest, buyer: hideBuyer(rest.buyer) };
}

export function configuredQueue(queue: EInvoiceQueue | undefined): EInvoiceQueue {
  if (!queue) {
    throw new ApiError(
      503,
      'not-configured',
      'E-invoices are not set up on this server; the administrator sets OMNITILL_EINVOICE_CONFIG (docs/INVOICES.md).',
    );
  }
  return queue;
}

export async function oneDoc<T>(
  context: ServerContext,
  db: string,
  id: string,
): Promise<T | undefined> {
  const doc = (await context.store.getCurrent(db, [id])).get(id);
  return doc && !doc._deleted ? fromCouchDoc<T>(doc) : undefined;
}

/** The invoice, if the caller may see it: a register its own store's only (else "no invoice"). */
export async function invoiceFor(
  queue: EInvoiceQueue,
  res: Response,
  id: string,
): Promise<StoredInvoice> {
  const entry = await queue.ledger.get(id);
  const principal = principalOf(res);
  if (!entry || (principal.kind === 'device' && principal.storeId !== entry.storeId)) {
    throw notFound(`No invoice ${id}; list the day's invoices to find its id.`);
  }
  return entry;
}

/**
 * From a register: the manager named must work in the invoice's store, give the right PIN and
 * hold the permission; `doing` says what in the refusals ("resend invoices").
 */
export async function requireInvoiceManager(
  context: ServerContext,
  attempts: PinAttempts,
  res: Response,
  request: { staffId?: string; pin?: string },
  storeId: string,
  doing: string,
): Promise<void> {
  const principal = principalOf(res);
  if (principal.kind !== 'device') return;
  if (!request.staffId || !request.pin) {
    throw badRequest(`A register may ${doing} with a manager's staffId and pin.`, {
      field: request.staffId ? 'pin' : 'staffId',
    });
  }
  const staff = await oneDoc<StaffDoc>(context, 'staff', request.staffId);
  const member = await requireStaffPin(attempts, principal.id, staff, storeId, request.pin);
  const settings = await oneDoc<StoreSettingsDoc>(context, 'settings', `store_${storeId}`);
  if (!settings?.permissions[member.role].includes(INVOICE_MANAGER_PERMISSION)) {
    throw forbidden(`${member.name} may not ${doing}; ask a manager.`);
  }
}
