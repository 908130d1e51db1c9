/**
 * What each stored document contributes to the server indexes (server-index.ts): a pure function
 * of the document, so re-indexing a document always gives the same entries and a changed or
 * deleted one can be taken out exactly. Keys are `<kind>:<subject>`.
 */
import type {
  CustomerDoc,
  LoyaltyEntryDoc,
  PickupDoc,
  ReturnDoc,
  SaleDoc,
  StockMoveDoc,
  WebOrderDoc,
} from '../../src/documents';
import { formatReceiptNumber, parseReceiptNumber } from '../../src/receipt/receipt-number';
import { storedValueFactsOfReturn, storedValueFactsOfSale } from '../../src/stored-value';
import type { StoredValueFact } from '../../src/stored-value';
import { fromCouchDoc } from '../storage/couch-doc';
import { INTERNAL_DATABASES, parseDatabaseName } from '../storage/database-layout';
import type { StoredDoc } from '../storage/document-store';
import type { StoredValueEntry } from './stored-value-account';

/**
 * Raised whenever a projection gains, drops or changes a key: a checkpoint written at another
 * version is read as "from the start", so each database is re-read once and documents indexed
 * before (a sale stored before `rcpt:` existed) get their new keys. 2: `rcpt:` (issue #16).
 * 3: the stores' customer needs (customer-needs.ts, issue #15), derived from sales, returns and
 * web orders stored before. 4: a sale's gift card lines issue their cards (`sv:`).
 */
export const PROJECTION_VERSION = 4;

export type IndexKind =
  'sv' | 'orig' | 'ordno' | 'rcpt' | 'pick' | 'stk' | 'loy' | 'cust' | 'phone' | 'email' | 'card';

/** A line of a sale or web order with what it sold (grams for weighed lines). */
export interface SoldLine {
  lineId: string;
  quantity: number;
}

/** Posting values, by kind. */
export interface StoredValuePosting {
  facts: StoredValueFact[];
  /** A hold the server placed (omnitill-stored-value); its status is read by id. */
  hold?: Extract<StoredValueEntry, { type: 'hold' }>;
}
export interface ReturnedLinesPosting {
  lines: { originalLineId: string; quantity: number }[];
}

export interface Projection {
  /** Posting values by key (`null` when the key alone is the answer). */
  postings: Map<string, unknown>;
  /** Sales and web orders are also found by their id, with the lines they sold. */
  sold?: SoldLine[];
}

/** The databases the indexes follow. */
export function isIndexedDatabase(db: string): boolean {
  if (db === INTERNAL_DATABASES.storedValue) return true;
  const collection = parseDatabaseName(db)?.collection;
  return (
    collection === 'sales' ||
    collection === 'returns' ||
    collection === 'orders' ||
    collection === 'pickups' ||
    collection === 'stock' ||
    collection === 'loyalty' ||
    collection === 'customers'
  );
}

export function indexKey(kind: IndexKind, subject: string): string {
  return `${kind}:${subject}`;
}

export function kindOf(key: string): IndexKind {
  return key.slice(0, key.indexOf(':')) as IndexKind;
}

export function subjectOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function addFacts(postings: Map<string, unknown>, facts: readonly StoredValueFact[]): void {
  for (const fact of facts) {
    const key = indexKey('sv', fact.number);
    const posting = (postings.get(key) as StoredValuePosting | undefined) ?? { facts: [] };
    posting.facts.push(fact);
    postings.set(key, posting);
  }
}

/**
 * A receipt number in its one written form, the subject of its `rcpt:` key: the lookup parses
 * what was typed the same way, so `q1-01-000123 ` and `Q1-01-000123` meet at one key.
 */
export function receiptNumberKey(text: string | undefined): string | null {
  const parts = text === undefined ? null : parseReceiptNumber(text);
  return parts ? formatReceiptNumber(parts) : null;
}

