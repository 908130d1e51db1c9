/**
 * E-receipts: the rules the register and the sync-server share. Where a receipt may be sent (a
 * phone for Zalo and SMS, read by the one phone rule in src/customers; an e-mail address), the
 * link's token shape, what a queued message looks like and how long the sender waits between
 * attempts. The server does the sending (sync-server/notifications); nothing here does I/O.
 */
import { normalizePhone } from '../customers/customer-identity';

export type EReceiptChannel = 'zalo' | 'sms' | 'email';
export const E_RECEIPT_CHANNELS: readonly EReceiptChannel[] = ['zalo', 'sms', 'email'];

export function isEReceiptChannel(value: unknown): value is EReceiptChannel {
  return value === 'zalo' || value === 'sms' || value === 'email';
}

/**
 * `queued`: waiting for its first or next attempt; `sending`: an attempt is running; `sent`: the
 * provider accepted it; `failed`: every attempt failed, or the provider refused it for good.
 */
/**
 * Messages one sale's receipt may be sent as (each a new idempotency key). A customer asks once or
 * twice; a register sending one sale to number after number is spamming at the retailer's cost
 * (SMS and ZNS are paid per message).
 */
export const MAX_E_RECEIPTS_PER_SALE = 5;

export type EReceiptStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** A message as the register reads it (`receipts/send`, `receipts/send-status`). */
export interface EReceiptMessage {
  /** Derived from the store and the register's idempotency key: the same send is one message. */
  id: string;
  saleId: string;
  storeId: string;
  channel: EReceiptChannel;
  /** The address as normalised: E.164 for a phone, lower-case for an e-mail. */
  to: string;
  status: EReceiptStatus;
  attempts: number;
  maxAttempts: number;
  /** When the next attempt may run (queued only). */
  nextAttemptAt?: string;
  /** The provider's last answer when an attempt failed, for the cashier and the logs. */
  lastError?: string;
  createdAt: string;
  sentAt?: string;
}

/** What a customer agreed to receive receipts by (`remember`), kept by the server. */
export interface EReceiptPreference {
  customerId: string;
  channel: EReceiptChannel;
  to: string;
  storeId: string;
  at: string;
}

/** A simple address shape: something@domain.tld, no spaces, at most 254 characters. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export type AddressResult = { ok: true; to: string } | { ok: false; reason: string };

/** The address a receipt goes to on a channel, normalised, or why it cannot be used. */
export function eReceiptAddress(channel: EReceiptChannel, text: string): AddressResult {
  const trimmed = text.trim();
  if (channel === 'email') {
    const lower = trimmed.toLowerCase();
    return lower.length <= 254 && EMAIL.test(lower)
      ? { ok: true, to: lower }
      : {
          ok: false,
          reason: `"${trimmed}" is not an e-mail address; check it, e.g. ten@vi-du.vn.`,
        };
  }
  const phone = normalizePhone(trimmed);
  return phone
    ? { ok: true, to: phone }
    : {
        ok: false,
        reason: `"${trimmed}" is not a phone number; type it as 0901 234 567 or +84901234567.`,
      };
}

/** Zalo ZNS takes the phone as digits with the country code and no plus (`84901234567`). */
export function znsPhone(e164: string): string {
  return e164.replace(/^\+/, '');
}

/**
 * The receipt page's token: at least 128 random bits, base64url (22 characters or more). The
 * server makes it from crypto random and keeps it beside the sale id; it is never derived from it.
 */
export const RECEIPT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export const E_RECEIPT_MAX_ATTEMPTS = 5;

/**
 * How long the sender waits after failed attempt `attempt` (1-based): doubling from `baseMs`,
 * at most `maxMs`. A provider that is down for a minute still gets the message.
 */
export function eReceiptRetryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The link a customer opens, on the server's public address. */
export function receiptLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/r/${token}`;
}
