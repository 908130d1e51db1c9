/**
 * Buyer data entered after the sale (docs/INVOICES.md, "Buyer data after the sale"): stored with
 * the invoice's entry in the queue's ledger and written into `NMua` whenever the invoice is
 * built again (now, and at a resend). Only while the provider has not taken the invoice:
 *
 * - queued: rebuilt with the buyer and due at once (the buyer is waiting for it);
 * - failed: rebuilt, its next try unchanged (a provider that did take the first XML refuses the
 *   new one as a used code: the manager then checks the provider's portal, as for a resend);
 * - refused, blocked: the buyer is kept; the manager's resend builds the invoice with it;
 * - sent, accepted: refused. After acceptance the rules ask for a notice or a replacing or
 *   adjusting invoice instead, which this slice does not make.
 */
import type { SaleDoc } from '../../src/documents';
import type { EInvoiceBuyer } from '../../src/einvoice';
import { buildInvoice } from './einvoice-builder';
import type { EInvoiceQueue } from './einvoice-queue';
import { QueueRefusal } from './einvoice-queue-state';
import type { BuiltInvoice, StoredInvoice } from './einvoice-queue-state';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The entry with the buyer's data; `rebuilt` is the invoice built again with it from the sale
 * (used for queued and failed entries). Throws QueueRefusal for a sent or accepted invoice.
 */
export function withBuyer(
  entry: StoredInvoice,
  buyer: EInvoiceBuyer,
  rebuilt: BuiltInvoice,
  now: number,
): StoredInvoice {
  const code = entry.code ?? entry.id;
  if (entry.status === 'accepted') {
    throw new QueueRefusal(
      'accepted',
      `Invoice ${code} was accepted by the provider; its buyer data cannot be added any more. A wrong or missing name or address is told to the buyer and to the tax authority (form 04/SS-HĐĐT); a wrong or missing tax code needs a replacing or adjusting invoice.`,
    );
  }
  if (entry.status === 'sent') {
    throw new QueueRefusal(
      'sent',
      `Invoice ${code} is with the provider; wait for its answer, then add the buyer's data if it was not accepted.`,
    );
  }
  const base = { ...entry, buyer, updatedAt: iso(now) };
  if (entry.status === 'refused' || entry.status === 'blocked') return base;
  if ('problem' in rebuilt) {
    const { nextAttemptAt: _next, ...rest } = base;
    return { ...rest, status: 'blocked', reason: rebuilt.problem };
  }
  return {
    ...base,
    xml: rebuilt.xml,
    code: rebuilt.code,
    symbol: rebuilt.symbol,
    total: rebuilt.total,
    ...(entry.status === 'queued' ? { dueAt: iso(now) } : {}),
  };
}

/**
 * Stores the buyer on invoice `id`, rebuilt from `sale` at the revision read; undefined when the
 * entry is gone or another process changed it meanwhile. A queued invoice is sent at once.
 */
export async function addInvoiceBuyer(
  queue: EInvoiceQueue,
  id: string,
  buyer: EInvoiceBuyer,
  sale: SaleDoc | undefined,
): Promise<StoredInvoice | undefined> {
  const current = await queue.ledger.get(id);
  if (!current) return undefined;
  const invoicing = queue.config.stores[current.storeId];
  const rebuilt: BuiltInvoice =
    sale && invoicing
      ? buildInvoice(sale, await queue.settingsAt(sale.storeId, sale.completedAt), invoicing, buyer)
      : {
          problem: sale
            ? `Store ${current.storeId} is not in the e-invoice configuration.`
            : `Sale ${current.saleId} is no longer on the server.`,
        };
  const stored = await queue.ledger.update(id, (entry) =>
    // Only as it was read: the queue may have claimed it meanwhile.
    entry.status === current.status && entry.attempts === current.attempts
      ? withBuyer(entry, buyer, rebuilt, Date.now())
      : undefined,
  );
  if (stored?.status === 'queued') queue.kick();
  return stored;
}
