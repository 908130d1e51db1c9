/**
 * The door check of each API entry (contract.ts): the shape of what was sent, field by field.
 * What needs the server's data (does the customer exist, are there enough points) is the
 * handler's, behind the door.
 */
import type { ApiName } from './contract';
import { BUYER_FIELDS, BUYER_MAX_LENGTH } from '../einvoice/buyer-entry';
import {
  anything,
  boolean,
  currencyCode,
  fields,
  isoTime,
  list,
  object,
  optional,
  positiveInteger,
  text,
} from './request-checks';
import type { RequestCheck } from './request-checks';

const ID = text({ max: 128, what: 'an id of 1 to 128 characters' });
const IDEMPOTENCY_KEY = text({
  max: 180,
  what: 'a key of 1 to 180 characters; reuse it when you retry',
});
const STORED_VALUE_NUMBER = text({
  max: 128,
  what: 'the credit note number (ret_…) or the gift card number',
});
const QUERY_TEXT = optional(text({ max: 200 }));
const PAYMENT_REFERENCE = text({
  max: 16,
  pattern: /^[A-Z0-9]{4,16}$/,
  what: 'the payment reference in the QR (4 to 16 capital letters or digits, e.g. OT7KQ2M9XA)',
});
const NOTHING: RequestCheck = fields({});
/** Each buyer field a string within its bound (blank allowed: the form sends every field). */
const BUYER_CHECKS = Object.fromEntries(
  BUYER_FIELDS.map((field) => [
    field,
    optional((value: unknown, name: string) =>
      typeof value === 'string' && value.length <= BUYER_MAX_LENGTH[field]
        ? null
        : {
            field: name,
            reason: `${name} must be text of at most ${BUYER_MAX_LENGTH[field]} characters.`,
          },
    ),
  ]),
);

