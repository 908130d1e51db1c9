/**
 * A stored-value number's account as the server knows it: the server's own entries (gift card
 * issues, holds and their closings in `omnitill-stored-value`), read through the server index
 * with the facts of the returns and sales that issued or spent it, and the hold decisions of its
 * account document (account-doc.ts) that its entries do not show yet.
 */
import { minor } from '../../src/money';
import type { Minor } from '../../src/money';
import { storedValueAccount } from '../../src/stored-value';
import type { StoredValueAccount, StoredValueHold, StoredValueIssue } from '../../src/stored-value';
import type { AccountHold } from '../storage/account-doc';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import type { StoredValuePosting } from './index-projections';
import type { ServerIndex } from './server-index';

export const STORED_VALUE_DB = INTERNAL_DATABASES.storedValue;
const DB = STORED_VALUE_DB;

/** The server's own entries; one document each, never edited. */
export type StoredValueEntry =
  | (Omit<StoredValueIssue, 'type'> & { _id: string; type: 'issue'; idempotencyKey: string })
  | {
      _id: string;
      type: 'hold';
      number: string;
      amount: Minor;
      saleId: string;
      expiresAt: string;
      createdAt: string;
      by: string;
      storeId?: string;
    }
  | { _id: string; type: 'confirm' | 'release'; holdId: string; at: string; by: string };

export type HoldEntry = Extract<StoredValueEntry, { type: 'hold' }>;

export const confirmationId = (holdId: string) => `svc_${holdId.slice('svh_'.length)}`;
export const releaseId = (holdId: string) => `svr_${holdId.slice('svh_'.length)}`;

/**
 * The status of holds, read by id: a confirmation (`svc_…`) closes a hold for good, a release
 * (`svr_…`) only when no confirmation exists. Same rule as the entries were read as a whole.
 */
export async function holdStatuses(
  store: DocumentStore,
  holdIds: readonly string[],
): Promise<Map<string, StoredValueHold['status']>> {
  const closing = await store.getCurrent(DB, [
    ...holdIds.map(confirmationId),
    ...holdIds.map(releaseId),
  ]);
  const live = (id: string) => {
    const doc = closing.get(id);
    return doc !== undefined && !doc._deleted;
  };
  return new Map(
    holdIds.map((holdId) => [
      holdId,
      live(confirmationId(holdId)) ? 'confirmed' : live(releaseId(holdId)) ? 'released' : 'held',
    ]),
  );
}

/**
 * One note's facts and holds from the server index (sv:<number>): the gift card issues and holds
 * of `omnitill-stored-value`, the credit notes and reversals of returns, the redemptions of
 * sales, in that order (database, then id), as the full read gave them.
 */
export async function storedValueAccountOf(
  index: ServerIndex,
  store: DocumentStore,
  number: string,
  now: string,
): Promise<StoredValueAccount> {
  await index.catchUp();
  const postings = await index.postings<StoredValuePosting>('sv', number);
  const facts = postings.flatMap((posting) => posting.value.facts);
  const holdEntries = postings.flatMap((posting) =>
    posting.value.hold ? [posting.value.hold] : [],
  );
  const statuses = await holdStatuses(
    store,
    holdEntries.map((hold) => hold._id),
  );
  const holds = holdEntries.map((entry) => holdOf(entry, statuses.get(entry._id) ?? 'held'));
  return storedValueAccount(number, facts, holds, now);
}

export function holdOf(entry: HoldEntry, status: StoredValueHold['status']): StoredValueHold {
  return {
    holdId: entry._id,
    number: entry.number,
    amount: entry.amount,
    saleId: entry.saleId,
    expiresAt: entry.expiresAt,
    status,
  };
}

export const accountKey = (number: string) => `sv:${number}`;

/**
 * What the note's account holds that its stored entries do not show yet: open holds and
 * confirmations decided on another process whose hold entry is not stored yet.
 */
export function unshownAmount(
  holds: readonly AccountHold[],
  stored: Set<string>,
  now: number,
): number {
  return holds
    .filter((hold) => !stored.has(hold.id))
    .filter(
      (hold) =>
        hold.state === 'confirmed' || (hold.state === 'held' && Date.parse(hold.expiresAt) > now),
    )
    .reduce((total, hold) => total + hold.amount, 0);
}

export function withUnshown(account: StoredValueAccount, unshown: number): StoredValueAccount {
  if (unshown === 0) return account;
  return {
    ...account,
    held: minor(account.held + unshown),
    available: minor(Math.max(0, account.available - unshown)),
  };
}
