/**
 * What the server knows about the original of a return, whatever store or channel it came from:
 * the ReturnSource the register planned with (built by the same src/returns functions), what a
 * web order handed over, and every return already stored against it. Read through the server
 * index, so the cost follows the original, not the size of the databases.
 */
import type {
  LoyaltyEntryDoc,
  PickupDoc,
  ProductDoc,
  ReturnDoc,
  SaleDoc,
  StoreSettingsDoc,
} from '../../../src/documents';
import { pickedUpByLine } from '../../../src/orders';
import { returnSourceFromSale, returnSourceFromWebOrder } from '../../../src/returns';
import type { ReturnSource, WebOrderTax } from '../../../src/returns';
import { fromCouchDoc } from '../../storage/couch-doc';
import type { DocumentStore } from '../../storage/document-store';
import { findWebOrder } from '../../index/index-lookups';
import type { ServerIndex } from '../../index/server-index';
import type { SettingsHistory } from '../../history/settings-history';

export interface OriginalOfReturn {
  source: ReturnSource;
  /** Web orders: what each line had handed over; absent for a till sale. */
  pickedUp?: Map<string, number>;
  /** Where the original is stored. */
  db: string;
}

/** The store's settings in force at `at` (the oldest known when `at` is earlier), or null. */
export async function settingsAt(
  history: SettingsHistory,
  storeId: string,
  at: string,
): Promise<StoreSettingsDoc | null> {
  const { versions } = await history.historyOf(storeId);
  const atMs = Date.parse(at);
  let found = versions[0];
  for (const version of versions) if (Date.parse(version.inForceFrom) <= atMs) found = version;
  return found?.settings ?? null;
}

/** Catalog products by SKU (`prod_<sku>`), for the SKUs asked only. */
export async function productsBySku(
  store: DocumentStore,
  skus: readonly string[],
): Promise<Map<string, ProductDoc>> {
  const docs = await store.getCurrent(
    'products',
    [...new Set(skus)].map((sku) => `prod_${sku}`),
  );
  const products = new Map<string, ProductDoc>();
  for (const doc of docs.values()) {
    if (doc._deleted) continue;
    const product = fromCouchDoc<ProductDoc>(doc);
    products.set(product.sku, product);
  }
  return products;
}

/**
 * The original (a till sale of any store, else a web order by id), or undefined when the server
 * does not hold it (yet). `tax` is the returning store's, as its register had it.
 */
export async function loadOriginal(
  deps: { store: DocumentStore; index: ServerIndex },
  documentId: string,
  tax: WebOrderTax | undefined,
): Promise<OriginalOfReturn | undefined> {
  const { index, store } = deps;
  const [sale] = await index.fetch(
    (await index.locate(documentId)).filter((entry) => entry.db.startsWith('sales-')).slice(0, 1),
  );
  if (sale) return { source: returnSourceFromSale(fromCouchDoc<SaleDoc>(sale.doc)), db: sale.db };
  const found = await findWebOrder(index, documentId);
  if (!found || found.doc.id !== documentId) return undefined;
  const order = found.doc;
  const pickups = (await index.fetch(await index.postings('pick', order.id))).map((entry) =>
    fromCouchDoc<PickupDoc>(entry.doc),
  );
  const products = await productsBySku(
    store,
    order.lines.map((line) => line.sku),
  );
  const earn = (await index.postings<LoyaltyEntryDoc>('loy', order.customerId)).find(
    (posting) => posting.value.idempotencyKey === `earn:${order.id}`,
  );
  const source = returnSourceFromWebOrder({
    order,
    pickups,
    productBySku: (sku) => products.get(sku),
    tax,
    pointsEarned: earn?.value.points ?? 0,
  });
  return { source, pickedUp: pickedUpByLine(order, pickups), db: found.db };
}

/** Every return the server holds against the original. */
export async function storedReturnsAgainst(
  index: ServerIndex,
  documentId: string,
): Promise<ReturnDoc[]> {
  return (await index.fetch(await index.postings('orig', documentId))).map((entry) =>
    fromCouchDoc<ReturnDoc>(entry.doc),
  );
}
