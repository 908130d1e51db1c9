/**
 * `POST /api/v1/payments/bank-notifications/:adapter`: where a bank-notification service (or a
 * relay in front of the bank) reports incoming transfers. Outside the register's API contract:
 * its callers are services, authenticated by the retailer's webhook secret over the raw body
 * (webhook-signature.ts), never by device credentials.
 *
 * Answers: 200 `{"ok": true, "outcome": …}` once recorded, whatever the match (an unmatched
 * transfer is flagged for a person, not refused, or the service would retry it forever); 200
 * with `"duplicate": true` for a transaction already recorded (a retry or a replay: nothing is
 * confirmed twice); 401 for a missing, forged or stale signature; 400 for a body that is not
 * the adapter's shape; 404 for an unknown adapter; 503 when no secret is configured. payOS may
 * instead sign in its own way (payos-signature.ts) when its checksum key is configured.
 */
import { Router } from 'express';
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, notFound, sendJson } from '../http/api-error';
import { asyncRoute } from './async-route';
import { decodeUtf8, parseJsonText } from '../http/read-json-body';
import { NOTIFICATION_ADAPTERS } from '../payments/notification-adapters';
import type { PaymentLedger } from '../payments/payment-ledger';
import { payosSignatureProblem } from '../payments/payos-signature';
import {
  MIN_SECRET_LENGTH,
  SIGNATURE_HEADER,
  signatureProblem,
  TIMESTAMP_HEADER,
} from '../payments/webhook-signature';

/** A notification is a few hundred bytes; anything near this is not one. */
const MAX_NOTIFICATION_BYTES = 64 * 1024;

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_NOTIFICATION_BYTES) {
      req.resume();
      throw new ApiError(
        413,
        'too_large',
        `A notification is at most ${MAX_NOTIFICATION_BYTES} bytes.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Throws at start-up when the configured secret is too short to be one. */
export function checkWebhookSecret(secret: string | undefined): string | undefined {
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `OMNITILL_BANK_WEBHOOK_SECRET must be at least ${MIN_SECRET_LENGTH} characters; make one with: openssl rand -hex 32`,
    );
  }
  return secret;
}

export interface WebhookKeys {
  /** OMNITILL_BANK_WEBHOOK_SECRET: signs every adapter's requests (webhook-signature.ts). */
  secret?: string | undefined;
  /** OMNITILL_PAYOS_CHECKSUM_KEY: payOS's own body signature is accepted too (payos-signature.ts). */
  payosChecksumKey?: string | undefined;
}

/**
 * Why the request is not genuine, or null. A request with our signature headers is judged by
 * them; a payOS notification without them, by payOS's signature when its key is configured.
 */
function authenticityProblem(
  req: IncomingMessage,
  adapter: string,
  body: Buffer,
  keys: WebhookKeys,
): string | null {
  const signature = header(req, SIGNATURE_HEADER);
  if (adapter === 'payos' && signature === undefined && keys.payosChecksumKey) {
    return payosSignatureProblem(parseJsonText(decodeUtf8(body), {}), keys.payosChecksumKey);
  }
  if (!keys.secret) {
    return 'Set OMNITILL_BANK_WEBHOOK_SECRET on the sync-server and sign requests with it (docs/PAYMENTS.md).';
  }
  return signatureProblem(
    keys.secret,
    { timestamp: header(req, TIMESTAMP_HEADER), signature },
    body,
  );
}

export function bankWebhookRouter(
  ledger: PaymentLedger,
  keys: WebhookKeys,
  log: (line: string) => void,
): Router {
  const router = Router();
  router.post(
    '/:adapter',
    asyncRoute(async (req, res) => {
      if (!keys.secret && !keys.payosChecksumKey) {
        throw new ApiError(
          503,
          'not_configured',
          'Bank notifications are off: set OMNITILL_BANK_WEBHOOK_SECRET on the sync-server (docs/PAYMENTS.md).',
        );
      }
      const adapter = NOTIFICATION_ADAPTERS[req.params.adapter ?? ''];
      if (!adapter) {
        throw notFound(
          `No adapter "${req.params.adapter}"; use one of ${Object.keys(NOTIFICATION_ADAPTERS).join(', ')}.`,
        );
      }
      const body = await rawBody(req);
      const problem = authenticityProblem(req, req.params.adapter ?? '', body, keys);
      if (problem) {
        log(`omnitill-sync-server: bank notification refused from ${req.ip}: ${problem}`);
        throw new ApiError(401, 'unauthorized', problem);
      }
      const result = adapter(parseJsonText(decodeUtf8(body), {}));
      if (result.kind === 'invalid') throw badRequest(result.reason);
      if (result.kind === 'ignored') {
        sendJson(res, 200, { ok: true, outcome: 'ignored', reason: result.reason });
        return;
      }
      const { duplicate, verdict } = await ledger.receive(
        result.notification,
        new Date().toISOString(),
      );
      sendJson(res, 200, {
        ok: true,
        duplicate,
        outcome: verdict.kind,
        ...('reference' in verdict ? { reference: verdict.reference } : {}),
      });
    }),
  );
  return router;
}
