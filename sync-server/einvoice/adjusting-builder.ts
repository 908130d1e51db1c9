/**
 * A return's adjusting invoice as the server builds it (src/einvoice's
 * `buildAdjustingInvoiceRecord`, the one place it is made), from the return and the sale it
 * undoes, whose invoice is rebuilt with the same inputs as the sale's own (einvoice-builder.ts).
 *
 * Its code: returns carry no gapless number of their register (their ids are time-ordered), so
 * the adjusting invoices of a store take the number configured as `adjustmentsNumber` (never a
 * register's: the configuration refuses it) and the server's gapless sequence for it
 * (einvoice-ledger.ts `adjustmentSequence`), taken only once the invoice is known to build. A
 * sale's code and an adjusting code can then never be the same. docs/INVOICES.md.
 */
import type { ReturnDoc, SaleDoc } from '../../src/documents';
import { buildAdjustingInvoiceRecord } from '../../src/einvoice';
import type { AdjustingInvoiceIssue, EInvoiceIssue } from '../../src/einvoice';
import { builtFrom, saleBusinessDate, saleIssue } from './einvoice-builder';
import type { InvoiceSettings } from './einvoice-builder';
import type { StoreInvoicing } from './einvoice-config';
import { invoiceId } from './einvoice-ledger';
import type { BuiltInvoice } from './einvoice-queue-state';

/** What a return gets: no invoice (nothing invoiced to adjust), or its entry's content. */
export type AdjustingOutcome =
  | { kind: 'none'; why: string }
  | { kind: 'entry'; saleId: string; originalId?: string; built: BuiltInvoice };

export interface AdjustingSources {
  ret: ReturnDoc;
  /** The sale the return names, as the server holds it. */
  sale: SaleDoc | undefined;
  /** The store's settings at the sale's time (its tax categories then). */
  saleSettings: InvoiceSettings | undefined;
  invoicing: StoreInvoicing;
  /** Takes (or finds again) the return's number of the sequence named by `key`. */
  takeSequence: (key: string, returnId: string) => Promise<number>;
}

const none = (why: string): AdjustingOutcome => ({ kind: 'none', why });

export async function buildAdjustingInvoice(sources: AdjustingSources): Promise<AdjustingOutcome> {
  const { ret, sale, invoicing } = sources;
  if (!ret.original) return none(`Return ${ret.id} has no receipt: no invoice to adjust.`);
  if (ret.original.channel !== 'store') {
    return none(`Return ${ret.id} is of a ${ret.original.channel} order, not a till sale.`);
  }
  const saleId = ret.original.documentId;
  const blocked = (problem: string, originalId?: string): AdjustingOutcome => ({
    kind: 'entry',
    saleId,
    ...(originalId ? { originalId } : {}),
    built: { problem },
  });
  const saleStore = ret.original.storeId ?? ret.storeId;
  if (saleStore !== ret.storeId) {
    return blocked(
      `Return ${ret.id} is of a sale of store ${saleStore}; adjusting another store's invoice is not built yet: issue it from the provider's portal.`,
    );
  }
  if (!sale) {
    return blocked(`Sale ${saleId} is not on the server; resend once the register has synced it.`);
  }
  if (sale.status !== 'completed') return none(`Sale ${sale.id} was voided: it has no invoice.`);
  const saleDay = saleBusinessDate(sale, sources.saleSettings);
  if (saleDay < invoicing.from) {
    return none(`Sale ${sale.id} is of ${saleDay}, before the first day of e-invoices.`);
  }
  const originalId = invoiceId(sale.storeId, saleDay, sale.id);
  const original: EInvoiceIssue | { problem: string } = saleIssue(
    sale,
    sources.saleSettings,
    invoicing,
  );
  if ('problem' in original) {
    return blocked(
      `The invoice of sale ${sale.id} cannot be built: ${original.problem}`,
      originalId,
    );
  }
  const number = invoicing.adjustmentsNumber;
  if (number === undefined) {
    return blocked(
      `Store ${ret.storeId} has no number for adjusting invoices; set stores.${ret.storeId}.adjustmentsNumber in the e-invoice configuration (1-999, no register's), then resend.`,
      originalId,
    );
  }
  const issue = (sequence: number): AdjustingInvoiceIssue => ({
    ret,
    original,
    registerNumber: number,
    sequence,
    issuedAt: ret.completedAt,
  });
  // Built once with a stand-in number first: a return that cannot be invoiced takes no number.
  const trial = builtFrom(() => buildAdjustingInvoiceRecord(issue(1)));
  if ('problem' in trial) return { kind: 'entry', saleId, originalId, built: trial };
  const key = `${invoicing.seller.taxCode}|${invoicing.sellerBlock}|${String(number).padStart(3, '0')}`;
  const sequence = await sources.takeSequence(key, ret.id);
  return {
    kind: 'entry',
    saleId,
    originalId,
    built: builtFrom(() => buildAdjustingInvoiceRecord(issue(sequence))),
  };
}
