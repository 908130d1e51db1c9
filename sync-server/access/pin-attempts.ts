/**
 * Wrong PINs the server itself checked (a manager approving a settings change, a supervisor
 * confirming a transfer by hand), counted per register: 5 wrong lock it out for 60 s, the same
 * limits as the register's own keypad (renderer/auth/pin.ts).
 *
 * The count lives in the server's own database (`omnitill-pin-attempts`), one document per
 * register, written with the `_rev` it was read at and retried on conflict like the accounts
 * (storage/account-doc.ts): a restart does not reset it, and several instances in front of one
 * CouchDB share it, so alternating between them buys no extra guesses.
 *
 * An attempt is counted before its PIN is checked and forgiven when the PIN matches (as the
 * keypad does): of a burst of guesses sent at once, only the first five are checked at all.
 */
import type { StaffDoc } from '../../src/documents';
import { worksInStore } from '../../src/staff/staff-rules';
import { ApiError, forbidden } from '../http/api-error';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { pinMatches } from './staff-pin';
import { KeyedQueue } from '../storage/keyed-queue';

const DB = INTERNAL_DATABASES.pinAttempts;
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 60_000;
const WRITE_ATTEMPTS = 12;

interface AttemptsState {
  /** Attempts counted since the last match or lockout. */
  failures: number;
  /** Epoch ms until which no PIN from this key is checked; 0 when none. */
  lockedUntil: number;
}

const docId = (key: string) => `pin_${encodeURIComponent(key)}`;

function stateOf(doc: StoredDoc | undefined): AttemptsState {
  if (!doc || doc._deleted) return { failures: 0, lockedUntil: 0 };
  return {
    failures: typeof doc.failures === 'number' ? doc.failures : 0,
    lockedUntil: typeof doc.lockedUntil === 'number' ? doc.lockedUntil : 0,
  };
}

/** This process's writers of one register's attempts, one at a time (storage/keyed-queue.ts). */
const WRITERS = new KeyedQueue();

export class PinAttempts {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Counts one attempt for `key` before its PIN is checked: 0 when it may be checked, else the
   * milliseconds still to wait (nothing counted). The fifth attempt starts the lockout but is
   * still checked; a match then lifts it (`succeeded`).
   */
  async begin(key: string): Promise<number> {
    let waitMs = 0;
    await this.update(key, (state, now) => {
      waitMs = Math.max(0, state.lockedUntil - now);
      if (waitMs > 0) return undefined;
      const failures = state.failures + 1;
      return failures >= MAX_PIN_FAILURES
        ? { failures: 0, lockedUntil: now + PIN_LOCKOUT_MS }
        : { failures, lockedUntil: 0 };
    });
    return waitMs;
  }

  /** The PIN matched: the attempts counted for `key` are forgiven. */
  async succeeded(key: string): Promise<void> {
    await this.update(key, (state) =>
      state.failures === 0 && state.lockedUntil === 0 ? undefined : { failures: 0, lockedUntil: 0 },
    );
  }

  /** Milliseconds `key` must still wait, or 0 (reads only). */
  async lockedFor(key: string): Promise<number> {
    const id = docId(key);
    const state = stateOf((await this.store.getCurrent(DB, [id])).get(id));
    return Math.max(0, state.lockedUntil - this.clock());
  }

  /** Read, decide, write with the `_rev` read; again on a conflict (another instance wrote). */
  private update(
    key: string,
    decide: (state: AttemptsState, now: number) => AttemptsState | undefined,
  ): Promise<void> {
    return WRITERS.run(docId(key), () => this.write(key, decide));
  }

  private async write(
    key: string,
    decide: (state: AttemptsState, now: number) => AttemptsState | undefined,
  ): Promise<void> {
    const id = docId(key);
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const current = (await this.store.getCurrent(DB, [id])).get(id);
      const next = decide(stateOf(current), this.clock());
      if (!next) return;
      const body = {
        _id: id,
        ...next,
        ...(current && !current._deleted ? { _rev: current._rev } : {}),
      };
      const [row] = await this.store.bulkDocs(DB, [body], true);
      if (row?.ok) return;
      if (row?.error !== 'conflict') {
        throw new ApiError(
          500,
          'internal_error',
          `The PIN attempts were not recorded: ${row?.reason ?? 'no reply'}; retry.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
    throw new ApiError(503, 'busy', 'Too many PIN checks from this register at once; retry.');
  }
}

/**
 * The one PIN check both server routes make: the register must not be locked out, the member
 * must be active, work in `storeId` and have typed their PIN. Throws 429 or 403 saying what to
 * do; answers the member otherwise (whether their role may do the action is the caller's rule).
 */
export async function requireStaffPin(
  attempts: PinAttempts,
  deviceId: string,
  staff: StaffDoc | undefined,
  storeId: string,
  pin: string,
): Promise<StaffDoc> {
  const waitMs = await attempts.begin(deviceId);
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new ApiError(
      429,
      'locked',
      `Too many wrong PINs from this register; try again in ${seconds} s.`,
      { retryAfter: seconds },
    );
  }
  const worksHere = staff?.active === true && worksInStore(staff, storeId);
  if (!staff || !worksHere || !(await pinMatches(pin, staff.pin))) {
    throw forbidden(
      'The PIN does not match a member of staff of this store; check it and try again.',
    );
  }
  await attempts.succeeded(deviceId);
  return staff;
}
