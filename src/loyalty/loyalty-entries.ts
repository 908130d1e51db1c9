/**
 * Builders for new ledger entries. They fix each kind's sign and, above all, its idempotency
 * key, so a register, the web shop and the server naming the same fact name it the same way:
 *   earn:<sourceId>    one earning per sale or web order
 *   redeem:<sourceId>  one redemption per sale (a second points tender is one redemption)
 *   hold:<entryId>     a retry reuses the entry id (ids are made once, where the fact is born)
 *   release:<holdId>   a hold is released once, whoever releases it
 *   reverse:<originalId>:<sourceId>   one reversal per return or void of an entry
 *   adjust:<sourceId>  one adjustment per care ticket or manager action
 *   expire:<lotId>:<n> see loyalty-expiry.ts
 */
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import { LoyaltyError, uniqueEntries } from './loyalty-ledger';
import type { EntryContext } from './loyalty-ledger';
import { earnExpiry } from './loyalty-program';
import type { LoyaltyProgramRules } from '../documents/parts/loyalty-settings';

export interface EntrySubject {
  customerId: string;
  /** The sale, web order, return or care ticket the entry is about. */
  sourceId: string;
}

function wholePositive(points: number, what: string): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new LoyaltyError('bad-entry', `Points to ${what} must be a positive whole number.`);
  }
}

/** Points earned by a sale or an order, with the lot's expiry fixed now (see loyalty-expiry). */
export function earnEntry(
  subject: EntrySubject,
  points: number,
  rules: LoyaltyProgramRules,
  context: EntryContext,
): LoyaltyEntryDoc {
  wholePositive(points, 'earn');
  const expiresAt = earnExpiry(context.createdAt, rules);
  return {
    ...contextFields(context),
    ...subject,
    kind: 'earn',
    points,
    idempotencyKey: `earn:${subject.sourceId}`,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}

/** Points spent as a tender. */
export function redeemEntry(
  subject: EntrySubject,
  points: number,
  context: EntryContext,
): LoyaltyEntryDoc {
  wholePositive(points, 'redeem');
  return {
    ...contextFields(context),
    ...subject,
    kind: 'redeem',
    points: -points,
    idempotencyKey: `redeem:${subject.sourceId}`,
  };
}

/** Points reserved online for an open sale, lapsing after the program's hold time. */
export function holdEntry(
  subject: EntrySubject,
  points: number,
  rules: LoyaltyProgramRules,
  context: EntryContext,
): LoyaltyEntryDoc {
  wholePositive(points, 'hold');
  const createdAt = Date.parse(context.createdAt);
  if (Number.isNaN(createdAt)) {
    throw new LoyaltyError('bad-time', `"${context.createdAt}" is not a time.`);
  }
  return {
    ...contextFields(context),
    ...subject,
    kind: 'hold',
    points: -points,
    idempotencyKey: `hold:${context.id}`,
    holdExpiresAt: new Date(createdAt + rules.holdMinutes * 60_000).toISOString(),
  };
}

/** A manual correction, signed, always with a reason. */
export function adjustEntry(
  subject: EntrySubject,
  points: number,
  reason: string,
  context: EntryContext,
): LoyaltyEntryDoc {
  if (!Number.isSafeInteger(points) || points === 0) {
    throw new LoyaltyError('bad-entry', 'An adjustment is a non-zero whole number of points.');
  }
  if (!reason.trim()) throw new LoyaltyError('bad-entry', 'An adjustment needs a reason.');
  return {
    ...contextFields(context),
    ...subject,
    kind: 'adjust',
    points,
    idempotencyKey: `adjust:${subject.sourceId}`,
    reason,
  };
}

/** The who-and-where fields every new entry takes from its context. */
export function contextFields(
  context: EntryContext,
): Pick<LoyaltyEntryDoc, 'id' | 'createdAt' | 'channel' | 'storeId' | 'deviceId'> {
  return {
    id: context.id,
    createdAt: context.createdAt,
    channel: context.channel,
    ...(context.storeId === undefined ? {} : { storeId: context.storeId }),
    ...(context.deviceId === undefined ? {} : { deviceId: context.deviceId }),
  };
}

/**
 * Gives a hold back in full. The key is derived from the hold, so a register and the server
 * releasing the same hold at once still release it once.
 */
export function releaseEntry(hold: LoyaltyEntryDoc, context: EntryContext): LoyaltyEntryDoc {
  if (hold.kind !== 'hold') throw new LoyaltyError('not-a-hold', `${hold.id} is not a hold.`);
  return {
    ...contextFields(context),
    customerId: hold.customerId,
    kind: 'release',
    points: -hold.points,
    sourceId: hold.sourceId,
    idempotencyKey: `release:${hold.id}`,
    refersTo: hold.id,
  };
}

/** How many points of an earn or redeem are still there to be reversed. */
export function reversiblePoints(
  original: LoyaltyEntryDoc,
  entries: Iterable<LoyaltyEntryDoc>,
): number {
  if (original.kind !== 'earn' && original.kind !== 'redeem') return 0;
  let remaining = Math.abs(original.points);
  for (const entry of uniqueEntries(entries)) {
    if (entry.kind === 'reverse' && entry.refersTo === original.id) {
      remaining -= Math.abs(entry.points);
    }
  }
  return Math.max(0, remaining);
}

/**
 * Undoes `points` (a positive count) of an earn (a return takes the points back) or of a redeem
 * (a void gives them back). One reversal per original and source document: a return refunding
 * two lines of the same sale reverses once, with the points of both.
 */
export function reverseEntry(
  original: LoyaltyEntryDoc,
  points: number,
  source: { sourceId: string; reason?: string },
  entries: Iterable<LoyaltyEntryDoc>,
  context: EntryContext,
): LoyaltyEntryDoc {
  if (original.kind !== 'earn' && original.kind !== 'redeem') {
    throw new LoyaltyError('not-reversible', `Only earn and redeem entries can be reversed.`);
  }
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new LoyaltyError('bad-entry', `Points to reverse must be a positive whole number.`);
  }
  const remaining = reversiblePoints(original, entries);
  if (points > remaining) {
    throw new LoyaltyError(
      'over-reversal',
      `Cannot reverse ${points} points of ${original.id}: only ${remaining} remain.`,
    );
  }
  return {
    ...contextFields(context),
    customerId: original.customerId,
    kind: 'reverse',
    points: original.kind === 'earn' ? -points : points,
    sourceId: source.sourceId,
    idempotencyKey: `reverse:${original.id}:${source.sourceId}`,
    refersTo: original.id,
    ...(source.reason === undefined ? {} : { reason: source.reason }),
  };
}
