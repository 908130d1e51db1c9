/**
 * A PIN verifier a copied replica cannot check PINs against (issue #15): instead of the PBKDF2
 * hash, a register would hold `HMAC-SHA256(deviceKey, PBKDF2(pin))`. Guessing a PIN from the
 * replica then needs the device key, kept outside the replica (Electron's safeStorage, or a key
 * file outside the data folder in the browser shell). The register, holding the key, still
 * checks a PIN offline: PBKDF2 as before, then one HMAC. Made by the server
 * (sync-server/access/staff-pin.ts, `pinVerifier`), checked by the register
 * (renderer/auth/pin-verifier.ts).
 */
export type { PinVerifier } from '../documents/staff';

/** A device PIN key's length in bytes. */
export const DEVICE_PIN_KEY_BYTES = 32;
