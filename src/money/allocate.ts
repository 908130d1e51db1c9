/**
 * Splits an amount over ratios so the parts always sum to the amount exactly. Each part first
 * gets its floor share; the leftover minor units go one each to the parts with the largest
 * remainders (ties to the earlier index), so the split is deterministic on every machine.
 */
import { MoneyError, minor } from './money';
import type { Minor } from './money';

export function allocate(amount: Minor, ratios: readonly number[]): Minor[] {
  if (ratios.length === 0) throw new MoneyError('Cannot allocate over no ratios.');
  for (const ratio of ratios) {
    if (!Number.isSafeInteger(ratio) || ratio < 0) {
      throw new MoneyError(`Allocation ratio ${ratio} must be a non-negative whole number.`);
    }
  }
  const total = ratios.reduce((a, b) => a + b, 0);
  if (total === 0) {
    if (amount === 0) return ratios.map(() => minor(0));
    throw new MoneyError('Cannot allocate a non-zero amount over ratios that sum to zero.');
  }
  const sign = amount < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(amount));
  const bigTotal = BigInt(total);
  const shares = ratios.map((ratio, index) => {
    const exact = magnitude * BigInt(ratio);
    return { index, floor: exact / bigTotal, remainder: exact % bigTotal };
  });
  let leftover = magnitude - shares.reduce((acc, share) => acc + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.floor += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => minor(Number(share.floor * sign)));
}
