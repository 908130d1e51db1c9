/**
 * The life of one queued invoice, as pure functions over its stored entry (the statuses are
 * described in src/api/einvoice-views.ts). Every change names the entry it read, and the ledger
 * writes it at that revision, so of two server processes only one moves an invoice on.
 *
 *   queued ──claim──▶ sent ──accepted──▶ accepted (final: never sent again)
 *   failed ──claim──▶ sent ──refused───▶ refused
 *   sent (stale) ─claim─▶ sent  ──failed──▶ failed (+ next try, until the tries run out)
 *   refused | failed | blocked ──resend──▶ queued (or blocked)
 */
import type { EInvoiceStatus, EInvoiceView } from '../../src/api/einvoice-views';
import type { Minor } from '../../src/money';
import { eReceiptRetryDelayMs } from '../../src/notifications';
import type { InvoiceResult } from './einvoice-provider';

/** An invoice built from its sale (einvoice-builder.ts), or why it cannot be. */
export type BuiltInvoice =
  | { xml: string; code: string; symbol: string; total: Minor; originalCode?: string }
  | { problem: string };

/** The entry as stored: the view, the XML sent (built once) and the running attempt's claim. */
export interface StoredInvoice extends EInvoiceView {
  xml?: string;
  claim?: string;
  /** An adjusting invoice: the entry of the invoice it adjusts; it is sent once that is accepted. */
  originalId?: string;
}

export interface RetryPolicy {
  /** The wait after the first failure; it doubles after each, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export class QueueRefusal extends Error {
  override readonly name = 'QueueRefusal';
  constructor(
    readonly status: EInvoiceStatus,
    message: string,
  ) {
    super(message);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function without<K extends keyof StoredInvoice>(
  entry: StoredInvoice,
  ...keys: K[]
): Omit<StoredInvoice, K> {
  const copy: Partial<StoredInvoice> = { ...entry };
  for (const key of keys) delete copy[key];
  return copy as Omit<StoredInvoice, K>;
}

/** Whether a pass should take the entry now. A `sent` entry older than `staleMs` was left by a process that died. */
export function isDue(entry: StoredInvoice, now: number, staleMs: number): boolean {
  switch (entry.status) {
    case 'queued':
      return Date.parse(entry.dueAt) <= now;
    case 'failed':
      return entry.nextAttemptAt !== undefined && Date.parse(entry.nextAttemptAt) <= now;
    case 'sent':
      return Date.parse(entry.sentAt ?? entry.updatedAt) + staleMs <= now;
    case 'accepted':
    case 'refused':
    case 'blocked':
      return false;
  }
}

/** Takes the entry for one attempt. An accepted invoice is never taken again. */
export function claimed(entry: StoredInvoice, claim: string, now: number): StoredInvoice {
  if (entry.status === 'accepted' || entry.status === 'refused' || entry.status === 'blocked') {
    throw new QueueRefusal(entry.status, `Invoice ${entry.id} is ${entry.status}; it is not sent.`);
  }
  if (!entry.xml) {
    throw new QueueRefusal(entry.status, `Invoice ${entry.id} has no XML to send.`);
  }
  return {
    ...without(entry, 'nextAttemptAt'),
    status: 'sent',
    attempts: entry.attempts + 1,
    claim,
    sentAt: iso(now),
    updatedAt: iso(now),
  };
}

/**
 * The provider's verdict on an attempt, or undefined when the entry is not that attempt any
 * more (another process took it, or a manager changed it): the verdict is then not recorded.
 */
export function afterResult(
  entry: StoredInvoice,
  claim: string,
  result: InvoiceResult,
  now: number,
  retry: RetryPolicy,
): StoredInvoice | undefined {
  if (entry.status !== 'sent' || entry.claim !== claim) return undefined;
  const base = {
    ...without(entry, 'claim', 'nextAttemptAt', 'reason'),
    maxAttempts: retry.maxAttempts,
    updatedAt: iso(now),
  };
  switch (result.outcome) {
    case 'accepted':
      return { ...base, status: 'accepted', providerId: result.providerId, acceptedAt: iso(now) };
    case 'refused':
      return { ...base, status: 'refused', reason: result.reason };
    case 'failed': {
      const triesLeft = entry.attempts < retry.maxAttempts;
      const wait = eReceiptRetryDelayMs(entry.attempts, retry.baseMs, retry.maxMs);
      return {
        ...base,
        status: 'failed',
        reason: result.reason,
        ...(triesLeft ? { nextAttemptAt: iso(now + wait) } : {}),
      };
    }
  }
}

/**
 * A manager's resend: a refused, failed or blocked invoice goes back in the queue, due now, with
 * its tries counted afresh; `rebuilt` is the invoice built again from the sale and today's
 * settings (or why it still cannot be). Accepted, queued and sent invoices are refused.
 */
export function resent(entry: StoredInvoice, rebuilt: BuiltInvoice, now: number): StoredInvoice {
  if (entry.status === 'accepted') {
    throw new QueueRefusal(
      'accepted',
      `Invoice ${entry.code ?? entry.id} was accepted by the provider; an accepted invoice is never sent again.`,
    );
  }
  if (entry.status === 'queued' || entry.status === 'sent') {
    throw new QueueRefusal(
      entry.status,
      `Invoice ${entry.id} is ${entry.status} already; wait for the provider's answer.`,
    );
  }
  const base = {
    ...without(entry, 'claim', 'nextAttemptAt', 'reason', 'sentAt'),
    attempts: 0,
    dueAt: iso(now),
    updatedAt: iso(now),
  };
  if ('problem' in rebuilt) return { ...base, status: 'blocked', reason: rebuilt.problem };
  return {
    ...base,
    status: 'queued',
    xml: rebuilt.xml,
    code: rebuilt.code,
    symbol: rebuilt.symbol,
    total: rebuilt.total,
    ...(rebuilt.originalCode ? { originalCode: rebuilt.originalCode } : {}),
  };
}
