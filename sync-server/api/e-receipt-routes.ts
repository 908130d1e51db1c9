/**
 * E-receipts (docs/E-RECEIPTS.md): a register of the sale's store asks to send its receipt by
 * Zalo, SMS or e-mail (`receipts/send`) and reads how the delivery goes (`receipts/send-status`);
 * the customer opens the link at `/r/<token>` with no login (`receiptPageRouter`, mounted beside
 * /api/v1 by server.ts).
 */
import { Router } from 'express';
import type { Response } from 'express';
import {
  eReceiptAddress,
  isEReceiptChannel,
  MAX_E_RECEIPTS_PER_SALE,
  RECEIPT_TOKEN_PATTERN,
} from '../../src/notifications';
import type { EReceiptMessage } from '../../src/notifications';
import { AuthThrottle } from '../access/auth-throttle';
import type { ThrottlePolicy } from '../access/auth-throttle';
import { principalOf } from '../access/auth';
import { ApiError, badRequest, forbidden, notFound } from '../http/api-error';
import { MessageConflict, messageIdOf } from '../notifications/e-receipt-ledger';
import type { StoredMessage } from '../notifications/e-receipt-ledger';
import type { EReceipts } from '../notifications/e-receipts';
import { NOT_FOUND_PAGE, receiptPageHtml, TOO_MANY_PAGE } from '../notifications/receipt-page';
import { receiptSource, serverSale } from '../notifications/receipt-source';
import type { ServerContext } from '../server-context';
import { asyncRoute } from './async-route';
import { answer, contractRoute } from './contract-route';

function view(message: StoredMessage): EReceiptMessage {
  const { token: _token, claim: _claim, ...rest } = message;
  return rest;
}

/** The register's store, or 403 for any other caller. */
function registerStore(res: Response): string {
  const principal = principalOf(res);
  if (principal.kind !== 'device')
    throw forbidden('Only a register of the store may send its receipts.');
  return principal.storeId;
}

const CHANNEL_NAMES = { zalo: 'Zalo', sms: 'SMS', email: 'e-mail' } as const;

export function eReceiptRoutes(context: ServerContext, receipts: EReceipts): Router {
  const router = Router();
  const devices = context.auth.require('device');

  contractRoute(router, 'receipts/send', devices, async (request, res) => {
    const storeId = registerStore(res);
    if (!isEReceiptChannel(request.channel))
      throw badRequest('channel must be zalo, sms or email.');
    const address = eReceiptAddress(request.channel, request.to);
    if (!address.ok) throw badRequest(address.reason, { field: 'to' });
    if (!receipts.canSend(request.channel)) {
      throw new ApiError(
        503,
        'not-configured',
        `Sending by ${CHANNEL_NAMES[request.channel]} is not set up on the server; choose another way, or ask the administrator (docs/E-RECEIPTS.md).`,
      );
    }
    const sale = await serverSale(context, request.saleId);
    // Another store's sale answers as one not synced yet: no hint that it exists.
    if (!sale || sale.storeId !== storeId) {
      throw notFound(
        `Sale ${request.saleId} is not on the server yet; wait until it has synced, then send again.`,
      );
    }
    const messageId = messageIdOf(storeId, request.idempotencyKey);
    // A retry of a queued message is answered below; a new one counts against the sale's cap
    // (counted, not serialised: a burst from one register may pass it by a few).
    if (
      !(await receipts.ledger.message(messageId)) &&
      (await receipts.ledger.countForSale(sale.id)) >= MAX_E_RECEIPTS_PER_SALE
    ) {
      throw new ApiError(
        429,
        'too_many_messages',
        `This sale's receipt was already sent ${MAX_E_RECEIPTS_PER_SALE} times; show the customer the last one, or print a copy.`,
      );
    }
    const now = new Date().toISOString();
    const token = await receipts.ledger.tokenFor(sale.id, sale.storeId, now);
    try {
      const { message, created } = await receipts.ledger.enqueue({
        id: messageId,
        saleId: sale.id,
        storeId,
        channel: request.channel,
        to: address.to,
        status: 'queued',
        attempts: 0,
        maxAttempts: receipts.config.maxAttempts,
        nextAttemptAt: now,
        createdAt: now,
        token,
      });
      if (request.remember === true && sale.customerId) {
        await receipts.ledger.remember({
          customerId: sale.customerId,
          channel: request.channel,
          to: address.to,
          storeId,
          at: now,
        });
      }
      if (created) receipts.sender.kick();
      return answer({ message: view(message), created }, created ? 201 : 200);
    } catch (error) {
      if (error instanceof MessageConflict) throw new ApiError(409, 'conflict', error.message);
      throw error;
    }
  });

  contractRoute(router, 'receipts/send-status', devices, async ({ saleId, id }, res) => {
    const storeId = registerStore(res);
    const message = await receipts.ledger.message(id);
    if (!message || message.saleId !== saleId || message.storeId !== storeId) {
      throw notFound(`No e-receipt ${id} for sale ${saleId} at this store; send it again.`);
    }
    return answer({ message: view(message) });
  });

  contractRoute(
    router,
    'receipts/preference',
    context.auth.require('admin', 'device'),
    async ({ customerId }) =>
      answer({ preference: (await receipts.ledger.preference(customerId)) ?? null }),
  );

  contractRoute(
    router,
    'admin/revoke-receipt-link',
    context.auth.require('admin'),
    async ({ saleId }) =>
      answer({
        revoked: await receipts.ledger.revokeSaleLink(saleId, new Date().toISOString()),
      }),
  );
  return router;
}