export function projectDocument(db: string, stored: StoredDoc): Projection {
  const postings = new Map<string, unknown>();
  if (db === INTERNAL_DATABASES.storedValue) {
    const entry = stored as unknown as StoredValueEntry;
    if (entry.type === 'issue') {
      const { _id: _ignored, idempotencyKey: _key, ...issue } = entry;
      const { _rev: _rev, ...fact } = issue as typeof issue & { _rev?: string };
      addFacts(postings, [fact]);
    } else if (entry.type === 'hold') {
      const { _rev: _rev, ...hold } = entry as typeof entry & { _rev?: string };
      postings.set(indexKey('sv', entry.number), { facts: [], hold } satisfies StoredValuePosting);
    }
    return { postings };
  }
  const collection = parseDatabaseName(db)?.collection;
  switch (collection) {
    case 'sales': {
      const sale = fromCouchDoc<SaleDoc>(stored);
      addFacts(postings, storedValueFactsOfSale(sale));
      if (sale.customerId) postings.set(indexKey('cust', sale.customerId), null);
      // How any store's register finds it by the number on the receipt (GET /api/v1/sales?number=).
      const receiptNumber = receiptNumberKey(sale.receiptNumber);
      if (receiptNumber) postings.set(indexKey('rcpt', receiptNumber), null);
      return {
        postings,
        sold: (sale.cart?.lines ?? []).map((line) => ({
          lineId: line.lineId,
          quantity: line.pricing === 'weight' ? (line.grams ?? 0) : line.quantity,
        })),
      };
    }
    case 'orders': {
      const order = fromCouchDoc<WebOrderDoc>(stored);
      if (order.orderNumber) postings.set(indexKey('ordno', order.orderNumber), null);
      if (order.customerId) postings.set(indexKey('cust', order.customerId), null);
      return {
        postings,
        sold: (order.lines ?? []).map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      };
    }
    case 'returns': {
      const returned = fromCouchDoc<ReturnDoc>(stored);
      addFacts(postings, storedValueFactsOfReturn(returned));
      const original = returned.original?.documentId;
      if (original) {
        const lines = (returned.lines ?? []).flatMap((line) =>
          line.originalLineId
            ? [{ originalLineId: line.originalLineId, quantity: line.quantity }]
            : [],
        );
        postings.set(indexKey('orig', original), { lines } satisfies ReturnedLinesPosting);
      }
      if (returned.customerId) postings.set(indexKey('cust', returned.customerId), null);
      return { postings };
    }
    case 'pickups': {
      const pickup = fromCouchDoc<PickupDoc>(stored);
      if (pickup.orderId) postings.set(indexKey('pick', pickup.orderId), null);
      return { postings };
    }
    case 'stock': {
      const move = fromCouchDoc<StockMoveDoc>(stored);
      if (move.sku) postings.set(indexKey('stk', move.sku), move);
      return { postings };
    }
    case 'loyalty': {
      const entry = fromCouchDoc<LoyaltyEntryDoc>(stored);
      if (entry.customerId) postings.set(indexKey('loy', entry.customerId), entry);
      return { postings };
    }
    case 'customers': {
      // How a register finds a customer (GET /api/v1/customers?phone=|email=|card=).
      const customer = fromCouchDoc<CustomerDoc>(stored);
      if (customer.phone) postings.set(indexKey('phone', customer.phone), null);
      if (customer.email) postings.set(indexKey('email', customer.email.toLowerCase()), null);
      if (customer.loyaltyCardNumber)
        postings.set(indexKey('card', customer.loyaltyCardNumber), null);
      return { postings };
    }
    case 'products':
    case 'staff':
    case 'settings':
    case 'shifts':
    case 'cashmoves':
    case 'parked':
    case 'audit':
    case undefined:
      return { postings };
  }
}

/** The kinds reconciliation re-checks when one of their postings changes. */
export const RECONCILED_KINDS: ReadonlySet<IndexKind> = new Set(['sv', 'orig', 'stk', 'loy']);
