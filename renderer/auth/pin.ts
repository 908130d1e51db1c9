/**
 * PIN checks on the register, offline: against the device-keyed verifier the server sends each
 * register (pin-verifier.ts), or a PBKDF2 hash an older replica still holds
 * (src/documents/staff.ts). Repeated failures lock the keypad for a while.
 */
import type { PinHash, PinVerifier, StaffDoc } from '../../src/documents';
import type { DeviceApi } from '../../src/ipc/contract';
import {
  fromBase64,
  pbkdf2,
  PinKeyUnavailable,
  sameBytes,
  toBase64,
  verifierMatches,
} from './pin-verifier';
import type { PinMac } from './pin-verifier';
import type { ReplicaDatabase } from '../data/database';

/**
 * True when `pin` opens this member's PIN: a hash (what registers received before the device
 * key), or a verifier, which needs `mac` (the device host's HMAC).
 */
export async function pinMatches(
  pin: string,
  stored: PinHash | PinVerifier,
  mac?: PinMac,
): Promise<boolean> {
  if (stored.algorithm === 'pbkdf2-sha256-hmac') {
    if (!mac) throw new PinKeyUnavailable(NO_HOST);
    return verifierMatches(pin, stored, mac);
  }
  const expected = fromBase64(stored.hash);
  return sameBytes(await pbkdf2(pin, stored.salt, stored.iterations, expected.length), expected);
}

/**
 * The staff member whose PIN this is, among those who may work in this store. Throws
 * PinKeyUnavailable when a member's verifier could not be checked (the register has no PIN key
 * yet): that is not a wrong PIN, and the message says what to do.
 */
export async function findStaffByPin(
  pin: string,
  staff: readonly StaffDoc[],
  mac?: PinMac,
): Promise<StaffDoc | null> {
  let unchecked: PinKeyUnavailable | null = null;
  for (const member of staff) {
    if (!member.active) continue;
    try {
      if (await pinMatches(pin, member.pin, mac)) return member;
    } catch (error) {
      if (!(error instanceof PinKeyUnavailable)) throw error;
      unchecked = error;
    }
  }
  if (unchecked) throw unchecked;
  return null;
}

/**
 * findStaffByPin, with "this register cannot check PINs yet" as a message to show instead of a
 * thrown error (it is not a wrong PIN).
 */
export async function staffByPin(
  pin: string,
  staff: readonly StaffDoc[],
  mac?: PinMac,
): Promise<{ member: StaffDoc | null; problem?: string }> {
  try {
    return { member: await findStaffByPin(pin, staff, mac) };
  } catch (error) {
    if (error instanceof PinKeyUnavailable) return { member: null, problem: error.message };
    throw error;
  }
}

/** The device host's HMAC for PIN verifiers (`auth/pin-mac`), as findStaffByPin takes it. */
export function hostPinMac(api: Pick<DeviceApi, 'invoke'>): PinMac {
  return async (hash) => {
    const result = await api.invoke('auth/pin-mac', { hash: toBase64(hash) });
    if (!result.ok) throw new PinKeyUnavailable(result.message);
    return fromBase64(result.value.mac);
  };
}

const NO_HOST =
  'Không kiểm tra được mã PIN trên máy này (thiếu khoá của máy). / ' +
  'This register cannot check PINs here (its PIN key is missing).';

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
