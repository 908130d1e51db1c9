/**
 * The typed contract of the sync-server's domain API (`/api/v1`), as `src/ipc/contract.ts` is for
 * the device host: each entry is named `area/verb` and says its method, its path, what a request
 * holds and what the reply is. The server registers its routes from here and checks each request
 * at the door with the entry's `check`; the register calls `api.call('loyalty/hold', request)`
 * and gets the reply type. A request is one object: path parameters (`:id`) by name, and the
 * query (GET) or JSON body (POST, DELETE) fields beside them.
 */
import type { CustomerDoc, ProductDoc, ReturnDoc, StaffRole, WebOrderDoc } from '../documents';
import type { CurrencyCode, Minor } from '../money';
import type { EReceiptChannel, EReceiptMessage, EReceiptPreference } from '../notifications';
import type { PaymentIntent } from '../payments';
import type {
  ClientView,
  CustomerProfileReply,
  ImportReply,
  LoyaltyHoldReply,
  OrderIntakeReply,
  OrderReply,
  ParkedResumeReply,
  PickupCheckin,
  RejectionView,
  ReportsReply,
  ReturnClaimReply,
  ServerFlag,
  SaleReply,
  StockReply,
  StoredValueHoldReply,
  StoredValueReply,
} from './api-views';
import { API_CHECKS } from './api-checks';
import type { EInvoiceView } from './einvoice-views';
import type { BuyerEntry } from '../einvoice/buyer-entry';

export type ApiMethod = 'GET' | 'POST' | 'DELETE';

/**
 * The shared databases a fresh register fills from the server's snapshot (`sync/snapshot`)
 * before it replicates them live; the others replicate from the start (docs/DATA.md).
 */
export const SNAPSHOT_DATABASES = ['products', 'customers'] as const;
export type SnapshotDatabase = (typeof SNAPSHOT_DATABASES)[number];
type ById = { id: string };

