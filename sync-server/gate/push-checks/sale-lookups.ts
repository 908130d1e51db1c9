/**
 * What the sale checks read, each once per push request (context.memo): a batch of 100 sales
 * of one register reads each product, staff member, shift and customer once, and never a whole
 * database.
 */
import type {
  CustomerDoc,
  LoyaltyEntryDoc,
  ShiftDoc,
  StaffDoc,
  StoreSettingsDoc,
} from '../../../src/documents';
import type { SaleDoc } from '../../../src/documents';
import { fromCouchDoc } from '../../storage/couch-doc';
import { storeDatabaseName } from '../../storage/database-layout';
import type { StoredDoc } from '../../storage/document-store';
import { PriceHistory } from '../../history/price-history';
import type { PriceVersion } from '../../history/price-history';
import { matchSaleToSettings } from '../../history/sale-check';
import type { PushCheckContext } from './push-check';

function live(doc: StoredDoc | undefined): StoredDoc | undefined {
  return doc && !doc._deleted ? doc : undefined;
}

async function one<T>(context: PushCheckContext, db: string, id: string): Promise<T | undefined> {
  return context.memo(`sale:${db}:${id}`, async () => {
    const doc = live((await context.store.getCurrent(db, [id])).get(id));
    return doc ? fromCouchDoc<T>(doc) : undefined;
  });
}

export const staffMember = (context: PushCheckContext, id: string) =>
  one<StaffDoc>(context, 'staff', id);

export const customer = (context: PushCheckContext, id: string) =>
  one<CustomerDoc>(context, 'customers', id);

export const shift = (context: PushCheckContext, storeId: string, id: string) =>
  one<ShiftDoc>(context, storeDatabaseName('shifts', storeId), id);

/** The customer's ledger as the server index holds it. */
export function ledgerOf(
  context: PushCheckContext,
  customerId: string,
): Promise<LoyaltyEntryDoc[]> {
  return context.memo(`sale:ledger:${customerId}`, async () =>
    (await context.index.postings<LoyaltyEntryDoc>('loy', customerId)).map(
      (posting) => posting.value,
    ),
  );
}

/**
 * The store settings the sale was priced with: the version of the settings history that
 * reproduces its totals (write-policy.ts already refused a sale that none reproduces), else
 * the newest.
 */
export async function pricedSettings(
  context: PushCheckContext,
  sale: SaleDoc,
): Promise<StoreSettingsDoc | undefined> {
  return context.memo(`sale:priced-with:${sale.id}`, async () => {
    const history = await context.memo(`sale:settings:${sale.storeId}`, () =>
      context.settingsHistory.historyOf(sale.storeId),
    );
    const match = matchSaleToSettings(sale, history);
    return match.ok ? match.version.settings : history.versions.at(-1)?.settings;
  });
}

export interface CatalogEntry {
  /** The product as it is now (a tombstone when it was deleted since). */
  product: StoredDoc;
  /** Its price versions, oldest first. */
  versions: PriceVersion[];
}

/**
 * The catalog entries of these product ids, with their price history: products not fetched yet
 * in this request are read together, in one call.
 */
export async function catalogEntries(
  context: PushCheckContext,
  productIds: readonly string[],
): Promise<Map<string, CatalogEntry | undefined>> {
  const fetched = await context.memo('sale:products-fetched', () =>
    Promise.resolve(new Set<string>()),
  );
  const wanted = [...new Set(productIds)];
  const missing = wanted.filter((id) => !fetched.has(id));
  let batch: Promise<Map<string, CatalogEntry | undefined>> | undefined;
  const load = () =>
    (batch ??= (async () => {
      const products = [...(await context.store.getCurrent('products', missing)).values()];
      const history = await PriceHistory.of(context.store).historyOf(products);
      return new Map(
        products.map((product) => [
          product._id,
          { product, versions: history.get(product._id) ?? [] },
        ]),
      );
    })());
  for (const id of missing) fetched.add(id);
  const entries = await Promise.all(
    wanted.map(
      async (id) =>
        [id, await context.memo(`sale:product:${id}`, async () => (await load()).get(id))] as const,
    ),
  );
  return new Map(entries);
}
