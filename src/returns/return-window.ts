import type { Channel } from '../documents/customer';
import type { ReturnPolicy } from '../documents/parts/return-policy';
import type { ReturnSourceLine } from './return-source';

const DAY_MS = 86_400_000;

/** The window for a line: its category's when the policy names one, else its channel's. */
export function returnWindowDays(
  policy: ReturnPolicy,
  channel: Channel,
  categoryId: string,
): number {
  const byCategory = policy.categoryWindows.find((window) => window.categoryId === categoryId);
  return byCategory?.days ?? policy.windowDays[channel];
}

export function checkReturnWindow(
  policy: ReturnPolicy,
  channel: Channel,
  line: ReturnSourceLine,
  soldAt: string,
  now: string,
): { code: 'outside-return-window'; lineId: string; message: string } | undefined {
  const days = returnWindowDays(policy, channel, line.categoryId);
  const elapsed = Date.parse(now) - Date.parse(soldAt);
  if (elapsed <= days * DAY_MS) return undefined;
  return {
    code: 'outside-return-window',
    lineId: line.lineId,
    message: `"${line.name}" was bought ${Math.floor(elapsed / DAY_MS)} days ago; it can be returned within ${days} days only. A manager may offer an exchange instead.`,
  };
}