export interface ServerApiContract {
  'server/health': {
    request: Record<string, never>;
    reply: { ok: true; name: string; store: string; time: string };
  };
  'loyalty/hold': {
    request: { customerId: string; points: number; idempotencyKey: string; sourceId?: string };
    reply: LoyaltyHoldReply;
  };
  'loyalty/confirm': { request: ById; reply: LoyaltyHoldReply };
  'loyalty/release': { request: ById; reply: LoyaltyHoldReply };
  'stored-value/balance': { request: { number: string }; reply: StoredValueReply };
  'stored-value/hold': {
    request: {
      number: string;
      amount: Minor;
      saleId: string;
      idempotencyKey: string;
      currency?: CurrencyCode;
    };
    reply: StoredValueHoldReply;
  };
  'stored-value/confirm': { request: ById; reply: StoredValueHoldReply };
  'stored-value/release': { request: ById; reply: StoredValueHoldReply };
  'customers/find': {
    request: { phone?: string; email?: string; card?: string };
    reply: { customers: CustomerDoc[] };
  };
  'customers/get': { request: ById; reply: CustomerProfileReply };
  'sales/get': { request: ById; reply: SaleReply };
  /** A sale of any store by its receipt number (`Q1-01-000123`, docs/DATA.md "Receipt numbers"). */
  'sales/find': { request: { number: string }; reply: SaleReply };
  'returns/list': { request: { original: string }; reply: { returns: ReturnDoc[] } };
  'returns/claim': {
    request: {
      returnId: string;
      original: string;
      lines: { originalLineId: string; quantity: number }[];
    };
    reply: ReturnClaimReply;
  };
  'orders/intake': {
    /** The web shop's order; the intake checks it in full (docs/API.md, "Web orders"). */
    request: { externalId: string; [field: string]: unknown };
    reply: OrderIntakeReply;
  };
  'orders/get': { request: ById; reply: OrderReply };
  'orders/ready': { request: ById; reply: { order: WebOrderDoc } };
  'parked/resume': {
    request: { id: string; staffId: string; registerId: string; storeId?: string };
    reply: ParkedResumeReply;
  };
  'store-settings/change': {
    request: {
      staffId: string;
      pin: string;
      receipt?: { header: string[]; footer: string[] };
      promotions?: unknown[];
      stock?: { defaultThreshold?: number; thresholds?: Record<string, number | null> };
      quickKeys?: string[];
    };
    reply: { changed: string[]; by: string; at: string };
  };
  'checkins/create': {
    request: { orderId: string };
    reply: { checkin: PickupCheckin; replayed: boolean };
  };
  'checkins/list': { request: { store?: string }; reply: { checkins: PickupCheckin[] } };
  'checkins/served': { request: { orderId: string }; reply: { checkin: PickupCheckin } };
  'stock/levels': { request: { sku: string }; reply: StockReply };
  'reports/get': {
    request: { from: string; to: string; tz?: string; storeId?: string };
    reply: ReportsReply;
  };
  'rejections/list': {
    request: { mine?: string; limit?: string; before?: string };
    /** Newest first; `next` (absent on the last page) is the `before` of the next page. */
    reply: { rejections: RejectionView[]; next?: string };
  };
  'flags/list': { request: Record<string, never>; reply: { flags: ServerFlag[] } };
  /** A VietQR payment the register shows a QR for; the same request again is a retry. */
  'payments/open': {
    request: { reference: string; saleId: string; amount: Minor; registerId: string };
    reply: { intent: PaymentIntent; created: boolean };
  };
  /** Polled about every second while the QR is shown: `status` turns `confirmed` when paid. */
  'payments/status': { request: { reference: string }; reply: { intent: PaymentIntent } };
  /** The sale is paid another way or abandoned: a transfer arriving later is flagged for refund. */
  'payments/cancel': { request: { reference: string }; reply: { intent: PaymentIntent } };
  /** A supervisor saw the transfer in the bank app; matched when the notification comes. */
  'payments/confirm-by-hand': {
    request: { reference: string; staffId: string; pin: string };
    reply: { intent: PaymentIntent };
  };
  /**
   * Sends the sale's receipt page link (docs/E-RECEIPTS.md); the same idempotency key again is
   * the same message. `remember` records the customer's consent to this channel and address.
   */
  'receipts/send': {
    request: {
      saleId: string;
      channel: EReceiptChannel;
      to: string;
      idempotencyKey: string;
      remember?: boolean;
    };
    reply: { message: EReceiptMessage; created: boolean };
  };
  'receipts/send-status': {
    request: { saleId: string; id: string };
    reply: { message: EReceiptMessage };
  };
  /** How the customer last agreed to get receipts; `null` when never. */
  'receipts/preference': {
    request: { customerId: string };
    reply: { preference: EReceiptPreference | null };
  };
  /** A store's e-invoices of one day with their status (docs/INVOICES.md); admin or the store's register. */
  'einvoices/list': {
    request: { store: string; date: string };
    reply: { invoices: EInvoiceView[] };
  };
  /**
   * Sends a refused, failed or blocked invoice again, built afresh; never an accepted one. A
   * register names the manager (`staffId`, `pin`); the admin needs neither.
   */
  'einvoices/resend': {
    request: { id: string; staffId?: string; pin?: string };
    reply: { invoice: EInvoiceView };
  };
  /**
   * Buyer data for an invoice not yet sent (queued, refused or blocked), as the buyer asked for
   * it after the sale; a queued invoice then goes at once. Never for an invoice sent or accepted
   * (docs/INVOICES.md). A register names the manager (`staffId`, `pin`); the admin needs neither.
   */
  'einvoices/buyer': {
    request: { id: string; buyer: BuyerEntry; staffId?: string; pin?: string };
    reply: { invoice: EInvoiceView };
  };
  /** The sale's receipt link stops working at once; a later send makes a new one. */
  'admin/revoke-receipt-link': { request: { saleId: string }; reply: { revoked: boolean } };
  'admin/import-catalog': { request: ProductDoc[]; reply: ImportReply };
  'admin/issue-gift-card': {
    request: {
      cardNumber: string;
      amount: Minor;
      currency?: CurrencyCode;
      expiresAt?: string;
      idempotencyKey?: string;
    };
    reply: StoredValueReply;
  };
  'admin/enrol-device': {
    request: { storeId: string; name: string };
    reply: { deviceId: string; secret: string; storeId: string; name: string };
  };
  'admin/list-devices': { request: Record<string, never>; reply: { devices: ClientView[] } };
  'admin/revoke-device': { request: ById; reply: ClientView & { ok: true } };
  /**
   * The calling register's PIN key (base64, 32 bytes): its device host keeps it outside the
   * replica and checks the staff PIN verifiers the register receives with it (docs/SECURITY.md).
   */
  'device/pin-key': { request: Record<string, never>; reply: { deviceId: string; key: string } };
  /**
   * One chunk of a fresh register's first sync (docs/DATA.md "First sync from a snapshot"): the
   * documents of a shared database a register of the caller's store receives, as its changes
   * feed has them after `since` (from the start when absent). `lastSeq` is the `since` of the next
   * chunk, and of live replication after the last (`more` false); `total` is the database's
   * document count (an upper bound for a database a register reads only part of).
   */
  'sync/snapshot': {
    request: { db: string; since?: string; limit?: string };
    reply: {
      docs: Record<string, unknown>[];
      lastSeq: number | string;
      more: boolean;
      total: number;
    };
  };
  'admin/enrol-shop': {
    request: { name: string };
    reply: { shopId: string; token: string; name: string };
  };
  /** Creates or changes a member of staff; `pin` (digits) is hashed by the server. */
  'admin/set-staff': {
    request: {
      id: string;
      name: string;
      role: StaffRole;
      storeIds: string[];
      pin?: string;
      active?: boolean;
      badge?: string;
    };
    reply: { ok: true; id: string; rev: string; pinChanged: boolean };
  };
}

