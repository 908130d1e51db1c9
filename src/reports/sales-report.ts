/**
 * Sales for a day or a range: by channel, tender, cashier, category and hour. Till sales come
 * from SaleDocs; web, care and social orders collected at the store count under their own
 * channel from their WebOrderDocs. Amounts are what the customer paid, tax included, in minor
 * units; voided sales and cancelled orders count nowhere. Gift cards sold are no sales revenue
 * (src/stored-value/gift-card-sales.ts): they count on their own line, `giftCards`, and in
 * `byTender` only (the money that paid for them came in); a sale of cards only is no sale.
 */
import type { SaleDoc, WebOrderDoc } from '../documents';
import { add, minor } from '../money';
import type { Minor } from '../money';
import { keptAmount } from './tender-movements';
import { businessHour } from '../store-clock';
import { compareText } from '../tax';
import { giftCardsSoldIn, isGiftCardLine, saleRevenue, sellsGoods } from '../stored-value';
import { addTo, inPeriod, sortedRows } from './report-period';
import type { ReportPeriod, ReportRow } from './report-period';

export interface SalesReportInput {
  sales: Iterable<SaleDoc>;
  orders?: Iterable<WebOrderDoc>;
  period: ReportPeriod;
  /** IANA zone of the store: hours are the store's hours. */
  timeZone: string;
  /** Only this store's documents; absent: every store in the input. */
  storeId?: string;
}

export interface SalesReport {
  /** Till sales that sold goods, plus orders. */
  count: number;
  /** Sales revenue: gift cards sold are left out. */
  total: Minor;
  /**
   * Gift cards sold at the till: money received for future sales (a liability), out of `total`,
   * the rows by channel, cashier, hour and category, and the VAT rows; in `byTender`.
   */
  giftCards: { count: number; total: Minor };
  byChannel: ReportRow[];
  /** Till sales only: orders are paid online or at pickup through a till sale. */
  byTender: ReportRow[];
  /** Till sales only, by staff id. */
  byCashier: ReportRow[];
  /** Till sales only: order lines carry no category. */
  byCategory: ReportRow[];
  /** All 24 hours of the day in order ("00" … "23"), empty hours included, for the chart. */
  byHour: ReportRow[];
  /**
   * Till sales only: VAT per category and rate charged, from each sale's own tax summary, so a
   * category whose rate changed in the period has a row per rate (8 % and 10 % around 1 Jan
   * 2027). Ordered by rate, then category; name a row with src/tax `taxCategoryLabel`.
   */
  byTaxRate: TaxReportRow[];
}

export interface TaxReportRow {
  taxRateId: string;
  rateBp: number;
  /** Sales with a line in this category at this rate. */
  count: number;
  taxable: Minor;
  tax: Minor;
  total: Minor;
}

export function salesReport(input: SalesReportInput): SalesReport {
  const byChannel = new Map<string, ReportRow>();
  const byTender = new Map<string, ReportRow>();
  const byCashier = new Map<string, ReportRow>();
  const byCategory = new Map<string, ReportRow>();
  const byHour = new Map<string, ReportRow>();
  const byTaxRate = new Map<string, TaxReportRow>();
  for (let hour = 0; hour < 24; hour++) addTo(byHour, String(hour).padStart(2, '0'), minor(0), 0);
  let count = 0;
  let total = minor(0);
  let giftCardCount = 0;
  let giftCardTotal = minor(0);
  const seen = new Set<string>();

  for (const sale of input.sales) {
    if (sale.status !== 'completed' || seen.has(sale.id)) continue;
    if (input.storeId !== undefined && sale.storeId !== input.storeId) continue;
    if (!inPeriod(sale.completedAt, input.period)) continue;
    seen.add(sale.id);
    // The tenders paid for the cards too: the money came in.
    for (const tender of sale.payment.tenders) addTo(byTender, tender.kind, keptAmount(tender));
    const cards = giftCardsSoldIn(sale);
    giftCardCount += cards.count;
    giftCardTotal = add(giftCardTotal, cards.amount);
    if (!sellsGoods(sale)) continue;
    const amount = saleRevenue(sale);
    count += 1;
    total = add(total, amount);
    addTo(byChannel, sale.channel, amount);
    addTo(byCashier, sale.staffId, amount);
    addTo(byHour, String(businessHour(sale.completedAt, input.timeZone)).padStart(2, '0'), amount);
    const categories = new Map(sale.cart.lines.map((line) => [line.lineId, line.categoryId]));
    const cardLines = new Set(sale.cart.lines.filter(isGiftCardLine).map((line) => line.lineId));
    for (const line of sale.priced.lines) {
      if (cardLines.has(line.lineId)) continue;
      addTo(byCategory, categories.get(line.lineId) ?? '?', line.total);
    }
    for (const entry of sale.priced.taxBreakdown) {
      const key = `${entry.taxRateId}@${entry.rateBp}`;
      const row = byTaxRate.get(key) ?? {
        taxRateId: entry.taxRateId,
        rateBp: entry.rateBp,
        count: 0,
        taxable: minor(0),
        tax: minor(0),
        total: minor(0),
      };
      row.count += 1;
      row.taxable = add(row.taxable, entry.taxable);
      row.tax = add(row.tax, entry.tax);
      row.total = add(row.total, entry.total);
      byTaxRate.set(key, row);
    }
  }
  for (const order of input.orders ?? []) {
    if (order.status === 'cancelled' || seen.has(order.id)) continue;
    if (input.storeId !== undefined && order.pickupStoreId !== input.storeId) continue;
    if (!inPeriod(order.placedAt, input.period)) continue;
    seen.add(order.id);
    count += 1;
    total = add(total, order.total);
    addTo(byChannel, order.channel, order.total);
    addTo(
      byHour,
      String(businessHour(order.placedAt, input.timeZone)).padStart(2, '0'),
      order.total,
    );
  }
  return {
    count,
    total,
    giftCards: { count: giftCardCount, total: giftCardTotal },
    byChannel: sortedRows(byChannel),
    byTender: sortedRows(byTender),
    byCashier: sortedRows(byCashier),
    byCategory: sortedRows(byCategory),
    byHour: [...byHour.values()],
    byTaxRate: [...byTaxRate.values()].sort((a, b) =>
      a.rateBp === b.rateBp ? compareText(a.taxRateId, b.taxRateId) : a.rateBp - b.rateBp,
    ),
  };
}
