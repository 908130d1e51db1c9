/**
 * payOS signs its webhook in the body: `signature` is the hex HMAC-SHA256, with the payment
 * channel's checksum key, of the `data` fields sorted by name and joined as `key=value&…`
 * (payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature). With that key configured,
 * a payOS notification is accepted on its own signature; it carries no signing time, so a replay
 * is stopped by the transaction id alone (payment-ledger.ts), never by the clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isPlainObject } from '../http/read-json-body';

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Null and absent fields sign as empty; payOS sends no nested values in `data`.
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export function payosSignatureOf(data: Record<string, unknown>, checksumKey: string): string {
  const text = Object.keys(data)
    .sort()
    .map((key) => `${key}=${fieldText(data[key])}`)
    .join('&');
  return createHmac('sha256', checksumKey).update(text).digest('hex');
}

/** Null when `body.signature` is payOS's signature of `body.data`; otherwise why not. */
export function payosSignatureProblem(body: unknown, checksumKey: string): string | null {
  if (!isPlainObject(body) || !isPlainObject(body.data) || typeof body.signature !== 'string') {
    return 'A payOS notification needs "data" and its "signature".';
  }
  if (!/^[0-9a-f]{64}$/i.test(body.signature)) return 'The payOS signature is not 64 hex digits.';
  const expected = Buffer.from(payosSignatureOf(body.data, checksumKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(body.signature, 'hex'))
    ? null
    : "The payOS signature does not match; check OMNITILL_PAYOS_CHECKSUM_KEY against the payment channel's checksum key.";
}
