/**
 * PIN checks on the register, offline, with the same PBKDF2-SHA256 hash the server stores
 * (src/documents/staff.ts). Repeated failures lock the keypad for a while.
 */
import type { PinHash, StaffDoc } from '../../src/documents';
import type { ReplicaDatabase } from '../data/database';

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export async function pinMatches(pin: string, hash: PinHash): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const expected = fromBase64(hash.hash);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(hash.salt), iterations: hash.iterations },
    key,
    expected.length * 8,
  );
  return sameBytes(new Uint8Array(bits), expected);
}

/** The staff member whose PIN this is, among those who may work in this store. */
export async function findStaffByPin(
  pin: string,
  staff: readonly StaffDoc[],
): Promise<StaffDoc | null> {
  for (const member of staff) {
    if (member.active && (await pinMatches(pin, member.pin))) return member;
  }
  return null;
}

export const MAX_PIN_ATTEMPTS = 5;
export const LOCKOUT_MS = 60_000;

export interface LockoutState {
  failures: number;
  lockedUntil: number;
}

/** Where the lockout is kept between reloads. */
export interface LockoutStore {
  read(): Promise<LockoutState | null>;
  write(state: LockoutState): Promise<void>;
}

const LOCKOUT_DOC = 'pin-lockout';

/**
 * The lockout in a local document of the register's replica (IndexedDB): clearing localStorage,
 * or reloading, does not reset it (issue #15); only wiping the whole replica does, which also
 * loses the staff list and needs the register to sync again.
 */
export function replicaLockoutStore(
  db: Pick<ReplicaDatabase, 'getLocal' | 'upsertLocal'>,
): LockoutStore {
  return {
    async read() {
      const doc = await db.getLocal<LockoutState>(LOCKOUT_DOC);
      const failures: unknown = doc?.get('failures');
      const lockedUntil: unknown = doc?.get('lockedUntil');
      return typeof failures === 'number' && typeof lockedUntil === 'number'
        ? { failures, lockedUntil }
        : null;
    },
    async write(state) {
      await db.upsertLocal<LockoutState>(LOCKOUT_DOC, state);
    },
  };
}

/**
 * Failed attempts and lockout of this register's keypad, kept in a LockoutStore. An attempt is
 * counted as failed before its PIN is checked and cleared when it matches, so reloading the page
 * during the (slow) check does not take it back.
 */
export class PinLockout {
  private constructor(
    private readonly store: LockoutStore,
    private state: LockoutState,
  ) {}

  static async open(store: LockoutStore): Promise<PinLockout> {
    return new PinLockout(store, (await store.read()) ?? { failures: 0, lockedUntil: 0 });
  }

  /** Milliseconds left of a lockout, or 0. */
  remaining(now: number): number {
    return Math.max(0, this.state.lockedUntil - now);
  }

  attemptsLeft(): number {
    return MAX_PIN_ATTEMPTS - this.state.failures;
  }

  async recordFailure(now: number): Promise<void> {
    const failures = this.state.failures + 1;
    this.state =
      failures >= MAX_PIN_ATTEMPTS
        ? { failures: 0, lockedUntil: now + LOCKOUT_MS }
        : { failures, lockedUntil: this.state.lockedUntil };
    await this.store.write(this.state);
  }

  async recordSuccess(): Promise<void> {
    this.state = { failures: 0, lockedUntil: 0 };
    await this.store.write(this.state);
  }
}
