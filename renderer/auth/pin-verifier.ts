/**
 * The register's check of a PIN against a verifier (src/staff/pin-verifier.ts): it needs the
 * device's PIN key, which is not in the replica.
 */
import type { PinVerifier } from '../../src/staff/pin-verifier';

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function hmac(
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  const imported = await crypto.subtle.importKey(
    'raw',
    key,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, data));
}

/** True when `pin` is the PIN behind this verifier; needs the device's key. */
export async function verifierMatches(
  pin: string,
  verifier: PinVerifier,
  deviceKey: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: fromBase64(verifier.salt),
      iterations: verifier.iterations,
    },
    material,
    256,
  );
  const candidate = await hmac(deviceKey, new Uint8Array(bits));
  const expected = fromBase64(verifier.verifier);
  if (candidate.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= (candidate[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
