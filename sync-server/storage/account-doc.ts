/**
 * Overdraft decisions serialised through the database itself, so that several sync-server
 * processes in front of one CouchDB cluster cannot each approve half of the same balance
 * (ARCHITECTURE.md rule 4). Each account (a customer's points, a credit note or gift card number)
 * has one document in `omnitill-accounts`; every hold, confirmation and release is recorded there
 * first, written with the `_rev` it was decided on. Of two processes deciding on one account at
 * once, exactly one write lands; the other reads the account again, now with the winner's hold in
 * it, and decides again. The ledger entries follow the account write; until they are readable
 * (or if a process died in between), the account's own record of the hold is what counts.
 *
 * Order matters: the account is read before the ledger, so a hold that was already dropped from
 * the account (because its entries were readable) is certainly in the ledger read that follows.
 */
import { ApiError } from '../http/api-error';
import { INTERNAL_DATABASES } from './database-layout';
import type { DocumentStore } from './document-store';

const DB = INTERNAL_DATABASES.accounts;

/** How long an open hold stays on its account after it lapsed (the expiry sweep releases it). */
const SETTLED_KEEP_MS = 24 * 60 * 60 * 1000;
const ATTEMPTS = 12;

export type AccountHoldState = 'held' | 'confirmed' | 'released';

export interface AccountHold {
  id: string;
  /** Points, or minor units of the note's currency. */
  amount: number;
  state: AccountHoldState;
  expiresAt: string;
  /** When the hold was placed. */
  at: string;
  /** The hold's own ledger entry, so a process can write it if the one that decided died. */
  entry: Record<string, unknown>;
}

export interface AccountDoc {
  _id: string;
  _rev?: string;
  holds: AccountHold[];
}

/** What a decision does to the account: the holds to keep (written), or nothing to write. */
export type AccountDecision<T> = { holds: AccountHold[]; result: T } | { result: T };

const accountId = (key: string) => `acct_${encodeURIComponent(key)}`;

async function readAccount(store: DocumentStore, key: string): Promise<AccountDoc> {
  const id = accountId(key);
  const doc = (await store.getCurrent(DB, [id])).get(id);
  if (!doc || doc._deleted) return { _id: id, holds: [] };
  const holds = Array.isArray(doc.holds) ? (doc.holds as AccountHold[]) : [];
  return { _id: id, _rev: String(doc._rev), holds };
}

/**
 * Reads the account, lets `decide` look at it (and at the ledger, read after it), and writes
 * the holds it returns with the `_rev` it read. On a conflict (another process decided on this
 * account meanwhile) it starts again; after many conflicts in a row it answers 503 `busy`.
 * `decide` may throw an ApiError to refuse; nothing is written then.
 */
export async function decideOnAccount<T>(
  store: DocumentStore,
  key: string,
  decide: (holds: readonly AccountHold[]) => Promise<AccountDecision<T>> | AccountDecision<T>,
): Promise<T> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const account = await readAccount(store, key);
    const decision = await decide(account.holds);
    if (!('holds' in decision)) return decision.result;
    const next: AccountDoc = {
      _id: account._id,
      holds: decision.holds,
      ...(account._rev ? { _rev: account._rev } : {}),
    };
    const [row] = await store.bulkDocs(DB, [next as unknown as Record<string, unknown>], true);
    if (row?.ok) return decision.result;
    if (row?.error !== 'conflict') {
      throw new ApiError(
        500,
        'internal_error',
        `The account ${key} was not written: ${row?.reason ?? 'no reply'}; retry.`,
      );
    }
    // Another process decided on this account first: wait a little (less in step with it) and
    // decide again with its hold counted.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
  }
  throw new ApiError(
    503,
    'busy',
    `Too many registers are using account ${key} at once; retry in a moment.`,
  );
}

/**
 * The holds worth keeping: any the ledger does not show yet (`reflected` says whether it shows
 * everything the hold's state implies), and open ones until a day after they lapse (their state
 * here is what a confirm or release decides on). A settled hold the ledger shows is dropped: any
 * process reading the account after that reads the ledger after it too, and finds it there.
 */
export function holdsToKeep(
  holds: readonly AccountHold[],
  reflected: (hold: AccountHold) => boolean,
  now: number,
): AccountHold[] {
  return holds.filter(
    (hold) =>
      !reflected(hold) ||
      (hold.state === 'held' && Date.parse(hold.expiresAt) + SETTLED_KEEP_MS > now),
  );
}

/** The account's hold `id` with a new state (placed anew when the account had not seen it). */
export function withState(
  holds: readonly AccountHold[],
  hold: AccountHold,
  state: AccountHoldState,
): AccountHold[] {
  return [...holds.filter((other) => other.id !== hold.id), { ...hold, state }];
}
