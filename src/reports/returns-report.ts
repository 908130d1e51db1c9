/**
 * Returns for a day or a range, by the channel the goods were bought on and by reason. A return
 * without a receipt has no original channel: it is counted as `no-receipt`, so the manager sees
 * how often that happens.
 */
import type { ReturnDoc } from '../documents';
import { add, minor } from '../money';
import type { Minor } from '../money';
import { addTo, inPeriod, sortedRows } from './report-period';
import type { ReportPeriod, ReportRow } from './report-period';

export interface ReturnsReport {
  count: number;
  /** Σ refund value. */
  total: Minor;
  byChannel: ReportRow[];
  /** Per line reason: count is the lines, amount their refund value. */
  byReason: ReportRow[];
}

export function returnsReport(
  returns: Iterable<ReturnDoc>,
  period: ReportPeriod,
  storeId?: string,
): ReturnsReport {
  const byChannel = new Map<string, ReportRow>();
  const byReason = new Map<string, ReportRow>();
  const seen = new Set<string>();
  let count = 0;
  let total = minor(0);
  for (const refund of returns) {
    if (seen.has(refund.id) || !inPeriod(refund.completedAt, period)) continue;
    if (storeId !== undefined && refund.storeId !== storeId) continue;
    seen.add(refund.id);
    count += 1;
    total = add(total, refund.totals.refund);
    addTo(byChannel, refund.original?.channel ?? 'no-receipt', refund.totals.refund);
    for (const line of refund.lines) addTo(byReason, line.reason.trim() || '?', line.refund);
  }
  return { count, total, byChannel: sortedRows(byChannel), byReason: sortedRows(byReason) };
}
