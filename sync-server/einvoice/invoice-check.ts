/**
 * What a provider checks in an invoice it receives, as the local provider does it: the XML reads,
 * the required elements are there, amounts are whole đồng, each rate's row is the sum of its
 * lines, the invoice's totals the sum of the rows, the code reads as a cash-register code (with
 * src/einvoice's own parser) and agrees with the template, symbol and number. An adjusting invoice
 * (`TTChung` > `TTHDLQuan`, `TCHDon` 2) must name the invoice it adjusts in full, and may write
 * its decreases as negative amounts. Unique codes and what an adjusted invoice has left are the
 * provider's memory, not this check's (local-provider.ts). Each refusal says what to fix.
 */
import {
  EInvoiceError,
  parseInvoiceCode,
  parseInvoiceSymbol,
  signedDongWords,
} from '../../src/einvoice';
import type { InvoiceCode } from '../../src/einvoice';
import { childOf, childrenOf, readXml, XmlReadError } from './xml-reader';
import type { XmlElement } from './xml-reader';

/** What an invoice amounts to per rate label (`TSuat`), as its rows say. */
export type RateAmounts = Map<string, { amount: number; tax: number }>;

/** The invoice an adjusting or replacing invoice names (`TTHDLQuan`). */
export interface RelatedReference {
  relation: 1 | 2;
  form: string;
  symbol: string;
  number: string;
  issueDate: string;
}

export interface CheckedInvoice {
  ok: true;
  code: string;
  form: string;
  symbol: string;
  number: string;
  issueDate: string;
  rates: RateAmounts;
  related?: RelatedReference;
}

export type InvoiceCheck = CheckedInvoice | { ok: false; reason: string };

class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

function need(parent: XmlElement, name: string, path: string): XmlElement {
  return childOf(parent, name) ?? refuse(`${path} has no ${name}; the format requires it.`);
}

function textOf(parent: XmlElement, name: string, path: string): string {
  const value = need(parent, name, path).text.trim();
  if (value === '') refuse(`${path}/${name} is empty; the format requires a value.`);
  return value;
}

/** Whole đồng: digits only, no separator or decimals; a minus sign only on an adjusting invoice. */
function amountOf(parent: XmlElement, name: string, path: string, signed: boolean): number {
  const value = textOf(parent, name, path);
  if (!(signed ? /^-?\d{1,15}$/ : /^\d{1,15}$/).test(value)) {
    refuse(
      `${path}/${name} is "${value}"; amounts are whole đồng in digits, without separators${signed ? '' : ', and not negative outside an adjusting invoice'}.`,
    );
  }
  return Number(value);
}

interface RateSum {
  amount: number;
  tax: number;
}

function checkGoods(content: XmlElement, signed: boolean): Map<string, RateSum> {
  const goods = need(content, 'DSHHDVu', 'NDHDon');
  const lines = childrenOf(goods, 'HHDVu');
  if (lines.length === 0) refuse('DSHHDVu has no HHDVu; an invoice sells at least one line.');
  const byRate = new Map<string, RateSum>();
  lines.forEach((line, index) => {
    const path = `HHDVu ${index + 1}`;
    textOf(line, 'THHDVu', path);
    const rate = textOf(line, 'TSuat', path);
    const sum = byRate.get(rate) ?? { amount: 0, tax: 0 };
    sum.amount += amountOf(line, 'ThTien', path, signed);
    sum.tax += amountOf(line, 'TThue', path, signed);
    byRate.set(rate, sum);
  });
  return byRate;
}

function checkTotals(payment: XmlElement, lines: Map<string, RateSum>, signed: boolean): number {
  const rows = childrenOf(need(payment, 'THTTLTSuat', 'TToan'), 'LTSuat');
  const seen = new Set<string>();
  let amount = 0;
  let tax = 0;
  for (const row of rows) {
    const rate = textOf(row, 'TSuat', 'LTSuat');
    if (seen.has(rate)) refuse(`THTTLTSuat lists rate ${rate} twice; give one row per rate.`);
    seen.add(rate);
    const rowAmount = amountOf(row, 'ThTien', `LTSuat ${rate}`, signed);
    const rowTax = amountOf(row, 'TThue', `LTSuat ${rate}`, signed);
    const fromLines = lines.get(rate);
    if (!fromLines) refuse(`LTSuat ${rate} has no line at that rate; remove the row.`);
    if (fromLines.amount !== rowAmount || fromLines.tax !== rowTax) {
      refuse(
        `LTSuat ${rate} says ${rowAmount} before VAT and ${rowTax} VAT, its lines add up to ${fromLines.amount} and ${fromLines.tax}; the totals per rate must be the sum of the lines.`,
      );
    }
    amount += rowAmount;
    tax += rowTax;
  }
  for (const rate of lines.keys()) {
    if (!seen.has(rate)) refuse(`Lines at rate ${rate} have no LTSuat row; add it.`);
  }
  const totalAmount = amountOf(payment, 'TgTCThue', 'TToan', signed);
  const totalTax = amountOf(payment, 'TgTThue', 'TToan', signed);
  const total = amountOf(payment, 'TgTTTBSo', 'TToan', signed);
  if (totalAmount !== amount || totalTax !== tax) {
    refuse(
      `TToan says ${totalAmount} before VAT and ${totalTax} VAT, the rates add up to ${amount} and ${tax}; the invoice's totals must be the sum of the rates.`,
    );
  }
  if (total !== amount + tax) {
    refuse(`TgTTTBSo is ${total}, not ${amount} + ${tax}; the total is the amount plus the VAT.`);
  }
  const words = textOf(payment, 'TgTTTBChu', 'TToan');
  if (words !== signedDongWords(total)) {
    refuse(`TgTTTBChu "${words}" does not read ${total} đồng; write the total in words.`);
  }
  return total;
}