export type ApiName = keyof ServerApiContract;
export type ApiRequest<K extends ApiName> = ServerApiContract[K]['request'];
export type ApiReply<K extends ApiName> = ServerApiContract[K]['reply'];

export interface ApiEntry {
  method: ApiMethod;
  /** Below `/api/v1`, with `:name` for path parameters. */
  path: string;
  /** The JSON body is the whole request (a list), not an object of fields. */
  wholeBody?: true;
}

export const API_ENTRIES: Readonly<Record<ApiName, ApiEntry>> = {
  'server/health': { method: 'GET', path: '/health' },
  'loyalty/hold': { method: 'POST', path: '/loyalty/holds' },
  'loyalty/confirm': { method: 'POST', path: '/loyalty/holds/:id/confirm' },
  'loyalty/release': { method: 'POST', path: '/loyalty/holds/:id/release' },
  'stored-value/balance': { method: 'GET', path: '/stored-value/:number' },
  'stored-value/hold': { method: 'POST', path: '/stored-value/holds' },
  'stored-value/confirm': { method: 'POST', path: '/stored-value/holds/:id/confirm' },
  'stored-value/release': { method: 'POST', path: '/stored-value/holds/:id/release' },
  'customers/find': { method: 'GET', path: '/customers' },
  'customers/get': { method: 'GET', path: '/customers/:id' },
  'sales/get': { method: 'GET', path: '/sales/:id' },
  'sales/find': { method: 'GET', path: '/sales' },
  'returns/list': { method: 'GET', path: '/returns' },
  'returns/claim': { method: 'POST', path: '/returns/claims' },
  'orders/intake': { method: 'POST', path: '/orders' },
  'orders/get': { method: 'GET', path: '/orders/:id' },
  'orders/ready': { method: 'POST', path: '/orders/:id/ready' },
  'parked/resume': { method: 'POST', path: '/parked/:id/resume' },
  'store-settings/change': { method: 'POST', path: '/store-settings' },
  'checkins/create': { method: 'POST', path: '/checkins' },
  'checkins/list': { method: 'GET', path: '/checkins' },
  'checkins/served': { method: 'POST', path: '/checkins/:orderId/served' },
  'stock/levels': { method: 'GET', path: '/stock' },
  'reports/get': { method: 'GET', path: '/reports' },
  'rejections/list': { method: 'GET', path: '/rejections' },
  'flags/list': { method: 'GET', path: '/flags' },
  'payments/open': { method: 'POST', path: '/payments/intents' },
  'payments/status': { method: 'GET', path: '/payments/intents/:reference' },
  'payments/cancel': { method: 'POST', path: '/payments/intents/:reference/cancel' },
  'payments/confirm-by-hand': { method: 'POST', path: '/payments/intents/:reference/confirm' },
  'receipts/send': { method: 'POST', path: '/receipts/:saleId/send' },
  'receipts/send-status': { method: 'GET', path: '/receipts/:saleId/send/:id' },
  'receipts/preference': { method: 'GET', path: '/receipts/preferences/:customerId' },
  'einvoices/list': { method: 'GET', path: '/einvoices' },
  'einvoices/resend': { method: 'POST', path: '/einvoices/:id/resend' },
  'einvoices/buyer': { method: 'POST', path: '/einvoices/:id/buyer' },
  'admin/revoke-receipt-link': { method: 'POST', path: '/admin/receipts/:saleId/revoke' },
  'admin/import-catalog': { method: 'POST', path: '/admin/catalog', wholeBody: true },
  'admin/issue-gift-card': { method: 'POST', path: '/admin/gift-cards' },
  'admin/enrol-device': { method: 'POST', path: '/admin/devices' },
  'admin/list-devices': { method: 'GET', path: '/admin/devices' },
  'admin/revoke-device': { method: 'DELETE', path: '/admin/devices/:id' },
  'device/pin-key': { method: 'GET', path: '/device/pin-key' },
  'sync/snapshot': { method: 'GET', path: '/snapshot/:db' },
  'admin/enrol-shop': { method: 'POST', path: '/admin/shops' },
  'admin/set-staff': { method: 'POST', path: '/admin/staff/:id' },
};

export const API_NAMES = Object.keys(API_ENTRIES) as ApiName[];

/** The `:name` parameters of an entry's path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
}

/** Checks a request against its entry; the problem says which field and what to send. */
export function apiRequestProblem(name: ApiName, request: unknown) {
  return API_CHECKS[name](request);
}
