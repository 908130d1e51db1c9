/**
 * A report's time window and the store's clock. Reports are asked for by local calendar days
 * ("today", "1 to 7 March") but documents carry UTC times, so the window is a half-open UTC
 * interval the caller builds for the store's time zone (src/store-clock), where hours are read too.
 */
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

/** One bar of a breakdown: a key (channel, tender, cashier…), how many, how much. */
export interface ReportRow {
  key: string;
  count: number;
  /** Minor units (money) or points, as the report says. */
  amount: number;
}

/** Adds to the row for `key`, creating it on first use. */
export function addTo(rows: Map<string, ReportRow>, key: string, amount: number, count = 1): void {
  const row = rows.get(key) ?? { key, count: 0, amount: 0 };
  row.count += count;
  row.amount += amount;
  rows.set(key, row);
}

/** Largest amount first, then by key, so reports and their CSVs are stable. */
export function sortedRows(rows: Map<string, ReportRow>): ReportRow[] {
  return [...rows.values()].sort(
    (a, b) => b.amount - a.amount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
