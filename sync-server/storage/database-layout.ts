/**
 * The database layout of docs/DATA.md, computed from the document registry
 * (src/documents/registry.ts): one CouchDB database per document type. Shared databases are
 * written by the server; store databases are `<type>-<storeId>` and only that store's devices
 * write them. Any other name is unknown to the server (404), whoever asks.
 */
import { DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES } from '../../src/documents/registry';
import type { DocumentTypeName, SharedTypeName, StoreTypeName } from '../../src/documents/registry';

export type SharedCollection = SharedTypeName;
export type StoreCollection = StoreTypeName;
export type Collection = DocumentTypeName;

export const SHARED_COLLECTIONS: readonly SharedCollection[] = DOCUMENT_TYPE_NAMES.filter(
  (name): name is SharedCollection => DOCUMENT_TYPES[name].scope === 'shared',
);
export const STORE_COLLECTIONS: readonly StoreCollection[] = DOCUMENT_TYPE_NAMES.filter(
  (name): name is StoreCollection => DOCUMENT_TYPES[name].scope === 'store',
);

export type DatabaseName =
  | { kind: 'shared'; name: string; collection: SharedCollection }
  | { kind: 'store'; name: string; collection: StoreCollection; storeId: string };

/** Same rule as `storeIdField` in src/documents/json-schema.ts. */
const STORE_ID = /^[a-z0-9-]{1,64}$/;

export function isValidStoreId(storeId: string): boolean {
  return STORE_ID.test(storeId);
}

export function parseDatabaseName(name: string): DatabaseName | null {
  if ((SHARED_COLLECTIONS as readonly string[]).includes(name)) {
    return { kind: 'shared', name, collection: name as SharedCollection };
  }
  const dash = name.indexOf('-');
  if (dash < 0) return null;
  const collection = name.slice(0, dash);
  const storeId = name.slice(dash + 1);
  if (!(STORE_COLLECTIONS as readonly string[]).includes(collection)) return null;
  if (!isValidStoreId(storeId)) return null;
  return { kind: 'store', name, collection: collection as StoreCollection, storeId };
}

export function storeDatabaseName(collection: StoreCollection, storeId: string): string {
  return `${collection}-${storeId}`;
}

export function storeDatabaseNames(storeId: string): string[] {
  return STORE_COLLECTIONS.map((collection) => storeDatabaseName(collection, storeId));
}

/**
 * The server's own data (device registry, rejections, flags, settings history) lives in the same document store
 * under names no layout database can take, and is never reachable through /db.
 */
export const INTERNAL_DATABASES = {
  devices: 'omnitill-devices',
  rejections: 'omnitill-rejections',
  flags: 'omnitill-flags',
  webOrders: 'omnitill-web-orders',
  checkins: 'omnitill-pickup-checkins',
  /** Every version of every store's settings, with the time it came into force. */
  settingsHistory: 'omnitill-settings-history',
  /** Gift card issues and stored-value holds (credit notes are derived from returns). */
  storedValue: 'omnitill-stored-value',
  /** Pieces of an original reserved by a register online before its return (one doc each). */
  returnClaims: 'omnitill-return-claims',
  /** The server indexes (server-index.ts): lookups kept up to date from the changes feeds. */
  index: 'omnitill-index',
  /**
   * One create-only claim per normalised phone and card number (`phone:<e164>`, `card:<n>`):
   * two server processes creating the same customer at once meet a conflict, one wins.
   */
  customerClaims: 'omnitill-customer-claims',
  /**
   * One create-only claim per gift card number a till sale issues (`gift-card:<number>`, naming
   * the sale): two sales of one card pushed at once, to one process or two, meet a conflict.
   */
  giftCardClaims: 'omnitill-gift-card-claims',
  /** One document per points or stored-value account: hold decisions, updated with `_rev`. */
  accounts: 'omnitill-accounts',
  /** Secrets the server makes once and every instance shares (the PIN secret, pin-secret.ts). */
  secrets: 'omnitill-secrets',
  /** Wrong PINs the server checked, one document per register (access/pin-attempts.ts). */
  pinAttempts: 'omnitill-pin-attempts',
  /** The e-invoice queue: one document per sale's invoice, with its status (einvoice/). */
  einvoices: 'omnitill-einvoices',
  /** Which SKU has which image (sku, hash, type, bytes): small, read whole for the manifest. */
  productImages: 'omnitill-product-images',
  /** The images' bytes, one document per content hash (product-images.ts). */
  productImageBytes: 'omnitill-product-image-bytes',
} as const;

const storeDatabasePatterns = STORE_COLLECTIONS.map((name) => `${name}-`).join(', ');
export const KNOWN_DATABASES_HINT = `Known databases: ${SHARED_COLLECTIONS.join(', ')}, and ${storeDatabasePatterns}<storeId>.`;
