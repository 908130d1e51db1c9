/**
 * The adjusting invoice ("hóa đơn điều chỉnh giảm") of a return: when a consumer brings goods
 * back, the seller does not edit or cancel the sale's invoice, it issues a new invoice that
 * references it (`TTHDLQuan`, `TCHDon` 2) and carries the returned lines with decreasing
 * (negative) amounts. docs/INVOICES.md, "Returns and exchanges", gives the sources and what is
 * verified.
 *
 * Built from the return document and the original sale's invoice issue (the sale and the inputs
 * its invoice was built with), so the reference is the original's own symbol, number and day by
 * the same function that built it. Each returned line is taxed by the rate the sale charged: the
 * return refunds what was charged (src/returns plans the refund and its VAT pro rata to each
 * sold line). Lines, rows per rate and totals add up, to the đồng, to minus the return's refund.
 * Pure, no I/O.
 */
import type { ReturnDoc, ReturnLine } from '../documents/return';
import { minor } from '../money';
import type { Minor } from '../money';
import { businessDate, storeTimeZone } from '../store-clock';
import { EInvoiceError } from './einvoice-error';
import { buildEInvoiceRecord, checkInvoiceTotals, kilograms } from './invoice-record';
import type {
  EInvoiceIssue,
  EInvoiceLine,
  EInvoiceRateTotal,
  EInvoiceRecord,
} from './invoice-record';
import { formatInvoiceSymbol } from './invoice-symbol';
import { issuedInvoiceCode } from './sale-invoice-code';
import { signedDongWords } from './vietnamese-words';
import { isGiftCardLine } from '../stored-value/gift-card-line';

export interface AdjustingInvoiceIssue {
  ret: ReturnDoc;
  /** How the original sale's invoice was (or would be) issued: the same inputs, rebuilt. */
  original: EInvoiceIssue;
  /** The number whose codes adjusting invoices take (docs/INVOICES.md: never a register's). */
  registerNumber: number;
  /** The next number of that number's gapless sequence, taken for this invoice. */
  sequence: number;
  issuedAt: string;
}

const refuse = (message: string): never => {
  throw new EInvoiceError('not-invoiceable', message);
};

function checkReturn(ret: ReturnDoc, saleId: string, issuedAt: string): void {
  if (!ret.original) {
    refuse(`Return ${ret.id} has no receipt: there is no invoice to adjust.`);
  }
  if (ret.original?.channel !== 'store' || ret.original.documentId !== saleId) {
    refuse(
      `Return ${ret.id} undoes ${ret.original?.documentId ?? 'nothing'}, not sale ${saleId}; build its adjusting invoice from the sale it names.`,
    );
  }
  if (ret.currency !== 'VND') {
    refuse(`Return ${ret.id} is in ${ret.currency}; e-invoices are built in VND only.`);
  }
  const at = Date.parse(issuedAt);
  if (Number.isNaN(at) || at < Date.parse(ret.completedAt)) {
    refuse(
      `The adjusting invoice would be issued at "${issuedAt}", not an instant at or after return ${ret.id} completed (${ret.completedAt}).`,
    );
  }
  if (minor(ret.totals.taxable + ret.totals.tax) !== ret.totals.refund) {
    throw new EInvoiceError(
      'totals-mismatch',
      `Return ${ret.id}: ${ret.totals.taxable} before VAT and ${ret.totals.tax} VAT are not its refund ${ret.totals.refund}; re-verify it on the server.`,
    );
  }
}

/** The sold line a returned line comes from, and that line on the original invoice. */
function soldLine(
  ret: ReturnDoc,
  line: ReturnLine,
  issue: EInvoiceIssue,
  original: EInvoiceRecord,
): { invoiced: EInvoiceLine; weighed: boolean } {
  const { sale } = issue;
  // The invoice lists every line but the gift cards' (invoice-record.ts), in the sale's order.
  const giftCards = new Set(sale.cart.lines.filter(isGiftCardLine).map((sold) => sold.lineId));
  const listed = sale.priced.lines.filter((priced) => !giftCards.has(priced.lineId));
  const index = listed.findIndex((priced) => priced.lineId === line.originalLineId);
  const priced = listed[index];
  const invoiced = original.lines[index];
  const input = sale.cart.lines.find((candidate) => candidate.lineId === line.originalLineId);
  if (!priced || !invoiced || !input) {
    return refuse(
      `Return ${ret.id} returns line ${line.originalLineId ?? '(none)'}, which sale ${sale.id} does not have; the return document is damaged.`,
    );
  }
  if (priced.taxRateId !== line.taxRateId || priced.rateBp !== line.rateBp) {
    refuse(
      `Return ${ret.id} refunds ${line.sku} at ${line.taxRateId} ${line.rateBp / 100}%, but sale ${sale.id} charged ${priced.taxRateId} ${priced.rateBp / 100}%; a return refunds the VAT the sale charged.`,
    );
  }
  return { invoiced, weighed: input.pricing === 'weight' };
}

