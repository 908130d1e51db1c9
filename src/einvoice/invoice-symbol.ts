/**
 * The template number and symbol of a cash-register invoice. The template ("ký hiệu mẫu số") is
 * one digit, the invoice form: 1 a VAT invoice, 2 a sales invoice. The symbol ("ký hiệu hóa
 * đơn") is six characters: `C` (an invoice with a tax-authority code), the year of issue in two
 * digits, `M` (generated from a cash register), then two capital letters the seller chooses.
 * Printed together: `1C27MAA`. docs/INVOICES.md gives the sources.
 *
 * The store keeps only the two letters it chose (its series); the year comes from the time of
 * issue, so a register offline over New Year's Eve writes the new year's symbol by itself.
 */
import { EInvoiceError } from './einvoice-error';
import type { InvoiceForm } from './invoice-code';

export interface InvoiceSymbol {
  form: InvoiceForm;
  year: number;
  /** The two characters the seller chose and registered (e.g. "AA"). */
  series: string;
}

const SERIES = /^[A-Z]{2}$/;
const SYMBOL = /^([12])?C(\d{2})M([A-Z]{2})$/;

/** What is wrong with the two series letters as typed in the settings, or null. */
export function invoiceSeriesProblem(series: string): string | null {
  return SERIES.test(series)
    ? null
    : `The invoice series "${series}" must be two capital letters (A-Z), as registered with the tax authority (e.g. AA).`;
}

/** The six-character symbol, e.g. `C27MAA`. */
export function formatInvoiceSymbol(year: number, series: string): string {
  const problem = invoiceSeriesProblem(series);
  if (problem) throw new EInvoiceError('invalid-symbol', problem);
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2099) {
    throw new EInvoiceError(
      'invalid-symbol',
      `Year ${year} cannot be written in two digits; give the four-digit year of issue (2000-2099).`,
    );
  }
  return `C${String(year % 100).padStart(2, '0')}M${series}`;
}

/** Template and symbol as printed together: `1C27MAA`. */
export function formatTemplateAndSymbol(symbol: InvoiceSymbol): string {
  return `${symbol.form}${formatInvoiceSymbol(symbol.year, symbol.series)}`;
}

/**
 * Reads `1C27MAA` (template and symbol) or `C27MAA` (symbol alone, form 1 assumed unless given).
 * Symbols of invoices not generated from a cash register (a 4th character other than M) are
 * refused, as are symbols without a tax-authority code (K).
 */
export function parseInvoiceSymbol(text: string, form: InvoiceForm = 1): InvoiceSymbol {
  const match = SYMBOL.exec(text.trim());
  if (!match) {
    throw new EInvoiceError(
      'invalid-symbol',
      `"${text}" is not a cash-register invoice symbol; it reads C, the year's two digits, M and two capital letters (C27MAA), optionally after the template number 1 or 2 (1C27MAA).`,
    );
  }
  const [, template, yy = '', series = ''] = match;
  return {
    form: template ? (Number(template) as InvoiceForm) : form,
    year: 2000 + Number(yy),
    series,
  };
}