export const API_CHECKS: Readonly<Record<ApiName, RequestCheck>> = {
  'server/health': NOTHING,
  'loyalty/hold': fields({
    customerId: ID,
    points: positiveInteger('the points to hold'),
    idempotencyKey: IDEMPOTENCY_KEY,
    sourceId: optional(text({ max: 200 })),
  }),
  'loyalty/confirm': fields({ id: ID }),
  'loyalty/release': fields({ id: ID }),
  'stored-value/balance': fields({ number: STORED_VALUE_NUMBER }),
  'stored-value/hold': fields({
    number: STORED_VALUE_NUMBER,
    amount: positiveInteger('the amount in minor units'),
    saleId: ID,
    idempotencyKey: IDEMPOTENCY_KEY,
    currency: optional(currencyCode()),
  }),
  'stored-value/confirm': fields({ id: ID }),
  'stored-value/release': fields({ id: ID }),
  'customers/find': fields({ phone: QUERY_TEXT, email: QUERY_TEXT, card: QUERY_TEXT }),
  'customers/get': fields({ id: ID }),
  'sales/get': fields({ id: ID }),
  // Its format is the handler's check, with the one parse (src/receipt/receipt-number.ts).
  'sales/find': fields({
    number: text({ max: 64, what: 'the receipt number as printed, e.g. Q1-01-000123' }),
  }),
  'returns/list': fields({
    original: text({ max: 128, what: 'the sale or order id: GET /api/v1/returns?original=sale_…' }),
  }),
  'returns/claim': fields({
    returnId: text({ max: 128, what: 'the id the register made when it planned the return' }),
    original: text({ max: 128, what: 'the sale or web order id the goods come from' }),
    lines: list({
      max: 1000,
      what: 'a list of {"originalLineId", "quantity"}',
      item: object('{"originalLineId", "quantity"}'),
    }),
  }),
  'orders/intake': fields({
    externalId: text({ max: 100, what: "the shop's own order id (1 to 100 characters)" }),
  }),
  'orders/get': fields({ id: ID }),
  'orders/ready': fields({ id: ID }),
  'parked/resume': fields({
    id: ID,
    staffId: text({ max: 128, what: 'the signed-in cashier' }),
    registerId: text({
      max: 64,
      pattern: /^[A-Za-z0-9._-]+$/,
      what: 'this register (letters, digits, . _ -)',
    }),
    storeId: optional(text({ max: 128 })),
  }),
  'store-settings/change': fields(
    {
      staffId: text({ max: 128, what: 'the manager making the change' }),
      pin: text({ max: 32, what: "the manager's PIN" }),
      receipt: optional(object('{"header": [...], "footer": [...]}')),
      promotions: optional(anything()),
      stock: optional(anything()),
      quickKeys: optional(anything()),
    },
    '{"staffId", "pin", "receipt"?: {header, footer}, "promotions"?: [...], "stock"?: {defaultThreshold, thresholds}, "quickKeys"?: [sku...]}',
  ),
  'checkins/create': fields({
    orderId: text({ max: 128, what: 'the order id or its number (W-…)' }),
  }),
  'checkins/list': fields({ store: QUERY_TEXT }),
  'checkins/served': fields({ orderId: ID }),
  'stock/levels': fields({
    sku: text({ max: 64, what: 'the SKU: GET /api/v1/stock?sku=SKU000001' }),
  }),
  'reports/get': fields({
    from: isoTime(),
    to: isoTime(),
    tz: QUERY_TEXT,
    storeId: QUERY_TEXT,
  }),
  'rejections/list': fields({ mine: QUERY_TEXT, limit: QUERY_TEXT, before: QUERY_TEXT }),
  'flags/list': NOTHING,
  'payments/open': fields({
    reference: PAYMENT_REFERENCE,
    saleId: ID,
    amount: positiveInteger('the amount in dong'),
    registerId: text({
      max: 64,
      pattern: /^[A-Za-z0-9._-]+$/,
      what: 'this register (letters, digits, . _ -)',
    }),
  }),
  'payments/status': fields({ reference: PAYMENT_REFERENCE }),
  'payments/cancel': fields({ reference: PAYMENT_REFERENCE }),
  'payments/confirm-by-hand': fields({
    reference: PAYMENT_REFERENCE,
    staffId: text({ max: 128, what: 'the supervisor confirming' }),
    pin: text({ max: 32, what: "the supervisor's PIN" }),
  }),
  'receipts/send': fields({
    saleId: ID,
    channel: text({ max: 8, pattern: /^(zalo|sms|email)$/, what: 'zalo, sms or email' }),
    to: text({ max: 254, what: 'the phone number or e-mail address' }),
    idempotencyKey: IDEMPOTENCY_KEY,
    remember: optional(boolean('true to remember the address on the customer')),
  }),
  'receipts/send-status': fields({ saleId: ID, id: ID }),
  'receipts/preference': fields({ customerId: ID }),
  'einvoices/list': fields({
    store: text({ max: 64, pattern: /^[a-z0-9-]{1,64}$/, what: 'the store id, e.g. hcm-q1' }),
    date: text({
      max: 10,
      pattern: /^\d{4}-\d{2}-\d{2}$/,
      what: "the store's business day as yyyy-mm-dd, e.g. 2026-12-03",
    }),
  }),
  'einvoices/resend': fields({
    id: text({ max: 300, what: 'the invoice id from GET /api/v1/einvoices (inv_…)' }),
    staffId: optional(ID),
    pin: optional(text({ max: 32, what: "the manager's PIN" })),
  }),
  'einvoices/buyer': fields({
    id: text({ max: 300, what: 'the invoice id from GET /api/v1/einvoices (inv_…)' }),
    buyer: object(
      "an object of the buyer's fields: name, taxCode, address, idNumber, phone (strings)",
      BUYER_CHECKS,
    ),
    staffId: optional(ID),
    pin: optional(text({ max: 32, what: "the manager's PIN" })),
  }),
  'admin/revoke-receipt-link': fields({ saleId: ID }),
  'admin/import-catalog': (request) =>
    Array.isArray(request)
      ? null
      : { reason: 'Send a JSON array of ProductDoc (see src/documents/product.ts).' },
  'admin/issue-gift-card': fields({
    cardNumber: STORED_VALUE_NUMBER,
    amount: positiveInteger('the amount in minor units'),
    currency: optional(currencyCode()),
    expiresAt: optional(isoTime()),
    idempotencyKey: optional(IDEMPOTENCY_KEY),
  }),
  'admin/enrol-device': fields({ storeId: ID, name: text({ max: 120 }) }),
  'admin/list-devices': NOTHING,
  'admin/revoke-device': fields({ id: ID }),
  'device/pin-key': NOTHING,
  'sync/snapshot': fields({
    db: text({ max: 64, what: 'the database: products or customers' }),
    since: QUERY_TEXT,
    limit: optional(
      text({
        max: 9,
        pattern: /^\d+$/,
        what: 'how many documents per chunk, a whole number from 1 to 5000',
      }),
    ),
  }),
  'admin/enrol-shop': fields({ name: text({ max: 120 }) }),
  'admin/set-staff': fields({
    id: text({ max: 64, pattern: /^staff_[A-Za-z0-9_-]+$/, what: 'staff_<code>' }),
    name: text({ max: 120 }),
    role: text({
      pattern: /^(cashier|supervisor|manager)$/,
      what: 'cashier, supervisor or manager',
    }),
    storeIds: list({ max: 500, item: text({ max: 64 }), what: 'the stores, or ["*"] for all' }),
    pin: optional(text({ max: 16, what: 'the new PIN, digits only' })),
    badge: optional(text({ max: 64 })),
  }),
};
