/**
 * When a pushed sale may plausibly have happened. A register's clock drifts a little, and a
 * register that lost the network keeps selling and pushes later, but not for ever: the server
 * refuses a sale from the future past the skew allowance, one older than the offline window,
 * one that completed before it was started, or before the shift it names was opened.
 */
import type { SaleDoc } from '../documents/sale';

/** How far ahead of the server's clock a register's clock may run. */
export const CLOCK_SKEW_ALLOWANCE_MS = 10 * 60_000;

/** The longest a register may plausibly sell offline before its sales reach the server. */
export const OFFLINE_SALE_WINDOW_DAYS = 30;
export const OFFLINE_SALE_WINDOW_MS = OFFLINE_SALE_WINDOW_DAYS * 86_400_000;

/** Why the sale's times are implausible at `now`, or null when they are plausible. */
export function saleTimeProblem(
  sale: Pick<SaleDoc, 'createdAt' | 'completedAt'>,
  now: Date,
  shiftOpenedAt?: string,
): string | null {
  const created = Date.parse(sale.createdAt);
  const completed = Date.parse(sale.completedAt);
  if (Number.isNaN(created) || Number.isNaN(completed)) {
    return 'createdAt and completedAt must be ISO times';
  }
  const latest = now.getTime() + CLOCK_SKEW_ALLOWANCE_MS;
  if (completed > latest) {
    return `completedAt ${sale.completedAt} is in the future (server time ${now.toISOString()}, allowance ${CLOCK_SKEW_ALLOWANCE_MS / 60_000} minutes); check the register's clock`;
  }
  const earliest = now.getTime() - OFFLINE_SALE_WINDOW_MS;
  if (created < earliest) {
    return `the sale started at ${sale.createdAt}, more than ${OFFLINE_SALE_WINDOW_DAYS} days ago (the offline window); a manager must enter it by hand`;
  }
  if (created > completed) {
    return `createdAt ${sale.createdAt} is after completedAt ${sale.completedAt}`;
  }
  if (shiftOpenedAt !== undefined && completed < Date.parse(shiftOpenedAt)) {
    return `the sale completed at ${sale.completedAt}, before its shift opened at ${shiftOpenedAt}`;
  }
  return null;
}
