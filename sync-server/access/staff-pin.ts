/**
 * Checks a member of staff's PIN at the server, against the same PBKDF2 hash the registers use
 * (src/documents/staff.ts), for actions a device may only take with a manager's approval.
 * Repeated wrong PINs from one device lock it out for a while (pin-attempts.ts).
 */
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PinHash } from '../../src/documents';
import { DEVICE_PIN_KEY_BYTES } from '../../src/staff/pin-verifier';
import type { PinVerifier } from '../../src/staff/pin-verifier';

/** The server stores hashes only: a member whose document carries a verifier never matches. */
export function pinMatches(pin: string, hash: PinHash | PinVerifier): Promise<boolean> {
  if (hash.algorithm !== 'pbkdf2-sha256') return Promise.resolve(false);
  const expected = Buffer.from(hash.hash, 'base64');
  return new Promise((resolve, reject) => {
    pbkdf2(
      pin,
      Buffer.from(hash.salt, 'base64'),
      hash.iterations,
      expected.length,
      'sha256',
      (error, key) => {
        if (error) reject(error);
        else resolve(key.length === expected.length && timingSafeEqual(key, expected));
      },
    );
  });
}

/** PBKDF2 rounds of a PIN hash the server makes (src/documents/staff.ts allows 10,000 and up). */
export const PIN_ITERATIONS = 100_000;

/** Hashes a PIN as the registers check it (renderer/auth/pin.ts), with a fresh salt. */
export function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    pbkdf2(pin, salt, PIN_ITERATIONS, 32, 'sha256', (error, key) => {
      if (error) reject(error);
      else {
        resolve({
          algorithm: 'pbkdf2-sha256',
          iterations: PIN_ITERATIONS,
          salt: salt.toString('base64'),
          hash: key.toString('base64'),
        });
      }
    });
  });
}

/**
 * The PIN key of one device, derived from the server's PIN secret (kept in its data folder) and
 * the device id: each register's verifiers (src/staff/pin-verifier.ts) differ, so one leaked
 * key opens one register's replica only, and the server needs to store no key per device.
 */
export function devicePinKey(
  serverPinSecret: Uint8Array,
  deviceId: string,
): Uint8Array<ArrayBuffer> {
  if (serverPinSecret.length < 32) throw new Error('The server PIN secret has at least 32 bytes.');
  const key = createHmac('sha256', serverPinSecret).update(`omnitill-pin-key:${deviceId}`).digest();
  return new Uint8Array(key);
}

/** What a register with this key holds instead of the PIN hash. */
export function pinVerifier(deviceKey: Uint8Array, hash: PinHash): PinVerifier {
  if (deviceKey.length < DEVICE_PIN_KEY_BYTES) throw new Error('A device PIN key is 32 bytes.');
  const verifier = createHmac('sha256', deviceKey).update(Buffer.from(hash.hash, 'base64'));
  return {
    algorithm: 'pbkdf2-sha256-hmac',
    iterations: hash.iterations,
    salt: hash.salt,
    verifier: verifier.digest('base64'),
  };
}
