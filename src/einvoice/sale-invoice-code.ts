/**
 * A sale's e-invoice code, the one rule for register and server: form 1, the year of issue on
 * the store's calendar, the seller's block, the register's number and the sale's receipt
 * sequence (`receiptSeq`, the register's gapless counter). The register prints it offline from
 * its store settings (`einvoice`); the sync-server's invoice is built with the same function
 * (invoice-record.ts), issued at the sale's completion, so both make the same code.
 */
import type { SaleDoc } from '../documents/sale';
import type { StoreSettingsDoc } from '../documents/store-settings';
import { businessDate, storeTimeZone } from '../store-clock';
import { formatInvoiceCode } from './invoice-code';

export interface InvoiceCodeInput {
  issuedAt: string;
  settings: Pick<StoreSettingsDoc, 'timeZone'>;
  sellerBlock: string;
  registerNumber: number;
  sequence: number;
}

/** The code of an invoice issued at `issuedAt`; throws EInvoiceError on a bad block or number. */
export function issuedInvoiceCode(input: InvoiceCodeInput): string {
  const issueDate = businessDate(input.issuedAt, storeTimeZone(input.settings));
  return formatInvoiceCode({
    form: 1,
    year: Number(issueDate.slice(0, 4)),
    sellerBlock: input.sellerBlock,
    registerNumber: input.registerNumber,
    sequence: input.sequence,
  });
}

export interface SaleInvoiceCode {
  code: string;
  /** The store's lookup address with the code put in, when the store gives one. */
  lookupUrl?: string;
}

/**
 * The code a receipt prints for `sale`, or null when the sale gets no invoice: the store issues
 * none, the register has no number, the sale is voided, has no receipt sequence, or is from a
 * day before the store's first day of e-invoices. Issued at the sale's completion, as the server.
 */
export function saleInvoiceCode(
  sale: SaleDoc,
  settings: Pick<StoreSettingsDoc, 'timeZone' | 'einvoice'> | null | undefined,
): SaleInvoiceCode | null {
  const invoicing = settings?.einvoice;
  if (!invoicing || sale.status !== 'completed' || sale.receiptSeq === undefined) return null;
  const register = invoicing.registers.find((entry) => entry.registerId === sale.registerId);
  if (!register) return null;
  if (businessDate(sale.completedAt, storeTimeZone(settings)) < invoicing.from) return null;
  const code = issuedInvoiceCode({
    issuedAt: sale.completedAt,
    settings,
    sellerBlock: invoicing.sellerBlock,
    registerNumber: register.number,
    sequence: sale.receiptSeq,
  });
  return invoicing.lookupUrl
    ? { code, lookupUrl: invoicing.lookupUrl.replaceAll('{code}', encodeURIComponent(code)) }
    : { code };
}
