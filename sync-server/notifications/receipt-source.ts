/**
 * A sale's receipt as the server holds it: the sale in its store's database (there only after
 * the replication gate re-derived it from its sources), the store's settings, the cashier's and
 * the customer's names, built into the one receipt layout of src/receipt (`buildSaleReceipt`),
 * the same the register prints.
 */
import type { CustomerDoc, SaleDoc, StaffDoc, StoreSettingsDoc } from '../../src/documents';
import { formatMoney } from '../../src/money';
import type { Locale } from '../../src/money';
import { storeSaleReceipt } from '../../src/receipt';
import type { Receipt } from '../../src/receipt';
import { storeTimeZone } from '../../src/store-clock';
import { fromCouchDoc } from '../storage/couch-doc';
import type { ServerContext } from '../server-context';

export interface ReceiptSource {
  sale: SaleDoc;
  settings: StoreSettingsDoc | undefined;
  locale: Locale;
  storeName: string;
  receipt: Receipt;
}

/** The sale as stored on the server, whichever store sold it; undefined when it is not there. */
export async function serverSale(
  context: ServerContext,
  saleId: string,
): Promise<SaleDoc | undefined> {
  await context.index.catchUp();
  const located = (await context.index.locate(saleId)).filter((entry) =>
    entry.db.startsWith('sales-'),
  );
  const [found] = await context.index.fetch(located.slice(0, 1));
  return found ? fromCouchDoc<SaleDoc>(found.doc) : undefined;
}

async function one<T>(context: ServerContext, db: string, id: string): Promise<T | undefined> {
  const doc = (await context.store.getCurrent(db, [id])).get(id);
  return doc && !doc._deleted ? fromCouchDoc<T>(doc) : undefined;
}

export async function receiptSource(context: ServerContext, sale: SaleDoc): Promise<ReceiptSource> {
  const [settings, staff, customer] = await Promise.all([
    one<StoreSettingsDoc>(context, 'settings', `store_${sale.storeId}`),
    one<StaffDoc>(context, 'staff', sale.staffId),
    sale.customerId
      ? one<CustomerDoc>(context, 'customers', sale.customerId)
      : Promise.resolve(undefined),
  ]);
  const locale: Locale = settings?.defaultLocale ?? 'vi-VN';
  const storeName = settings?.name ?? sale.storeId;
  const receipt = storeSaleReceipt(sale, settings, {
    ...(staff ? { staffName: staff.name } : {}),
    customer: customer ?? null,
  });
  return { sale, settings, locale, storeName, receipt };
}

/** The total with its currency ("47.000 ₫"). */
export function receiptTotal(source: ReceiptSource): string {
  return formatMoney(source.sale.priced.totals.total, source.sale.currency, source.locale);
}

/** When the sale completed, in the store's time zone, as people in the store write it. */
export function soldAt(source: ReceiptSource): string {
  return new Intl.DateTimeFormat(source.locale, {
    timeZone: storeTimeZone(source.settings),
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(source.sale.completedAt));
}
