/**
 * The shapes the sync-server's domain API answers with, declared once for the server (whose route
 * handlers must return them) and the register (which reads them). Documents are the `src/documents`
 * types; these are the views built around them.
 */
import type {
  CustomerDoc,
  ParkedSaleDoc,
  PickupDoc,
  ReturnDoc,
  SaleDoc,
  WebOrderDoc,
} from '../documents';
import type { HistoryItem } from '../customers';
import type { LoyaltyBalance } from '../loyalty';
import type { Minor } from '../money';
import type { StoredValueAccount } from '../stored-value';
import type { TenderKind } from '../tenders';
import type { OrderLineProgress, OrderPayment, WebOrderState } from '../orders';
import type { CustomerReport, LoyaltyReport, ReturnsReport, SalesReport } from '../reports';

export type HoldStatus = 'held' | 'confirmed' | 'released';

export interface LoyaltyHoldReply {
  holdId: string;
  customerId: string;
  points: number;
  status: HoldStatus;
  expiresAt: string;
  available: number;
}

/** A credit note or gift card: its account without the facts it is summed from. */
export type StoredValueReply = Omit<StoredValueAccount, 'issues' | 'redemptions'>;

export interface StoredValueHoldReply {
  holdId: string;
  number: string;
  amount: Minor;
  saleId: string;
  status: HoldStatus;
  expiresAt: string;
  /** What is left to spend on the note once this hold is counted. */
  available: Minor;
}

/** One sale, order or return in a customer's history (src/customers). */
export type CustomerHistoryEntry = HistoryItem;

export interface CustomerProfileReply {
  customer: CustomerDoc;
  loyalty: LoyaltyBalance;
  history: CustomerHistoryEntry[];
}

export interface ReturnClaimReply {
  returnId: string;
  storeId: string;
  deviceId: string;
  lines: { originalLineId: string; quantity: number }[];
  at: string;
  /** After this the pieces are free again unless the return has arrived. */
  expiresAt: string;
}

export interface OrderPickupView {
  id: string;
  storeId: string;
  at: string;
  lines: PickupDoc['lines'];
  amountCollected: PickupDoc['amountCollected'];
  saleId?: string;
  /** The sale's tenders, safe to show; null without a sale or before the sale synced. */
  payment: PickupPaymentView | null;
}

/** A tender of a pickup's sale as the order screen shows it: amounts and the tail ends of references. */
export interface PickupTenderView {
  tenderId: string;
  kind: TenderKind;
  /** Handed over (cash) or charged. */
  amount: number;
  /** The part of the sale's total this tender paid. */
  applied: number;
  /** Cash handed back. */
  change: number;
  cardLast4?: string;
  /** The last characters of the terminal's approval code. */
  approvalCodeEnd?: string;
  /** Gift cards: the last characters of the card number. */
  cardNumberEnd?: string;
  /** Store credit: the last characters of the credit note or account. */
  creditReferenceEnd?: string;
  /** Loyalty points spent. */
  points?: number;
}

/** A pickup's sale as the order screen shows it. */
export interface PickupPaymentView {
  saleId: string;
  status: SaleDoc['status'];
  amountDue: number;
  paid: number;
  change: number;
  tenders: PickupTenderView[];
}

export interface OrderReturnView {
  id: string;
  storeId: string;
  at: string;
  lines: { lineId: string | undefined; quantity: number; refund: Minor }[];
  refund: Minor;
}

export interface OrderReply {
  order: WebOrderDoc;
  state: WebOrderState;
  lines: OrderLineProgress[];
  payment: OrderPayment;
  pickups: OrderPickupView[];
  returns: OrderReturnView[];
}

export interface OrderIntakeReply {
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerCreated: boolean;
  pickupStoreId: string;
  status: WebOrderDoc['status'];
  total: Minor;
  replayed: boolean;
}

export interface PickupCheckin {
  orderId: string;
  orderNumber: string;
  storeId: string;
  /** Initials only: the list is on a screen the queue can see. */
  customerInitials: string;
  at: string;
  servedAt?: string;
}

export interface StockReply {
  sku: string;
  stores: { storeId: string; sellable: number; damaged: number }[];
  total: number;
}

export interface ReportsReply {
  period: { from: string; to: string };
  timeZone: string;
  storeId: string | null;
  sales: SalesReport;
  returns: ReturnsReport;
  loyalty: LoyaltyReport;
  customers: CustomerReport;
}

export interface ClientView {
  id: string;
  kind: 'device' | 'shop';
  name: string;
  storeId?: string;
  createdAt: string;
  revokedAt?: string;
}

export interface ImportReply {
  written: number;
  unchanged: number;
  rejected: { index: number; id: string; reason: string }[];
}

export interface ParkedResumeReply {
  parked: ParkedSaleDoc;
  replayed: boolean;
}

export interface SaleReply {
  sale: SaleDoc;
  returns: ReturnDoc[];
}

/** Something the reconciler found that a manager should look at (docs/API.md, "Flags"). */
export interface ServerFlag {
  _id: string;
  kind: string;
  summary: string;
  storeId?: string;
  documents: { db: string; id: string }[];
  settings?: unknown;
  detectedAt: string;
}

/** A refused write as the rejection log shows it. */
export interface RejectionView {
  id: string;
  /** `admin`, or the device's id. */
  by: string;
  storeId?: string;
  db: string;
  docId: string;
  code: string;
  reason: string;
  at: string;
  /** The pushed document's size as JSON, in bytes (the log keeps a summary, not the document). */
  bytes: number;
  /** SHA-256 (hex) of the pushed document as JSON. */
  sha256: string;
  /** Its top-level field names (at most 40). */
  fields: string[];
}
