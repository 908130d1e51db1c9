/**
 * What each bank-notification service sends, mapped to one BankNotification (src/payments).
 * Payload shapes follow the services' public docs (docs/PAYMENTS.md); only incoming transfers
 * matter here, so an outgoing one is reported as ignored, not as an error.
 */
import type { BankNotification } from '../../src/payments';
import { isPlainObject } from '../http/read-json-body';

export type AdapterResult =
  | { kind: 'notification'; notification: BankNotification }
  /** A well-formed notification that is not an incoming payment (money out, a failed payment). */
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; reason: string };

export type NotificationAdapter = (body: unknown) => AdapterResult;

const invalid = (reason: string): AdapterResult => ({ kind: 'invalid', reason });

function amountOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function idOf(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && /^[\x21-\x7e]{1,128}$/.test(text) ? text : null;
}

const optionalText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;

/** "2023-03-25 14:02:37" (Vietnam time, as SePay and payOS write it) as ISO 8601. */
function vietnamTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}+07:00`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function notification(
  source: string,
  fields: {
    transactionId: unknown;
    amount: unknown;
    content: unknown;
    accountNumber?: unknown;
    bookedAt?: string | undefined;
    bankReference?: unknown;
  },
): AdapterResult {
  const transactionId = idOf(fields.transactionId);
  if (!transactionId) return invalid('The transaction id is missing or not 1 to 128 characters.');
  const amount = amountOf(fields.amount);
  if (amount === null) return invalid('The amount must be a whole number of dong above zero.');
  if (typeof fields.content !== 'string' || fields.content.length > 1000) {
    return invalid('The transfer content must be text of at most 1000 characters.');
  }
  const accountNumber = optionalText(fields.accountNumber, 32);
  // Not required: a report without it is still a payment, only never merged with another report.
  const bankReference = idOf(fields.bankReference) ?? undefined;
  return {
    kind: 'notification',
    notification: {
      source,
      transactionId,
      amount,
      content: fields.content,
      ...(accountNumber ? { accountNumber } : {}),
      ...(fields.bookedAt ? { bookedAt: fields.bookedAt } : {}),
      ...(bankReference ? { bankReference } : {}),
    },
  };
}

/**
 * Ours, for a bank or a relay we do not know: `{"transactionId", "amount", "content",
 * "accountNumber"?, "bookedAt"? (ISO 8601), "bankReference"? (the bank's own reference of the
 * transfer), "direction"? ("in" | "out")}`.
 */
export const genericAdapter: NotificationAdapter = (body) => {
  if (!isPlainObject(body)) return invalid('Send a JSON object.');
  if (body.direction === 'out') return { kind: 'ignored', reason: 'money out' };
  const bookedAt =
    typeof body.bookedAt === 'string' && !Number.isNaN(Date.parse(body.bookedAt))
      ? new Date(body.bookedAt).toISOString()
      : undefined;
  return notification('generic', {
    transactionId: body.transactionId,
    amount: body.amount,
    content: body.content,
    accountNumber: body.accountNumber,
    bookedAt,
    bankReference: body.bankReference,
  });
};

/**
 * SePay: `{"id", "gateway", "transactionDate", "accountNumber", "code", "content",
 * "transferType": "in" | "out", "transferAmount", "accumulated", "subAccount", "referenceCode"}`;
 * SePay's `id` is the one its docs say to de-duplicate by; `referenceCode` is the bank's.
 */
export const sepayAdapter: NotificationAdapter = (body) => {
  if (!isPlainObject(body)) return invalid('Send the SePay webhook JSON object.');
  if (body.transferType !== 'in') return { kind: 'ignored', reason: 'not an incoming transfer' };
  return notification('sepay', {
    transactionId: body.id,
    amount: body.transferAmount,
    content: body.content,
    accountNumber: body.accountNumber,
    bookedAt: vietnamTime(body.transactionDate),
    bankReference: body.referenceCode,
  });
};

/**
 * payOS: `{"code", "desc", "success", "data": {"orderCode", "amount", "description",
 * "accountNumber", "reference", "transactionDateTime", "currency", "paymentLinkId", "code", …},
 * "signature"}`; `data.code` "00" is a successful payment, `data.reference` the bank's id.
 */
export const payosAdapter: NotificationAdapter = (body) => {
  if (!isPlainObject(body) || !isPlainObject(body.data)) {
    return invalid('Send the payOS webhook JSON object with its "data".');
  }
  const data = body.data;
  if (data.code !== '00') return { kind: 'ignored', reason: `payOS code ${String(data.code)}` };
  if (data.currency !== undefined && data.currency !== 'VND') {
    return invalid('Only VND payments are taken by transfer.');
  }
  return notification('payos', {
    transactionId: data.reference,
    amount: data.amount,
    content: data.description,
    accountNumber: data.accountNumber,
    bookedAt: vietnamTime(data.transactionDateTime),
    bankReference: data.reference,
  });
};

export const NOTIFICATION_ADAPTERS: Readonly<Record<string, NotificationAdapter>> = {
  generic: genericAdapter,
  sepay: sepayAdapter,
  payos: payosAdapter,
};
