/**
 * Does a bank's notification settle a payment waiting at a register? Pure, so the server decides
 * it and the register (and a test) can say why. A pending payment (an "intent") is recorded by
 * the register when it shows the QR; a notification is what a bank-notification service told
 * the sync-server; a supervisor may confirm by hand first (they saw it in the bank app).
 */
import { referencesIn } from './payment-reference';

/** One incoming transfer, whichever service reported it (sync-server/payments/adapters). */
export interface BankNotification {
  /** Which adapter mapped it: `generic`, `sepay`, `payos`. */
  source: string;
  /** The bank's or the service's id for the transaction: the same transfer always has the same. */
  transactionId: string;
  /** VND received. */
  amount: number;
  /** The transfer's text as the bank passed it on. */
  content: string;
  /** The account that received it, when the service says. */
  accountNumber?: string;
  /** When the bank booked it (ISO 8601), when the service says. */
  bookedAt?: string;
  /**
   * The bank's own reference for the transfer (SePay `referenceCode`, payOS `reference`), when
   * the service passes it on: unlike `transactionId`, which each service numbers its own way, it
   * names the transfer whichever service reports it.
   */
  bankReference?: string;
}

export type IntentStatus = 'pending' | 'confirmed' | 'cancelled';

export interface ManualConfirmation {
  /** The supervisor who approved. */
  approverId: string;
  at: string;
}

export interface PaymentIntent {
  reference: string;
  storeId: string;
  registerId: string;
  /** The device that recorded it (absent on payments recorded before the per-device cap). */
  deviceId?: string;
  saleId: string;
  amount: number;
  status: IntentStatus;
  createdAt: string;
  /** The transaction that paid it, once a notification matched. */
  transactionId?: string;
  /** That transaction's bank reference, when its service gave one (`sameTransfer`). */
  bankReference?: string;
  confirmedAt?: string;
  /** Set when a supervisor confirmed by hand; the notification is matched to it when it comes. */
  manual?: ManualConfirmation;
}

export type TransferVerdict =
  /** The intent is now paid by this transaction. */
  | { kind: 'settles'; reference: string }
  /** A supervisor already confirmed it: the bank now agrees; the transaction is recorded. */
  | { kind: 'matches-manual'; reference: string }
  /**
   * This very transfer already settled it: a retry by the service, or a second service
   * reporting the same bank transfer (`sameTransfer`).
   */
  | { kind: 'already'; reference: string }
  | { kind: 'no-reference' }
  | { kind: 'unknown-reference'; references: string[] }
  | { kind: 'amount-mismatch'; reference: string; expected: number; received: number }
  /** Another transaction already paid it: the customer paid twice; refund one. */
  | { kind: 'paid-twice'; reference: string; firstTransactionId: string }
  /** The sale was paid another way (the register cancelled the QR): refund the transfer. */
  | { kind: 'sale-paid-otherwise'; reference: string };

/**
 * Judges a notification against the intents named in its text. `intents` holds the known ones
 * among them (by reference); an intent of another store is not the caller's to pass.
 */
export function judgeTransfer(
  notification: BankNotification,
  intents: ReadonlyMap<string, PaymentIntent>,
): TransferVerdict {
  const references = referencesIn(notification.content);
  if (references.length === 0) return { kind: 'no-reference' };
  const reference = references.find((candidate) => intents.has(candidate));
  const intent = reference === undefined ? undefined : intents.get(reference);
  if (!intent || reference === undefined) return { kind: 'unknown-reference', references };
  if (intent.transactionId === notification.transactionId || sameTransfer(intent, notification)) {
    return { kind: 'already', reference };
  }
  if (intent.transactionId !== undefined) {
    return { kind: 'paid-twice', reference, firstTransactionId: intent.transactionId };
  }
  if (intent.status === 'cancelled') return { kind: 'sale-paid-otherwise', reference };
  if (notification.amount !== intent.amount) {
    return {
      kind: 'amount-mismatch',
      reference,
      expected: intent.amount,
      received: notification.amount,
    };
  }
  return intent.manual ? { kind: 'matches-manual', reference } : { kind: 'settles', reference };
}

const bankCode = (text: string): string => text.trim().toUpperCase();

/**
 * Whether `notification` reports the transfer that already paid `intent`, under another
 * service's transaction id (two services watching one account: SePay and a relay, say). Only
 * when both carry the bank's own reference and it is the same, for the same amount: without it
 * two transfers of one amount for one reference are indistinguishable, and the second stays
 * `paid-twice` for a person to check against the bank statement.
 */
export function sameTransfer(intent: PaymentIntent, notification: BankNotification): boolean {
  return (
    intent.bankReference !== undefined &&
    notification.bankReference !== undefined &&
    bankCode(intent.bankReference) === bankCode(notification.bankReference) &&
    notification.amount === intent.amount
  );
}

/** The intent after a verdict that changes it; undefined when it stays as it is. */
export function intentAfter(
  intent: PaymentIntent,
  verdict: TransferVerdict,
  notification: BankNotification,
  now: string,
): PaymentIntent | undefined {
  if (verdict.kind !== 'settles' && verdict.kind !== 'matches-manual') return undefined;
  return {
    ...intent,
    status: 'confirmed',
    transactionId: notification.transactionId,
    ...(notification.bankReference ? { bankReference: notification.bankReference } : {}),
    confirmedAt: intent.confirmedAt ?? now,
  };
}

/** A supervisor's confirmation by hand: the intent counts as paid until the bank says otherwise. */
export function confirmByHand(
  intent: PaymentIntent,
  approverId: string,
  now: string,
): PaymentIntent {
  if (intent.status === 'confirmed') return intent;
  return { ...intent, status: 'confirmed', confirmedAt: now, manual: { approverId, at: now } };
}

/**
 * How long a confirmation by hand may wait for the bank's notification before it is flagged:
 * NAPAS 247 transfers land in seconds, notification services retry for about half an hour.
 */
export const MANUAL_CONFIRMATION_GRACE_MS = 60 * 60_000;

/** A supervisor confirmed it, and no transfer has matched it within the grace period. */
export function transferOverdue(
  intent: PaymentIntent,
  nowMs: number,
  graceMs = MANUAL_CONFIRMATION_GRACE_MS,
): boolean {
  return (
    intent.manual !== undefined &&
    intent.transactionId === undefined &&
    nowMs - Date.parse(intent.manual.at) > graceMs
  );
}
