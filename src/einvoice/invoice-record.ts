/**
 * The e-invoice record of a completed sale: what a cash-register VAT invoice says, built on the
 * register (offline too) from the sale's own priced cart, never re-priced. Lines, the totals per
 * rate and the invoice's totals are the sale's, so they add up to it to the đồng. The XML
 * (invoice-xml.ts) is written from this record. docs/INVOICES.md.
 */
import type { StoreSettingsDoc, TaxKind } from '../documents/store-settings';
import type { SaleDoc } from '../documents/sale';
import { minor, sum } from '../money';
import type { Minor } from '../money';
import type { PricedLine } from '../documents/parts/cart';
import { businessDate, storeTimeZone } from '../store-clock';
import { taxCategoryLabel, taxKindOf, taxOfAmount } from '../tax';
import { EInvoiceError } from './einvoice-error';
import type { InvoiceForm } from './invoice-code';
import { checkBuyer, checkSeller } from './invoice-parties';
import type { EInvoiceBuyer, EInvoiceSeller } from './invoice-parties';
import { formatInvoiceSymbol } from './invoice-symbol';
import { issuedInvoiceCode } from './sale-invoice-code';
import { isGiftCardLine } from '../stored-value/gift-card-line';
import { vietnameseDongWords } from './vietnamese-words';

/** How the format writes a line's VAT: the rate ("8%"), or KCT / KKKNT for the categories without one. */
export interface EInvoiceRate {
  kind: TaxKind;
  rateBp: number;
  /** `TSuat`: "0%", "5%", "8%", "10%", "KCT" or "KKKNT". */
  label: string;
}

export interface EInvoiceLine {
  /** 1-based, in the sale's line order. */
  position: number;
  sku: string;
  name: string;
  unit: string;
  /** Pieces, or kilograms for a weighed line ("0.75"), as decimal text. */
  quantity: string;
  /** Price per piece or per kilogram before VAT, rounded to the đồng; `amount` is exact. */
  unitPrice: Minor;
  /** The line's amount before VAT, after every discount. */
  amount: Minor;
  rate: EInvoiceRate;
  tax: Minor;
  /** amount + tax: what the buyer pays for the line. */
  total: Minor;
}

/** One row of `THTTLTSuat`: the lines at one rate label, summed. */
export interface EInvoiceRateTotal {
  rate: EInvoiceRate;
  /** The store's categories on this row (two categories at 10 % share one row). */
  taxRateIds: string[];
  amount: Minor;
  tax: Minor;
  total: Minor;
}

/**
 * The invoice an adjusting invoice adjusts (`TTHDLQuan`): its template, symbol, number and day
 * of issue as the original carries them, and its code for the manager's list.
 */
export interface RelatedInvoice {
  /** `TCHDon`: 1 replacing, 2 adjusting. Omnitill issues adjusting invoices only (returns). */
  relation: 1 | 2;
  form: InvoiceForm;
  symbol: string;
  number: string;
  issueDate: string;
  code: string;
  /** `GChu`: why, in words on the invoice. */
  note: string;
}

export interface EInvoiceRecord {
  /** `sale`: a sale's invoice; `adjusting`: decreases an earlier one (a return, adjusting-invoice.ts). */
  kind: 'sale' | 'adjusting';
  /** The sale invoiced, or for an adjusting invoice the sale whose invoice it adjusts. */
  saleId: string;
  /** The return an adjusting invoice is issued for. */
  returnId?: string;
  storeId: string;
  registerId: string;
  /** 1: VAT invoice. This slice builds VAT invoices only (docs/INVOICES.md). */
  form: InvoiceForm;
  /** `C27MAA`. */
  symbol: string;
  /** The 11 register-generated digits of the code, also the invoice's number. */
  number: string;
  /** `M1-27-AB12C-00100000042`. */
  code: string;
  /** ISO 8601 instant of issue, and its day on the store's calendar. */
  issuedAt: string;
  issueDate: string;
  currency: 'VND';
  seller: EInvoiceSeller;
  buyer?: EInvoiceBuyer;
  lines: EInvoiceLine[];
  ratesTotals: EInvoiceRateTotal[];
  totals: { amount: Minor; tax: Minor; total: Minor };
  amountInWords: string;
  /** Only on an adjusting invoice: the invoice it adjusts. */
  related?: RelatedInvoice;
}

