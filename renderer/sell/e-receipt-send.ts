/**
 * Sending a sale's e-receipt from the register (docs/E-RECEIPTS.md). The server does the
 * delivery; the register asks it to (`receipts/send`) and follows the status
 * (`receipts/send-status`) while the sale is on screen.
 *
 * Offline (or the sale has not reached the server yet) the request waits on the register: an
 * outbox in localStorage, tried again every few seconds while the app runs and after a restart,
 * with the same idempotency key each time, so the customer gets one message however often it
 * is tried. The cashier sees "waiting for the connection" and need do nothing more.
 */
import { create } from 'zustand';
import type { EReceiptChannel, EReceiptMessage } from '../../src/notifications';
import { createServerApi } from '../platform/server-api';
import type { ServerApi } from '../platform/server-api';
import { services } from '../services';
import { newId } from './cart-store';
import { useLastSaleStore } from './finish-sale';

export interface EReceiptRequest {
  saleId: string;
  channel: EReceiptChannel;
  to: string;
  idempotencyKey: string;
  remember?: boolean;
}

export type EReceiptState =
  | { phase: 'sending' }
  /** Kept on the register until the server answers. */
  | { phase: 'waiting' }
  | { phase: 'refused'; code: string; reason: string }
  | { phase: 'tracking'; message: EReceiptMessage };

interface EReceiptStore {
  /** By sale id: the latest send of each sale. */
  sends: Record<string, EReceiptState>;
}

export const useEReceiptStore = create<EReceiptStore>()(() => ({ sends: {} }));

function setState(saleId: string, state: EReceiptState): void {
  useEReceiptStore.setState((current) => ({ sends: { ...current.sends, [saleId]: state } }));
}

export const E_RECEIPT_OUTBOX_KEY = 'omnitill.eReceiptOutbox';
// Short: right after a sale the server usually has it within a second or two.
const RETRY_MS = 3000;
const STATUS_POLL_MS = 2000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The waiting sends, kept across restarts. */
export function createEReceiptOutbox(storage: Storage) {
  function read(): EReceiptRequest[] {
    try {
      const saved: unknown = JSON.parse(storage.getItem(E_RECEIPT_OUTBOX_KEY) ?? '[]');
      return Array.isArray(saved) ? (saved as EReceiptRequest[]) : [];
    } catch {
      return [];
    }
  }
  return {
    pending: read,
    add(request: EReceiptRequest): void {
      const others = read().filter((entry) => entry.idempotencyKey !== request.idempotencyKey);
      storage.setItem(E_RECEIPT_OUTBOX_KEY, JSON.stringify([...others, request]));
    },
    remove(idempotencyKey: string): void {
      const left = read().filter((entry) => entry.idempotencyKey !== idempotencyKey);
      storage.setItem(E_RECEIPT_OUTBOX_KEY, JSON.stringify(left));
    },
  };
}

/** What to do with one reply: a sale the server does not hold yet is waited for like the network. */
export type SendOutcome =
  | { kind: 'accepted'; message: EReceiptMessage }
  | { kind: 'wait' }
  | { kind: 'refused'; code: string; reason: string };

export async function trySend(
  api: Pick<ServerApi, 'call'>,
  request: EReceiptRequest,
): Promise<SendOutcome> {
  const reply = await api.call('receipts/send', request);
  if (reply.ok) return { kind: 'accepted', message: reply.value.message };
  if (reply.offline || reply.status >= 500 || reply.status === 404) {
    // 503 `not-configured` will not change by waiting.
    if (reply.code === 'not-configured') {
      return { kind: 'refused', code: reply.code, reason: reply.reason };
    }
    return { kind: 'wait' };
  }
  return { kind: 'refused', code: reply.code, reason: reply.reason };
}

function api() {
  return createServerApi(services().config);
}

function outbox() {
  return createEReceiptOutbox(localStorage);
}

let retryTimer: ReturnType<typeof setInterval> | undefined;
const polling = new Set<string>();

/** Follows a message until it is sent or failed, while its sale is the one on screen. */
function follow(saleId: string, message: EReceiptMessage): void {
  setState(saleId, { phase: 'tracking', message });
  if (message.status === 'sent' || message.status === 'failed' || polling.has(message.id)) return;
  polling.add(message.id);
  const timer = setInterval(() => {
    // Followed while its sale is on the last-sale panel; the server goes on either way.
    if (useLastSaleStore.getState().last?.sale.id !== saleId) {
      clearInterval(timer);
      polling.delete(message.id);
      return;
    }
    void api()
      .call('receipts/send-status', { saleId, id: message.id })
      .then((reply) => {
        if (!reply.ok) return;
        const latest = reply.value.message;
        if (useEReceiptStore.getState().sends[saleId]?.phase === 'tracking') {
          setState(saleId, { phase: 'tracking', message: latest });
        }
        if (latest.status === 'sent' || latest.status === 'failed') {
          clearInterval(timer);
          polling.delete(message.id);
        }
      });
  }, STATUS_POLL_MS);
}

/** Offers every waiting send to the server again; stops its timer when none is left. */
export async function flushEReceiptOutbox(): Promise<void> {
  const box = outbox();
  for (const request of box.pending()) {
    const outcome = await trySend(api(), request);
    if (outcome.kind === 'wait') continue;
    box.remove(request.idempotencyKey);
    if (outcome.kind === 'accepted') follow(request.saleId, outcome.message);
    else setState(request.saleId, { phase: 'refused', code: outcome.code, reason: outcome.reason });
  }
  if (box.pending().length === 0 && retryTimer) {
    clearInterval(retryTimer);
    retryTimer = undefined;
  }
}

/** Starts retrying waiting sends (a send made offline, or left from before a restart). */
export function resumeEReceiptOutbox(): void {
  if (retryTimer || outbox().pending().length === 0) return;
  retryTimer = setInterval(() => void flushEReceiptOutbox(), RETRY_MS);
}

export async function sendEReceipt(
  request: Omit<EReceiptRequest, 'idempotencyKey'>,
): Promise<void> {
  const full: EReceiptRequest = { ...request, idempotencyKey: newId('erc') };
  setState(request.saleId, { phase: 'sending' });
  const outcome = await trySend(api(), full);
  if (outcome.kind === 'accepted') follow(request.saleId, outcome.message);
  else if (outcome.kind === 'refused') {
    setState(request.saleId, { phase: 'refused', code: outcome.code, reason: outcome.reason });
  } else {
    outbox().add(full);
    setState(request.saleId, { phase: 'waiting' });
    resumeEReceiptOutbox();
  }
}
