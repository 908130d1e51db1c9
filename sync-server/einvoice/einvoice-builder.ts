/**
 * A sale's invoice as the server builds it, with src/einvoice's record and XML builders (the one
 * place the invoice is made): the code's 11 digits are the register's number (configured) and
 * the sale's receipt sequence (`receiptSeq`, the register's gapless counter, unique per register
 * on the server), issued at the sale's completion time, so the register, printing the same code
 * offline, and the server agree. What cannot be built says which setting to fix.
 */
import type { SaleDoc, StoreSettingsDoc } from '../../src/documents';
import { buildEInvoiceRecord, EInvoiceError, invoiceXml } from '../../src/einvoice';
import type { EInvoiceBuyer, EInvoiceIssue, EInvoiceRecord } from '../../src/einvoice';
import { businessDate, storeTimeZone } from '../../src/store-clock';
import type { StoreInvoicing } from './einvoice-config';
import type { BuiltInvoice } from './einvoice-queue-state';

export type InvoiceSettings = Pick<StoreSettingsDoc, 'tax' | 'timeZone'>;

/** The sale's day on the store's calendar: the day its invoice belongs to. */
export function saleBusinessDate(sale: SaleDoc, settings: InvoiceSettings | undefined): string {
  return businessDate(sale.completedAt, storeTimeZone(settings));
}

/** The inputs of a sale's invoice, or what to fix first; also the original of an adjusting one. */
export function saleIssue(
  sale: SaleDoc,
  settings: InvoiceSettings | undefined,
  invoicing: StoreInvoicing,
  /** Buyer data a manager entered after the sale (einvoice-buyer.ts), written into `NMua`. */
  buyer?: EInvoiceBuyer,
): EInvoiceIssue | { problem: string } {
  if (!settings) {
    return { problem: `Store ${sale.storeId} has no settings on the server; import them.` };
  }
  const registerNumber = invoicing.registers[sale.registerId];
  if (registerNumber === undefined) {
    return {
      problem: `Register ${sale.registerId} has no e-invoice register number; add it under stores.${sale.storeId}.registers in the e-invoice configuration, then resend.`,
    };
  }
  if (sale.receiptSeq === undefined) {
    return {
      problem: `Sale ${sale.id} has no receipt number (a register from before receipt numbers); its invoice needs the register's sequence. Update the register.`,
    };
  }
  return {
    sale,
    settings,
    seller: invoicing.seller,
    sellerBlock: invoicing.sellerBlock,
    series: invoicing.series,
    registerNumber,
    sequence: sale.receiptSeq,
    issuedAt: sale.completedAt,
    ...(buyer ? { buyer } : {}),
  };
}

/** The record as stored and sent, or the builder's refusal as what to fix. */
export function builtFrom(build: () => EInvoiceRecord): BuiltInvoice {
  try {
    const record = build();
    return {
      xml: invoiceXml(record),
      code: record.code,
      symbol: record.symbol,
      total: record.totals.total,
      ...(record.related ? { originalCode: record.related.code } : {}),
    };
  } catch (error) {
    if (error instanceof EInvoiceError) return { problem: error.message };
    throw error;
  }
}

export function buildInvoice(
  sale: SaleDoc,
  settings: InvoiceSettings | undefined,
  invoicing: StoreInvoicing,
  buyer?: EInvoiceBuyer,
): BuiltInvoice {
  const issue = saleIssue(sale, settings, invoicing, buyer);
  if ('problem' in issue) return issue;
  return builtFrom(() => buildEInvoiceRecord(issue));
}