export interface EInvoiceIssue {
  sale: SaleDoc;
  settings: Pick<StoreSettingsDoc, 'tax' | 'timeZone'>;
  seller: EInvoiceSeller;
  /** The 5 characters the tax authority issued to the seller. */
  sellerBlock: string;
  /** The two letters of the seller's symbol (`AA` in C27MAA). */
  series: string;
  /** This register's number among the seller's registers (1-999). */
  registerNumber: number;
  /** The next number of the register's gapless counter, taken for this invoice. */
  sequence: number;
  issuedAt: string;
  buyer?: EInvoiceBuyer;
  /** Unit names by product id ("hộp", "chai"); pieces default to "cái", weighed lines are "kg". */
  unitNames?: Readonly<Record<string, string>>;
}

/** `TSuat`: a rate as on receipts ("8%", point decimals), the other kinds by their code. */
export function rateLabel(kind: TaxKind, rateBp: number): string {
  if (kind === 'not-subject') return 'KCT';
  if (kind === 'not-declared') return 'KKKNT';
  return taxCategoryLabel('rate', rateBp, 'en-US');
}

/** Grams as kilograms in decimal text: 750 → "0.75", 2000 → "2". */
export function kilograms(grams: number): string {
  const fraction = String(grams % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const whole = String(Math.floor(grams / 1000));
  return fraction ? `${whole}.${fraction}` : whole;
}

function checkSale(sale: SaleDoc): void {
  const refuse = (message: string): never => {
    throw new EInvoiceError('not-invoiceable', message);
  };
  if (sale.status !== 'completed') {
    refuse(`Sale ${sale.id} was voided; a voided sale gets no invoice and no number.`);
  }
  if (sale.currency !== 'VND' || sale.priced.currency !== 'VND') {
    refuse(`Sale ${sale.id} is in ${sale.currency}; e-invoices are built for sales in VND only.`);
  }
  if (sale.priced.lines.length === 0) refuse(`Sale ${sale.id} has no lines to invoice.`);
  if (invoicedLines(sale).length === 0) {
    refuse(
      `Sale ${sale.id} only sells gift cards; a gift card is no supply of goods, the invoice is issued when goods are bought with it.`,
    );
  }
}

/**
 * The priced lines an invoice lists: every line but a gift card's (a payment instrument sold,
 * not goods: VAT is invoiced when the card buys goods, docs/INVOICES.md).
 */
function invoicedLines(sale: SaleDoc): PricedLine[] {
  const giftCards = new Set(sale.cart.lines.filter(isGiftCardLine).map((line) => line.lineId));
  return sale.priced.lines.filter((line) => !giftCards.has(line.lineId));
}

function checkIssueTime(sale: SaleDoc, issuedAt: string): void {
  const at = Date.parse(issuedAt);
  if (Number.isNaN(at)) {
    throw new EInvoiceError(
      'not-invoiceable',
      `The time of issue "${issuedAt}" is not an ISO 8601 instant; pass the register clock's time.`,
    );
  }
  if (at < Date.parse(sale.completedAt)) {
    throw new EInvoiceError(
      'not-invoiceable',
      `The invoice would be issued at ${issuedAt}, before sale ${sale.id} completed (${sale.completedAt}); issue it at or after the sale.`,
    );
  }
}

export function buildEInvoiceRecord(issue: EInvoiceIssue): EInvoiceRecord {
  const { sale } = issue;
  checkSale(sale);
  checkIssueTime(sale, issue.issuedAt);
  const seller = checkSeller(issue.seller);
  const buyer = checkBuyer(issue.buyer);
  const issueDate = businessDate(issue.issuedAt, storeTimeZone(issue.settings));
  const year = Number(issueDate.slice(0, 4));
  const code = issuedInvoiceCode({
    issuedAt: issue.issuedAt,
    settings: issue.settings,
    sellerBlock: issue.sellerBlock,
    registerNumber: issue.registerNumber,
    sequence: issue.sequence,
  });
  const kinds = new Map(issue.settings.tax.rates.map((rate) => [rate.id, taxKindOf(rate)]));
  const rateOf = (taxRateId: string, rateBp: number): EInvoiceRate => {
    const kind = kinds.get(taxRateId);
    if (!kind) {
      throw new EInvoiceError(
        'unknown-tax-category',
        `Sale ${sale.id} is taxed in category "${taxRateId}", which the store settings no longer have; add the category back (its kind decides KCT or KKKNT) before invoicing.`,
      );
    }
    return { kind, rateBp, label: rateLabel(kind, rateBp) };
  };

  const inputs = new Map(sale.cart.lines.map((line) => [line.lineId, line]));
  const mode = issue.settings.tax.roundingMode;
  const lines = invoicedLines(sale).map((priced: PricedLine, index): EInvoiceLine => {
    const input = inputs.get(priced.lineId);
    if (!input) {
      throw new EInvoiceError(
        'not-invoiceable',
        `Sale ${sale.id} has a priced line ${priced.lineId} missing from its cart; the sale document is damaged.`,
      );
    }
    const weighed = input.pricing === 'weight';
    // The price before VAT of one piece or kilogram, split by the same rule as the amounts.
    const unitPrice = taxOfAmount(
      priced.unitPrice,
      priced.rateBp,
      sale.priced.pricesIncludeTax,
      mode,
    ).taxable;
    return {
      position: index + 1,
      sku: input.sku,
      name: input.name,
      unit: weighed ? 'kg' : (issue.unitNames?.[input.productId] ?? 'cái'),
      quantity: weighed ? kilograms(input.grams ?? 0) : String(input.quantity),
      unitPrice,
      amount: priced.taxable,
      rate: rateOf(priced.taxRateId, priced.rateBp),
      tax: priced.tax,
      total: priced.total,
    };
  });

  const ratesTotals: EInvoiceRateTotal[] = [];
  for (const entry of sale.priced.taxBreakdown) {
    const rate = rateOf(entry.taxRateId, entry.rateBp);
    const row = ratesTotals.find((candidate) => candidate.rate.label === rate.label);
    if (row) {
      row.taxRateIds.push(entry.taxRateId);
      row.amount = minor(row.amount + entry.taxable);
      row.tax = minor(row.tax + entry.tax);
      row.total = minor(row.total + entry.total);
    } else {
      ratesTotals.push({
        rate,
        taxRateIds: [entry.taxRateId],
        amount: entry.taxable,
        tax: entry.tax,
        total: entry.total,
      });
    }
  }

  // Gift card lines carry no taxable amount or tax; their value leaves the total.
  const totals = {
    amount: sale.priced.totals.taxable,
    tax: sale.priced.totals.tax,
    total: sum(invoicedLines(sale).map((line) => line.total)),
  };
  checkInvoiceTotals(`Sale ${sale.id}`, totals, lines, ratesTotals);
  return {
    kind: 'sale',
    saleId: sale.id,
    storeId: sale.storeId,
    registerId: sale.registerId,
    form: 1,
    symbol: formatInvoiceSymbol(year, issue.series),
    number: code.slice(-11),
    code,
    issuedAt: issue.issuedAt,
    issueDate,
    currency: 'VND',
    seller,
    ...(buyer ? { buyer } : {}),
    lines,
    ratesTotals,
    totals,
    amountInWords: vietnameseDongWords(totals.total),
  };
}

type Amounts = { amount: Minor; tax: Minor; total: Minor };

/** The lines and the rows per rate must each add up to the document's totals; else it is damaged. */
export function checkInvoiceTotals(
  documentName: string,
  totals: Amounts,
  lines: readonly Amounts[],
  rows: readonly Amounts[],
): void {
  for (const [what, parts] of [
    ['lines', lines],
    ['totals per rate', rows],
  ] as const) {
    for (const key of ['amount', 'tax', 'total'] as const) {
      const added = sum(parts.map((part) => part[key]));
      if (added !== totals[key]) {
        throw new EInvoiceError(
          'totals-mismatch',
          `${documentName}: its ${what} add up to ${added} ${key}, the document says ${totals[key]}; it is inconsistent, re-verify it on the server before invoicing.`,
        );
      }
    }
  }
}
