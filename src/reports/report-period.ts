/**
 * A report's time window and the store's clock. Reports are asked for by local calendar days
 * ("today", "1 to 7 March") but documents carry UTC times, so the window is a half-open UTC
 * interval the caller builds for the store's time zone (src/store-clock), where hours are read too.
 */
import type { Minor } from '../money';

export interface ReportPeriod {
  /** ISO 8601 UTC, inclusive. */
  from: string;
  /** ISO 8601 UTC, exclusive. */
  to: string;
}

export function inPeriod(iso: string, period: ReportPeriod): boolean {
  const at = Date.parse(iso);
  return at >= Date.parse(period.from) && at < Date.parse(period.to);
}

/**
 * One bar of a breakdown: a key (channel, tender, cashier…), how many, how much. Money rows
 * (the default) carry Minor amounts; the loyalty report's rows carry points (`ReportRow<number>`).
 */
export interface ReportRow<Amount extends number = Minor> {
  key: string;
  count: number;
  amount: Amount;
}

/** Adds to the row for `key`, creating it on first use. */
export function addTo<Amount extends number>(
  rows: Map<string, ReportRow<Amount>>,
  key: string,
  amount: Amount,
  count = 1,
): void {
  const row = rows.get(key) ?? { key, count: 0, amount: 0 as Amount };
  row.count += count;
  row.amount = (row.amount + amount) as Amount;
  rows.set(key, row);
}

/** Largest amount first, then by key, so reports and their CSVs are stable. */
export function sortedRows<Amount extends number>(
  rows: Map<string, ReportRow<Amount>>,
): ReportRow<Amount>[] {
  return [...rows.values()].sort(
    (a, b) => b.amount - a.amount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
