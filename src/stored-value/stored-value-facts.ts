/**
 * Stored value (store credit notes and gift cards) as facts that already exist (ARCHITECTURE.md
 * rule 1: balances are sums of immutable entries). A credit note is issued by the store-credit
 * refund tenders of a ReturnDoc and is numbered by the return's id, which the return receipt
 * prints; a gift card is issued by the admin (the server records the issue) or sold at the till
 * (a gift card line of a completed SaleDoc, verified by the server before it lands). A SaleDoc's
 * store-credit tender (`creditReference`) or gift-card tender (`cardNumber`) spends it; a refund
 * onto a gift card (a gift-card refund tender with its `cardNumber`) puts value back on the card.
 */
import type { ReturnDoc } from '../documents/return';
import type { SaleDoc } from '../documents/sale';
import type { CurrencyCode, Minor } from '../money';
import { minor } from '../money';

/** The reserved product of a gift card line (gift-card-line.ts, which builds on this file). */
export const GIFT_CARD_PRODUCT_ID = 'gift-card';

export type StoredValueKind = 'credit-note' | 'gift-card';

interface FactBase {
  /** The credit note or gift card number, normalised with `normalizeStoredValueNumber`. */
  number: string;
  amount: Minor;
  currency: CurrencyCode;
  /** Where it happened (absent for an issue made by the admin). */
  storeId?: string;
  at: string;
}

/** Value put on a note or card: a return to store credit, or a gift card issued by the admin. */
export interface StoredValueIssue extends FactBase {
  type: 'issue';
  kind: StoredValueKind;
  /** The return id (credit note) or the server's issue id (gift card). */
  sourceId: string;
  /** After this instant nothing more can be spent from it. */
  expiresAt?: string;
}

/** Value spent by a sale's tender. */
export interface StoredValueRedemption extends FactBase {
  type: 'redeem';
  tenderKind: StoredValueKind;
  saleId: string;
  tenderId: string;
}

/** Value given back onto a gift card by a return that refunds to it. */
export interface StoredValueReversal extends FactBase {
  type: 'reverse';
  sourceId: string;
}

export type StoredValueFact = StoredValueIssue | StoredValueRedemption | StoredValueReversal;

/**
 * The one spelling of a number: no spaces or dashes, upper case, except the `ret_` prefix of a
 * credit note (ids are `ret_` + Crockford base32, so `RET_01j…` typed by hand is the same note).
 */
export function normalizeStoredValueNumber(text: string): string {
  const compact = text.replace(/[\s-]+/g, '');
  if (/^ret_/i.test(compact)) return `ret_${compact.slice(4).toUpperCase()}`;
  return compact.toUpperCase();
}

/** A credit note is numbered by the return that issued it. */
export function isCreditNoteNumber(number: string): boolean {
  return /^ret_[0-9A-Z]{10,}$/.test(number);
}

/** The stored-value facts of one return: its credit note, and value put back on gift cards. */
export function storedValueFactsOfReturn(returnDoc: ReturnDoc): StoredValueFact[] {
  const facts: StoredValueFact[] = [];
  const base = {
    currency: returnDoc.currency,
    storeId: returnDoc.storeId,
    at: returnDoc.completedAt,
    sourceId: returnDoc.id,
  };
  const credit = returnDoc.tenders
    .filter((tender) => tender.kind === 'store-credit')
    .reduce((total, tender) => total + tender.amount, 0);
  if (credit > 0) {
    facts.push({
      type: 'issue',
      kind: 'credit-note',
      number: returnDoc.id,
      amount: minor(credit),
      ...base,
    });
  }
  for (const tender of returnDoc.tenders) {
    if (tender.kind !== 'gift-card' || !tender.cardNumber || tender.amount <= 0) continue;
    facts.push({
      type: 'reverse',
      number: normalizeStoredValueNumber(tender.cardNumber),
      amount: tender.amount,
      ...base,
    });
  }
  return facts;
}

/**
 * What a completed sale spent from notes and cards, and the gift cards it sold (an issue of each
 * gift card line's value, numbered by the line's card number, sourced by the sale). A
 * store-credit tender that names no note gets the number '' (an unknown note: the server flags
 * it, the sale stands). A voided sale spent and issued nothing.
 */
export function storedValueFactsOfSale(sale: SaleDoc): StoredValueFact[] {
  if (sale.status !== 'completed') return [];
  const facts: StoredValueFact[] = [];
  // Read as stored: the server indexes whatever documents it holds, also partial ones.
  const stored = sale as Partial<SaleDoc>;
  const priced = new Map((stored.priced?.lines ?? []).map((line) => [line.lineId, line]));
  for (const line of stored.cart?.lines ?? []) {
    if (line.productId !== GIFT_CARD_PRODUCT_ID) continue;
    const amount = priced.get(line.lineId)?.total ?? line.unitPrice;
    if (amount <= 0) continue;
    facts.push({
      type: 'issue',
      kind: 'gift-card',
      number: normalizeStoredValueNumber(line.sku),
      amount,
      currency: sale.currency,
      storeId: sale.storeId,
      at: sale.completedAt,
      sourceId: sale.id,
    });
  }
  for (const tender of sale.payment.tenders) {
    if (tender.kind !== 'store-credit' && tender.kind !== 'gift-card') continue;
    if (tender.applied <= 0) continue;
    const reference = tender.kind === 'gift-card' ? tender.cardNumber : tender.creditReference;
    facts.push({
      type: 'redeem',
      tenderKind: tender.kind === 'gift-card' ? 'gift-card' : 'credit-note',
      number: normalizeStoredValueNumber(reference ?? ''),
      amount: tender.applied,
      currency: sale.currency,
      storeId: sale.storeId,
      at: sale.completedAt,
      saleId: sale.id,
      tenderId: tender.tenderId,
    });
  }
  return facts;
}
