/**
 * An e-invoice as the server's queue shows it to a manager (`einvoices/list`, docs/INVOICES.md):
 * one per accepted sale, and one adjusting invoice per accepted return of an invoiced sale, with
 * where it is on its way to the provider.
 *
 * - `queued`: waiting for its batch (`dueAt`, the end of the store's day by default);
 * - `sent`: handed to the provider, no answer yet;
 * - `accepted`: the provider took it (`providerId`); never sent again;
 * - `refused`: the provider refused it (`reason`); a manager resends after fixing the cause;
 * - `failed`: the provider could not answer (`reason`); tried again at `nextAttemptAt`, or,
 *   without it, the tries ran out and a manager resends;
 * - `blocked`: the server could not build the invoice (`reason`: settings to fix), nothing sent.
 *
 * An adjusting invoice waits `queued` until the invoice it adjusts is accepted: a provider takes
 * no adjustment of an invoice it does not hold.
 */
import type { EInvoiceBuyer } from '../einvoice/invoice-parties';
import type { Minor } from '../money';

export type EInvoiceStatus = 'queued' | 'sent' | 'accepted' | 'refused' | 'failed' | 'blocked';

/** `sale`: a sale's invoice; `adjusting`: a return's, decreasing the sale's (hóa đơn điều chỉnh). */
export type EInvoiceKind = 'sale' | 'adjusting';

export interface EInvoiceView {
  /** `inv_<store>_<day>_<saleId or returnId>`: one invoice per sale, one per return. */
  id: string;
  /** Absent on entries queued before adjusting invoices: those are all `sale`. */
  kind?: EInvoiceKind;
  /** The sale invoiced, or the sale whose invoice an adjusting invoice adjusts. */
  saleId: string;
  /** An adjusting invoice's return. */
  returnId?: string;
  /** An adjusting invoice: the code of the invoice it adjusts. */
  originalCode?: string;
  storeId: string;
  registerId: string;
  /** The sale's (or the return's) day on the store's calendar (yyyy-mm-dd). */
  businessDate: string;
  /** The tax-authority code, symbol and total; absent while `blocked`. */
  code?: string;
  symbol?: string;
  total?: Minor;
  status: EInvoiceStatus;
  /** Tries at the provider since it was queued (or resent). */
  attempts: number;
  maxAttempts: number;
  /** When its batch goes. */
  dueAt: string;
  nextAttemptAt?: string;
  sentAt?: string;
  acceptedAt?: string;
  providerId?: string;
  reason?: string;
  /** Buyer data a manager entered after the sale (written into `NMua`); absent when none. */
  buyer?: EInvoiceBuyer;
  createdAt: string;
  updatedAt: string;
}
