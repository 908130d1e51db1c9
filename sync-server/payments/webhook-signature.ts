/**
 * Who may tell the server that money arrived: only a sender holding the retailer's webhook
 * secret. Each request carries `X-Omnitill-Timestamp` (Unix seconds) and
 * `X-Omnitill-Signature: sha256=<hex>`, the HMAC-SHA256 with the secret of the timestamp, a dot
 * and the raw body bytes as received. The timestamp is inside the MAC so it cannot be moved, and
 * must be within five minutes of the server's clock, so a captured request cannot be replayed
 * later (a replay within the window is caught by the transaction id: payment-ledger.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-omnitill-timestamp';
export const SIGNATURE_HEADER = 'x-omnitill-signature';
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Shorter secrets are refused at start-up: an HMAC key is only as strong as its entropy. */
export const MIN_SECRET_LENGTH = 32;

export function signatureOf(secret: string, timestamp: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The headers a sender (or a test) attaches to `rawBody`. */
export function signedHeaders(
  secret: string,
  rawBody: Uint8Array,
  nowMs = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `sha256=${signatureOf(secret, timestamp, rawBody)}`,
  };
}

/** Null when the request is genuine and fresh; otherwise why not (said to the sender). */
export function signatureProblem(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: Uint8Array,
  nowMs = Date.now(),
): string | null {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return `Send ${TIMESTAMP_HEADER}: the time of signing in Unix seconds.`;
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature ?? '');
  if (!match?.[1]) {
    return `Send ${SIGNATURE_HEADER}: sha256= and the hex HMAC-SHA256 of "<timestamp>.<body>".`;
  }
  const expected = Buffer.from(signatureOf(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(match[1], 'hex');
  // Compared in constant time, and before the clock: a forger learns nothing from the answer.
  if (!timingSafeEqual(expected, given)) {
    return 'The signature does not match the body; sign the exact bytes sent with the shared secret.';
  }
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) {
    return 'The timestamp is more than 5 minutes from the server clock; sign each request as it is sent and check both clocks (NTP).';
  }
  return null;
}
