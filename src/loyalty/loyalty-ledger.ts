/**
 * The points ledger: balances are sums of immutable LoyaltyEntryDoc facts, never a counter
 * (ARCHITECTURE.md rule 1). Entries arrive by replication in any order and sometimes twice, so
 * every function here first keeps one entry per idempotency key and never depends on order.
 *
 * Balance, precisely (per customer, over unique entries):
 *   earned    = Σ earn + Σ reverse<0            (earnings net of those undone by returns)
 *   redeemed  = −(Σ redeem + Σ reverse>0)        (spending net of voided redemptions)
 *   held      = −(Σ hold + Σ release)            (holds not yet released)
 *   expired   = −Σ expire
 *   adjusted  = Σ adjust                         (signed)
 *   available = earned − redeemed − held − expired + adjusted  = Σ points of all entries
 * so `available` is the plain sum, and every component is a sum too.
 */
import type { Channel } from '../documents/customer';
import type { LoyaltyEntryDoc, LoyaltyEntryKind } from '../documents/loyalty-entry';

export type LoyaltyErrorCode =
  'bad-entry' | 'not-reversible' | 'over-reversal' | 'not-a-hold' | 'bad-rules' | 'bad-time';

export class LoyaltyError extends Error {
  override readonly name = 'LoyaltyError';
  constructor(
    readonly code: LoyaltyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface LoyaltyBalance {
  earned: number;
  redeemed: number;
  held: number;
  expired: number;
  adjusted: number;
  available: number;
}

/** Who and where a new entry is written; the id is made by the caller with `timeOrderedId`. */
export interface EntryContext {
  id: string;
  createdAt: string;
  channel: Channel;
  storeId?: string;
  deviceId?: string;
}

/** Orders entries by creation time, then id, so every machine walks them the same way. */
export function byCreation(a: LoyaltyEntryDoc, b: LoyaltyEntryDoc): number {
  const time = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (time !== 0) return time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One entry per idempotency key (and per id): the same fact written twice, by a retry under a
 * new id or by a replayed queue, counts once. The survivor is the smallest id, so the choice does
 * not depend on the order replication delivered them in.
 */
export function uniqueEntries(entries: Iterable<LoyaltyEntryDoc>): LoyaltyEntryDoc[] {
  const byKey = new Map<string, LoyaltyEntryDoc>();
  for (const entry of entries) {
    const kept = byKey.get(entry.idempotencyKey);
    if (!kept || entry.id < kept.id) byKey.set(entry.idempotencyKey, entry);
  }
  const byId = new Map<string, LoyaltyEntryDoc>();
  for (const entry of byKey.values()) byId.set(entry.id, entry);
  return [...byId.values()].sort(byCreation);
}

const SIGN: Readonly<Record<LoyaltyEntryKind, 'positive' | 'negative' | 'non-zero'>> = {
  earn: 'positive',
  redeem: 'negative',
  hold: 'negative',
  release: 'positive',
  reverse: 'non-zero',
  adjust: 'non-zero',
  expire: 'negative',
};

/** What is wrong with an entry beyond its schema (signs, references), for the sync-server's door. */
export function loyaltyEntryProblems(entry: LoyaltyEntryDoc): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(entry.points)) problems.push('points must be a whole number');
  const sign = SIGN[entry.kind];
  if (sign === 'positive' && !(entry.points > 0)) problems.push(`${entry.kind} must be positive`);
  if (sign === 'negative' && !(entry.points < 0)) problems.push(`${entry.kind} must be negative`);
  if (sign === 'non-zero' && entry.points === 0) problems.push(`${entry.kind} must not be zero`);
  if ((entry.kind === 'release' || entry.kind === 'reverse') && !entry.refersTo) {
    problems.push(`${entry.kind} must refer to the entry it undoes`);
  }
  if (entry.kind === 'adjust' && !entry.reason?.trim()) problems.push('adjust needs a reason');
  if (entry.kind === 'hold' && !entry.holdExpiresAt) problems.push('hold needs holdExpiresAt');
  if (Number.isNaN(Date.parse(entry.createdAt))) problems.push('createdAt is not a time');
  return problems;
}

function emptyBalance(): LoyaltyBalance {
  return { earned: 0, redeemed: 0, held: 0, expired: 0, adjusted: 0, available: 0 };
}

function addToBalance(balance: LoyaltyBalance, entry: LoyaltyEntryDoc): void {
  const points = entry.points;
  switch (entry.kind) {
    case 'earn':
      balance.earned += points;
      break;
    case 'redeem':
      balance.redeemed -= points;
      break;
    case 'hold':
    case 'release':
      balance.held -= points;
      break;
    case 'reverse':
      // The sign says what is undone: taking points back undoes an earn, giving back a redeem.
      if (points < 0) balance.earned += points;
      else balance.redeemed -= points;
      break;
    case 'adjust':
      balance.adjusted += points;
      break;
    case 'expire':
      balance.expired -= points;
      break;
  }
  balance.available += points;
}

/** A customer's balance from whatever entries are at hand (others' entries are ignored). */
export function loyaltyBalance(
  entries: Iterable<LoyaltyEntryDoc>,
  customerId: string,
): LoyaltyBalance {
  const balance = emptyBalance();
  for (const entry of uniqueEntries(entries)) {
    if (entry.customerId === customerId) addToBalance(balance, entry);
  }
  return balance;
}

/** Every customer's balance at once (the server's reconciliation, snapshots it publishes). */
export function balancesByCustomer(
  entries: Iterable<LoyaltyEntryDoc>,
): Map<string, LoyaltyBalance> {
  const balances = new Map<string, LoyaltyBalance>();
  for (const entry of uniqueEntries(entries)) {
    let balance = balances.get(entry.customerId);
    if (!balance) {
      balance = emptyBalance();
      balances.set(entry.customerId, balance);
    }
    addToBalance(balance, entry);
  }
  return balances;
}

/** Holds of a customer that no release refers to yet. */
export function activeHolds(
  entries: Iterable<LoyaltyEntryDoc>,
  customerId: string,
): LoyaltyEntryDoc[] {
  const unique = uniqueEntries(entries).filter((entry) => entry.customerId === customerId);
  const released = new Set(
    unique.filter((entry) => entry.kind === 'release').map((entry) => entry.refersTo),
  );
  return unique.filter((entry) => entry.kind === 'hold' && !released.has(entry.id));
}

/**
 * Active holds past their `holdExpiresAt`: a register that crashed mid-sale never releases them,
 * so the server writes the releases (with `releaseEntry`). Until it does, the points stay held:
 * the balance errs on the side of the retailer and stays a plain sum.
 */
export function lapsedHolds(entries: Iterable<LoyaltyEntryDoc>, asOf: string): LoyaltyEntryDoc[] {
  const unique = uniqueEntries(entries);
  const now = Date.parse(asOf);
  if (Number.isNaN(now)) throw new LoyaltyError('bad-time', `"${asOf}" is not a time.`);
  const released = new Set(
    unique.filter((entry) => entry.kind === 'release').map((entry) => entry.refersTo),
  );
  return unique.filter(
    (entry) =>
      entry.kind === 'hold' &&
      !released.has(entry.id) &&
      entry.holdExpiresAt !== undefined &&
      Date.parse(entry.holdExpiresAt) <= now,
  );
}