/**
 * Wrong links from one address are counted like failed sign-ins (access/auth-throttle.ts): a few
 * are free (a mistyped link), then the address waits longer each time, so tokens cannot be
 * guessed by trying; a locked address gets 429 for every link, good ones included.
 */
const PAGE_POLICY: ThrottlePolicy = {
  free: 10,
  baseLockMs: 1000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 30 * 60_000,
};

/** Page views per address per minute, good links included: a customer opens a receipt a few times. */
const VIEWS_PER_MINUTE = 60;

/** Counts views per address in one-minute windows; old windows are dropped as they pass. */
function viewCounter(now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (address: string): boolean => {
    const at = now();
    for (const [key, window] of windows) {
      if (at - window.start < 60_000) break;
      windows.delete(key);
    }
    const current = windows.get(address);
    if (!current || at - current.start >= 60_000) {
      windows.delete(address);
      windows.set(address, { start: at, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= VIEWS_PER_MINUTE;
  };
}

export function receiptPageRouter(context: ServerContext, receipts: EReceipts): Router {
  const router = Router();
  const throttle = new AuthThrottle(Date.now, { address: PAGE_POLICY, name: PAGE_POLICY });
  const countView = viewCounter();
  router.get(
    '/:token',
    asyncRoute(async (req, res) => {
      const address = req.socket.remoteAddress ?? 'unknown';
      res.set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'X-Robots-Tag': 'noindex',
      });
      const lockedMs = countView(address) ? throttle.lockedFor(address, `page|${address}`) : 60_000;
      if (lockedMs > 0) {
        res.set('Retry-After', String(Math.ceil(lockedMs / 1000)));
        res.status(429).send(TOO_MANY_PAGE);
        return;
      }
      const token = String(req.params.token);
      const record = RECEIPT_TOKEN_PATTERN.test(token)
        ? await receipts.ledger.tokenRecord(token)
        : undefined;
      const sale = record ? await serverSale(context, record.saleId) : undefined;
      if (!record || !sale || sale.storeId !== record.storeId) {
        throttle.failed(address, `page|${address}`);
        res.status(404).send(NOT_FOUND_PAGE);
        return;
      }
      const source = await receiptSource(context, sale);
      res.status(200).send(receiptPageHtml(source.receipt, source.locale, source.storeName));
    }),
  );
  return router;
}
