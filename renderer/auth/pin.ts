/**
 * PIN checks on the register, offline, with the same PBKDF2-SHA256 hash the server stores
 * (src/documents/staff.ts). Repeated failures lock the keypad for a while.
 */
import type { PinHash, StaffDoc } from '../../src/documents';

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

/** Failed attempts and lockout, kept per register in memory and in localStorage across reloads. */
export class PinLockout {
  private failures: number;
  private lockedUntil: number;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    const saved = storage?.getItem('omnitill.pinLockout');
    const parsed = saved ? (JSON.parse(saved) as { failures: number; lockedUntil: number }) : null;
    this.failures = parsed?.failures ?? 0;
    this.lockedUntil = parsed?.lockedUntil ?? 0;
  }

  /** Milliseconds left of a lockout, or 0. */
  remaining(now: number): number {
    return Math.max(0, this.lockedUntil - now);
  }

  attemptsLeft(): number {
    return MAX_PIN_ATTEMPTS - this.failures;
  }

  recordFailure(now: number): void {
    this.failures += 1;
    if (this.failures >= MAX_PIN_ATTEMPTS) {
      this.lockedUntil = now + LOCKOUT_MS;
      this.failures = 0;
    }
    this.save();
  }

  recordSuccess(): void {
    this.failures = 0;
    this.lockedUntil = 0;
    this.save();
  }

  private save(): void {
    this.storage?.setItem(
      'omnitill.pinLockout',
      JSON.stringify({ failures: this.failures, lockedUntil: this.lockedUntil }),
    );
  }
}
