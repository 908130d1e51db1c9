/**
 * The figures behind the reports screen: this store's from the local replica (works offline),
 * all stores' from the server's GET /api/v1/reports when it can be reached. Both come out of the
 * same pure functions in src/reports.
 */
import type { LoyaltyEntryDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../../../src/documents';
import {
  customerReport,
  loyaltyReport,
  returnsReport,
  salesReport,
  toCsv,
} from '../../../src/reports';
import type {
  CustomerReport,
  LoyaltyReport,
  ReportPeriod,
  ReportRow,
  ReturnsReport,
  SalesReport,
} from '../../../src/reports';
import { createServerApi } from '../../platform/server-api';
import { services } from '../../services';
import { businessDate, businessDays, storeTimeZone } from '../../../src/store-clock';
import { useAppStore } from '../../state/app-store';

export interface ReportSet {
  sales: SalesReport;
  returns: ReturnsReport;
  loyalty: LoyaltyReport;
  customers: CustomerReport;
}

/** The store's zone (its setting), in which the manager's days and hours are read. */
const storeZone = (): string => storeTimeZone(useAppStore.getState().settings);

/** The store's calendar days (yyyy-mm-dd, both included) as a half-open UTC period. */
export function periodOf(fromDay: string, toDay: string, timeZone = storeZone()): ReportPeriod {
  return businessDays(fromDay, toDay, timeZone);
}

export function today(timeZone = storeZone()): string {
  return businessDate(Date.now(), timeZone);
}

export async function localReports(period: ReportPeriod): Promise<ReportSet> {
  const { db, config } = services();
  const json = <T>(docs: readonly { toJSON: () => unknown }[]): T[] =>
    docs.map((doc) => doc.toJSON() as T);
  const [saleDocs, returnDocs, orderDocs, loyaltyDocs] = await Promise.all([
    db.sales.find().exec(),
    db.returns.find().exec(),
    db.orders.find().exec(),
    db.loyalty.find().exec(),
  ]);
  const sales = json<SaleDoc>(saleDocs);
  const returns = json<ReturnDoc>(returnDocs);
  const orders = json<WebOrderDoc>(orderDocs);
  const loyalty = json<LoyaltyEntryDoc>(loyaltyDocs);
  const storeId = config.storeId;
  return {
    sales: salesReport({ sales, orders, period, timeZone: storeZone(), storeId }),
    returns: returnsReport(returns, period, storeId),
    loyalty: loyaltyReport(loyalty, period, storeId),
    customers: customerReport({ sales, orders, returns, asOf: period.to }),
  };
}

/** Every store's reports from the server, or null when it cannot be reached. */
export async function serverReports(period: ReportPeriod): Promise<ReportSet | null> {
  const api = createServerApi(services().config, undefined, 10_000);
  const reply = await api.call('reports/get', {
    from: period.from,
    to: period.to,
    tz: storeZone(),
  });
  return reply.ok ? reply.value : null;
}

/** Every breakdown as one CSV: section, key, count, amount (minor units or points). */
export function reportsCsv(reports: ReportSet, label: (section: string, key: string) => string) {
  const rows: (string | number)[][] = [];
  const add = (section: string, list: readonly ReportRow<number>[]) => {
    for (const row of list) rows.push([section, label(section, row.key), row.count, row.amount]);
  };
  add('sales-by-channel', reports.sales.byChannel);
  add('sales-by-tender', reports.sales.byTender);
  add('sales-by-cashier', reports.sales.byCashier);
  add('sales-by-category', reports.sales.byCategory);
  add('sales-by-hour', reports.sales.byHour);
  for (const row of reports.sales.byTaxRate) {
    rows.push(['sales-vat-by-rate', `${row.taxRateId} ${row.rateBp / 100}%`, row.count, row.tax]);
  }
  // Gift cards sold: money received for future sales, out of every sales row above but by tender.
  rows.push([
    'gift-cards-sold',
    'gift-cards',
    reports.sales.giftCards.count,
    reports.sales.giftCards.total,
  ]);
  add('returns-by-channel', reports.returns.byChannel);
  add('returns-by-reason', reports.returns.byReason);
  add('loyalty-issued-by-channel', reports.loyalty.issuedByChannel);
  rows.push(['loyalty', 'issued', 0, reports.loyalty.issued]);
  rows.push(['loyalty', 'redeemed', 0, reports.loyalty.redeemed]);
  rows.push(['customers', 'customers', reports.customers.customers, 0]);
  rows.push(['customers', 'average-lifetime-value', 0, reports.customers.averageLifetimeValue]);
  rows.push(['customers', 'repeat-rate-bp', 0, reports.customers.repeatRateBp]);
  rows.push(['customers', 'multi-channel-share-bp', 0, reports.customers.multiChannelShareBp]);
  // A byte-order mark so spreadsheet programs read the Vietnamese as UTF-8.
  return `\uFEFF${toCsv(['section', 'key', 'count', 'amount'], rows)}`;
}
