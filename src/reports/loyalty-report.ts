/**
 * Loyalty points issued and redeemed in a period, from the ledger entries (the only record of
 * points: balances are sums). Holds and their releases are not redemptions; a reversal of an
 * earning takes issued points back, a reversal of a redemption gives redeemed points back.
 */
import type { LoyaltyEntryDoc } from '../documents';
import { addTo, inPeriod, sortedRows } from './report-period';
import type { ReportPeriod, ReportRow } from './report-period';

export interface LoyaltyReport {
  /** Net points issued: earnings minus reversed earnings. */
  issued: number;
  /** Net points redeemed: redemptions minus redemptions given back. */
  redeemed: number;
  /** Points that lapsed in the period. */
  expired: number;
  /** Issued points by channel (store, web, care, social). */
  issuedByChannel: ReportRow<number>[];
}

export function loyaltyReport(
  entries: Iterable<LoyaltyEntryDoc>,
  period: ReportPeriod,
  storeId?: string,
): LoyaltyReport {
  const seen = new Set<string>();
  const byChannel = new Map<string, ReportRow<number>>();
  const report = { issued: 0, redeemed: 0, expired: 0 };
  for (const entry of entries) {
    if (seen.has(entry.idempotencyKey) || !inPeriod(entry.createdAt, period)) continue;
    if (storeId !== undefined && entry.storeId !== storeId) continue;
    seen.add(entry.idempotencyKey);
    switch (entry.kind) {
      case 'earn':
        report.issued += entry.points;
        addTo(byChannel, entry.channel, entry.points);
        break;
      case 'redeem':
        report.redeemed -= entry.points;
        break;
      case 'reverse':
        // Negative undoes an earning; positive gives a redemption back.
        if (entry.points < 0) {
          report.issued += entry.points;
          addTo(byChannel, entry.channel, entry.points, 0);
        } else report.redeemed -= entry.points;
        break;
      case 'expire':
        report.expired -= entry.points;
        break;
      case 'hold':
      case 'release':
      case 'adjust':
        break;
    }
  }
  return { ...report, issuedByChannel: sortedRows(byChannel) };
}
