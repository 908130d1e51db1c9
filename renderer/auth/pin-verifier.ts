/**
 * The register's check of a PIN against a verifier (src/documents/staff.ts `PinVerifier`): PBKDF2
 * here, then the HMAC with the register's PIN key, which only the device host holds
 * (main/host/pin-key.ts, the `auth/pin-mac` command). Nothing in the replica or the page lets a
 * PIN be tried without asking the host.
 */
import type { PinVerifier } from '../../src/documents';

/** HMAC-SHA256 with the register's PIN key over a PBKDF2 hash. */
export type PinMac = (hash: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

/** The host could not make the HMAC (no key yet): the PIN was not checked at all. */
export class PinKeyUnavailable extends Error {
  override readonly name = 'PinKeyUnavailable';
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export async function pbkdf2(
  pin: string,
  salt: string,
  iterations: number,
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** A PinMac over a key in hand (tests, tools); the register's goes through its device host. */
export function keyedMac(key: Uint8Array<ArrayBuffer>): PinMac {
  return async (hash) => {
    const imported = await crypto.subtle.importKey(
      'raw',
      key,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return new Uint8Array(await crypto.subtle.sign('HMAC', imported, hash));
  };
}

/** True when `pin` is the PIN behind this verifier. */
export async function verifierMatches(
  pin: string,
  verifier: PinVerifier,
  mac: PinMac,
): Promise<boolean> {
  const hash = await pbkdf2(pin, verifier.salt, verifier.iterations, 32);
  return sameBytes(await mac(hash), fromBase64(verifier.verifier));
}