function checkCode(general: XmlElement, code: string): InvoiceCode {
  let parsed: InvoiceCode;
  try {
    parsed = parseInvoiceCode(code);
  } catch (error) {
    if (error instanceof EInvoiceError) refuse(`MCCQT: ${error.message}`);
    throw error;
  }
  const template = textOf(general, 'KHMSHDon', 'TTChung');
  if (template !== String(parsed.form)) {
    refuse(`KHMSHDon is ${template} but the code ${code} is of form ${parsed.form}.`);
  }
  let symbolYear: number;
  try {
    symbolYear = parseInvoiceSymbol(textOf(general, 'KHHDon', 'TTChung')).year;
  } catch (error) {
    if (error instanceof EInvoiceError) refuse(`KHHDon: ${error.message}`);
    throw error;
  }
  if (symbolYear !== parsed.year) {
    refuse(
      `KHHDon is of ${symbolYear} but the code ${code} of ${parsed.year}; issue both in one year.`,
    );
  }
  const number = textOf(general, 'SHDon', 'TTChung');
  if (number !== code.slice(-11)) {
    refuse(`SHDon ${number} is not the code's 11 digits (${code.slice(-11)}).`);
  }
  const issued = textOf(general, 'NLap', 'TTChung');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issued) || Number(issued.slice(0, 4)) !== parsed.year) {
    refuse(`NLap "${issued}" is not a date (yyyy-mm-dd) in the code's year ${parsed.year}.`);
  }
  return parsed;
}

/** `TTHDLQuan`, when the invoice has one: every field the reference needs, in its format. */
function checkRelated(general: XmlElement): RelatedReference | undefined {
  const block = childOf(general, 'TTHDLQuan');
  if (!block) return undefined;
  const path = 'TTHDLQuan';
  const relation = textOf(block, 'TCHDon', path);
  if (relation !== '1' && relation !== '2') {
    refuse(`TTHDLQuan/TCHDon is "${relation}"; write 1 (replacing) or 2 (adjusting).`);
  }
  if (textOf(block, 'LHDCLQuan', path) !== '1') {
    refuse('TTHDLQuan/LHDCLQuan must be 1: the related invoice is an e-invoice of Decree 123.');
  }
  const symbol = textOf(block, 'KHHDCLQuan', path);
  try {
    parseInvoiceSymbol(symbol);
  } catch (error) {
    if (error instanceof EInvoiceError) refuse(`TTHDLQuan/KHHDCLQuan: ${error.message}`);
    throw error;
  }
  const issueDate = textOf(block, 'NLHDCLQuan', path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) {
    refuse(`TTHDLQuan/NLHDCLQuan "${issueDate}" is not a date (yyyy-mm-dd).`);
  }
  return {
    relation: relation === '1' ? 1 : 2,
    form: textOf(block, 'KHMSHDCLQuan', path),
    symbol,
    number: textOf(block, 'SHDCLQuan', path),
    issueDate,
  };
}

/** Checks one invoice's XML as a provider would before accepting it. */
export function checkInvoiceXml(xml: string): InvoiceCheck {
  try {
    let root: XmlElement;
    try {
      root = readXml(xml);
    } catch (error) {
      if (error instanceof XmlReadError) refuse(`The XML does not read: ${error.message}`);
      throw error;
    }
    if (root.name !== 'HDon') refuse(`The root element is ${root.name}, not HDon.`);
    const data = need(root, 'DLHDon', 'HDon');
    const general = need(data, 'TTChung', 'DLHDon');
    for (const name of ['THDon', 'DVTTe']) textOf(general, name, 'TTChung');
    const content = need(data, 'NDHDon', 'DLHDon');
    const seller = need(content, 'NBan', 'NDHDon');
    for (const name of ['Ten', 'MST', 'DChi']) textOf(seller, name, 'NBan');
    const related = checkRelated(general);
    const signed = related?.relation === 2;
    const lines = checkGoods(content, signed);
    checkTotals(need(content, 'TToan', 'NDHDon'), lines, signed);
    const code = textOf(root, 'MCCQT', 'HDon');
    checkCode(general, code);
    return {
      ok: true,
      code,
      form: textOf(general, 'KHMSHDon', 'TTChung'),
      symbol: textOf(general, 'KHHDon', 'TTChung'),
      number: textOf(general, 'SHDon', 'TTChung'),
      issueDate: textOf(general, 'NLap', 'TTChung'),
      rates: lines,
      ...(related ? { related } : {}),
    };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}
