/**
 * A copied replica alone allows no offline PIN guessing once it holds verifiers (issue #15: the
 * PBKDF2 hashes of a Hà Nội replica gave all four demo PINs in 411 s). The attack is a guess
 * checked against what the replica holds; with the PBKDF2 hash it succeeds, with the verifier it
 * cannot without the device's key, and another register's key does not open it either.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pinMatches } from '../../../renderer/auth/pin';
import { keyedMac, verifierMatches } from '../../../renderer/auth/pin-verifier';
import { devicePinKey, hashPin, pinVerifier } from '../../../sync-server/access/staff-pin';
import type { PinHash } from '../../../src/documents';

const SERVER_SECRET = new Uint8Array(randomBytes(32));
const PIN = '482915';

/** The attacker's check of a guess against a replica's `pin` field, as today's register does. */
const guessMatches = (guess: string, held: PinHash): Promise<boolean> => pinMatches(guess, held);

describe('PIN verifiers', () => {
  it('a replica holding the PBKDF2 hash confirms the right guess (the attack today)', async () => {
    expect(await guessMatches(PIN, await hashPin(PIN))).toBe(true);
  });

  it('a verifier confirms no guess without the device key, and the register’s key does', async () => {
    const hash = await hashPin(PIN);
    const key = devicePinKey(SERVER_SECRET, 'dev_hanoi_1');
    const held = pinVerifier(key, hash);
    expect(JSON.stringify(held)).not.toContain(hash.hash);
    // Read as if it were a hash: the right PIN does not match.
    const asHash: PinHash = { ...held, algorithm: 'pbkdf2-sha256', hash: held.verifier };
    expect(await guessMatches(PIN, asHash)).toBe(false);
    expect(
      await verifierMatches(PIN, held, keyedMac(devicePinKey(SERVER_SECRET, 'dev_hcm_1'))),
    ).toBe(false);
    expect(await verifierMatches(PIN, held, keyedMac(new Uint8Array(randomBytes(32))))).toBe(false);
    expect(await verifierMatches(PIN, held, keyedMac(key))).toBe(true);
    expect(await verifierMatches('482916', held, keyedMac(key))).toBe(false);
  });

  it('keys differ per device and refuse a short server secret', () => {
    const one = devicePinKey(SERVER_SECRET, 'dev_a');
    expect(Buffer.from(one).equals(Buffer.from(devicePinKey(SERVER_SECRET, 'dev_b')))).toBe(false);
    expect(Buffer.from(one).equals(Buffer.from(devicePinKey(SERVER_SECRET, 'dev_a')))).toBe(true);
    expect(() => devicePinKey(new Uint8Array(8), 'dev_a')).toThrow(/32 bytes/);
  });
});