/** Minus an amount; `0 - amount` so a zero stays 0, not -0. */
const negate = (amount: Minor): Minor => minor(0 - amount);

export function buildAdjustingInvoiceRecord(issue: AdjustingInvoiceIssue): EInvoiceRecord {
  const { ret } = issue;
  const { sale } = issue.original;
  // The original's invoice, as built for the sale: refuses a voided sale (it has no invoice).
  const original = buildEInvoiceRecord(issue.original);
  checkReturn(ret, sale.id, issue.issuedAt);

  const lines = ret.lines.map((line, index): EInvoiceLine => {
    const { invoiced, weighed } = soldLine(ret, line, issue.original, original);
    return {
      position: index + 1,
      sku: line.sku,
      name: line.name,
      unit: invoiced.unit,
      quantity: weighed ? kilograms(line.quantity) : String(line.quantity),
      unitPrice: invoiced.unitPrice,
      amount: negate(minor(line.refund - line.tax)),
      rate: invoiced.rate,
      tax: negate(line.tax),
      total: negate(line.refund),
    };
  });

  const ratesTotals: EInvoiceRateTotal[] = [];
  for (const entry of ret.taxBreakdown) {
    const originalRow = original.ratesTotals.find(
      (row) => row.taxRateIds.includes(entry.taxRateId) && row.rate.rateBp === entry.rateBp,
    );
    if (!originalRow) {
      return refuse(
        `Return ${ret.id} refunds VAT in ${entry.taxRateId} at ${entry.rateBp / 100}%, which sale ${sale.id} did not charge; the return document is damaged.`,
      );
    }
    const row = ratesTotals.find((candidate) => candidate.rate.label === originalRow.rate.label);
    if (row) {
      row.taxRateIds.push(entry.taxRateId);
      row.amount = minor(row.amount - entry.taxable);
      row.tax = minor(row.tax - entry.tax);
      row.total = minor(row.total - entry.total);
    } else {
      ratesTotals.push({
        rate: originalRow.rate,
        taxRateIds: [entry.taxRateId],
        amount: negate(entry.taxable),
        tax: negate(entry.tax),
        total: negate(entry.total),
      });
    }
  }
  for (const row of ratesTotals) {
    const sold = original.ratesTotals.find((candidate) => candidate.rate.label === row.rate.label);
    if (sold && (row.amount + sold.amount < 0 || row.tax + sold.tax < 0)) {
      refuse(
        `Return ${ret.id} takes back ${negate(row.amount)} before VAT and ${negate(row.tax)} VAT at ${row.rate.label}, more than sale ${sale.id} invoiced (${sold.amount} and ${sold.tax}).`,
      );
    }
  }

  const totals = {
    amount: negate(ret.totals.taxable),
    tax: negate(ret.totals.tax),
    total: negate(ret.totals.refund),
  };
  checkInvoiceTotals(`Return ${ret.id}`, totals, lines, ratesTotals);

  const settings = issue.original.settings;
  const issueDate = businessDate(issue.issuedAt, storeTimeZone(settings));
  const code = issuedInvoiceCode({
    issuedAt: issue.issuedAt,
    settings,
    sellerBlock: issue.original.sellerBlock,
    registerNumber: issue.registerNumber,
    sequence: issue.sequence,
  });
  return {
    kind: 'adjusting',
    saleId: sale.id,
    returnId: ret.id,
    storeId: ret.storeId,
    registerId: ret.registerId,
    form: original.form,
    symbol: formatInvoiceSymbol(Number(issueDate.slice(0, 4)), issue.original.series),
    number: code.slice(-11),
    code,
    issuedAt: issue.issuedAt,
    issueDate,
    currency: 'VND',
    seller: original.seller,
    ...(original.buyer ? { buyer: original.buyer } : {}),
    lines,
    ratesTotals,
    totals,
    amountInWords: signedDongWords(totals.total),
    related: {
      relation: 2,
      form: original.form,
      symbol: original.symbol,
      number: original.number,
      issueDate: original.issueDate,
      code: original.code,
      note: `Điều chỉnh giảm do trả lại hàng hóa (phiếu trả ${ret.id}) của hóa đơn ${original.code}`,
    },
  };
}
