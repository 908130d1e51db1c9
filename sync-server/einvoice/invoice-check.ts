/**
 * What a provider checks in an invoice it receives, as the local provider does it: the XML reads,
 * the required elements are there, amounts are whole đồng, each rate's row is the sum of its
 * lines, the invoice's totals the sum of the rows, the code reads as a cash-register code (with
 * src/einvoice's own parser) and agrees with the template, symbol and number. Unique codes are
 * the provider's memory, not this check's (local-provider.ts). Each refusal says what to fix.
 */
import {
  EInvoiceError,
  parseInvoiceCode,
  parseInvoiceSymbol,
  vietnameseDongWords,
} from '../../src/einvoice';
import type { InvoiceCode } from '../../src/einvoice';
import { childOf, childrenOf, readXml, XmlReadError } from './xml-reader';
import type { XmlElement } from './xml-reader';

export type InvoiceCheck = { ok: true; code: string } | { ok: false; reason: string };

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

/** Whole đồng: digits only, no sign, separator or decimals. */
function amountOf(parent: XmlElement, name: string, path: string): number {
  const value = textOf(parent, name, path);
  if (!/^\d{1,15}$/.test(value)) {
    refuse(`${path}/${name} is "${value}"; amounts are whole đồng in digits, without separators.`);
  }
  return Number(value);
}

interface RateSum {
  amount: number;
  tax: number;
}

function checkGoods(content: XmlElement): Map<string, RateSum> {
  const goods = need(content, 'DSHHDVu', 'NDHDon');
  const lines = childrenOf(goods, 'HHDVu');
  if (lines.length === 0) refuse('DSHHDVu has no HHDVu; an invoice sells at least one line.');
  const byRate = new Map<string, RateSum>();
  lines.forEach((line, index) => {
    const path = `HHDVu ${index + 1}`;
    textOf(line, 'THHDVu', path);
    const rate = textOf(line, 'TSuat', path);
    const sum = byRate.get(rate) ?? { amount: 0, tax: 0 };
    sum.amount += amountOf(line, 'ThTien', path);
    sum.tax += amountOf(line, 'TThue', path);
    byRate.set(rate, sum);
  });
  return byRate;
}

function checkTotals(payment: XmlElement, lines: Map<string, RateSum>): number {
  const rows = childrenOf(need(payment, 'THTTLTSuat', 'TToan'), 'LTSuat');
  const seen = new Set<string>();
  let amount = 0;
  let tax = 0;
  for (const row of rows) {
    const rate = textOf(row, 'TSuat', 'LTSuat');
    if (seen.has(rate)) refuse(`THTTLTSuat lists rate ${rate} twice; give one row per rate.`);
    seen.add(rate);
    const rowAmount = amountOf(row, 'ThTien', `LTSuat ${rate}`);
    const rowTax = amountOf(row, 'TThue', `LTSuat ${rate}`);
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
  const totalAmount = amountOf(payment, 'TgTCThue', 'TToan');
  const totalTax = amountOf(payment, 'TgTThue', 'TToan');
  const total = amountOf(payment, 'TgTTTBSo', 'TToan');
  if (totalAmount !== amount || totalTax !== tax) {
    refuse(
      `TToan says ${totalAmount} before VAT and ${totalTax} VAT, the rates add up to ${amount} and ${tax}; the invoice's totals must be the sum of the rates.`,
    );
  }
  if (total !== amount + tax) {
    refuse(`TgTTTBSo is ${total}, not ${amount} + ${tax}; the total is the amount plus the VAT.`);
  }
  const words = textOf(payment, 'TgTTTBChu', 'TToan');
  if (words !== vietnameseDongWords(total)) {
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
    const lines = checkGoods(content);
    checkTotals(need(content, 'TToan', 'NDHDon'), lines);
    const code = textOf(root, 'MCCQT', 'HDon');
    checkCode(general, code);
    return { ok: true, code };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}
