/**
 * A bank-notification service posting to the sync-server's webhook, signed the documented way
 * (docs/PAYMENTS.md "Signing a notification"), written from the doc, not from the server's code.
 */
import { createHmac } from 'node:crypto';

/** The headers a sender puts on `body` (the raw JSON text it sends). */
export function signedHeaders(
  body: string,
  secret: string,
  atMs = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(atMs / 1000));
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    'Content-Type': 'application/json',
    'X-Omnitill-Timestamp': timestamp,
    'X-Omnitill-Signature': `sha256=${mac}`,
  };
}

/** Posts one notification to `/api/v1/payments/bank-notifications/<adapter>`. */
export function postBankNotification(
  serverUrl: string,
  secret: string,
  adapter: string,
  payload: unknown,
): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${serverUrl}/api/v1/payments/bank-notifications/${adapter}`, {
    method: 'POST',
    headers: signedHeaders(body, secret),
    body,
  });
}
