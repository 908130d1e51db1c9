/**
 * What a scan is, as a tagged value the caller dispatches on. The classifier never looks up the
 * catalog or a customer: ids and codes come back as scanned (plus the GTIN-14 lookup key) for
 * the caller to resolve.
 */
import type { CurrencyCode, Minor } from '../money';
import type { AimSymbology } from './aim-symbology';
import type { BarcodeLayouts } from '../documents/parts/barcode-layouts';
import type { Gs1Element } from './gs1-element-string';
import type { GtinFormat } from './gtin';
import type { Measure } from './variable-measure';

export interface ScanContext {
  /** Today in the store's time zone, yyyy-mm-dd: places two-digit years, flags expired goods. */
  today: string;
  /** The store's currency, to turn GS1 prices (392n) into minor units. */
  currency: CurrencyCode;
  layouts: BarcodeLayouts;
}

interface ScanBase {
  /** The scan as received, trimmed (AIM identifier included). */
  raw: string;
  /** The AIM symbology identifier, when the scanner sends one. */
  aim: AimSymbology | null;
}

/** A trade item by GTIN: resolve `gtin14` against the catalog's barcodes, normalised alike. */
export interface ProductScan extends ScanBase {
  kind: 'product';
  format: GtinFormat;
  /** The digits as scanned (8, 12, 13 or 14). */
  code: string;
  gtin14: string;
  /** A 2- or 5-digit EAN add-on (periodicals), when the scanner sent one. */
  addOn?: string;
}

/** An in-store weighed or priced item: resolve `plu` against `ProductDoc.plu`. */
export interface VariableMeasureScan extends ScanBase {
  kind: 'variable-measure';
  code: string;
  prefix: string;
  plu: string;
  measure: Measure;
}

export interface Gs1ProductAttributes {
  batch?: string;
  serial?: string;
  variant?: string;
  /** ISO dates; a GS1 day 00 is the last day of the month. */
  productionDate?: string;
  packagingDate?: string;
  bestBefore?: string;
  sellBy?: string;
  expiry?: string;
  /** From 310n, in grams (rounded half-up when the code is finer than a gram). */
  netWeightGrams?: number;
  /** From 392n, in the store currency's minor units. */
  price?: Minor;
  /** From 30 (variable count). */
  count?: number;
}

/** A GS1 element string with a GTIN (01): GS1-128, DataMatrix, QR, DataBar or Digital Link. */
export interface Gs1ProductScan extends ScanBase {
  kind: 'gs1-product';
  gtin14: string;
  attributes: Gs1ProductAttributes;
  /** True when the expiry date (17) is before today. */
  expired: boolean;
  elements: readonly Gs1Element[];
}

/** A pallet or case label (SSCC), for receiving stock rather than for selling. */
export interface LogisticUnitScan extends ScanBase {
  kind: 'logistic-unit';
  sscc: string;
  contentGtin14?: string;
  count?: number;
  elements: readonly Gs1Element[];
}

export interface LoyaltyCardScan extends ScanBase {
  kind: 'loyalty-card';
  cardNumber: string;
}

export interface GiftCardScan extends ScanBase {
  kind: 'gift-card';
  cardNumber: string;
}

export interface StaffBadgeScan extends ScanBase {
  kind: 'staff-badge';
  badge: string;
}

export interface CouponScan extends ScanBase {
  kind: 'coupon';
  code: string;
  /** `omnitill`: our QR; `store`: a store pattern; `gs1`: a GS1 coupon number. */
  source: 'omnitill' | 'store' | 'gs1';
}

/** A web or care order (`ord_...`), e.g. shown by the customer to collect or return it. */
export interface OrderScan extends ScanBase {
  kind: 'order';
  orderId: string;
}

/** One of our receipts: a sale (`sale_...`) or a return (`ret_...`). */
export interface ReceiptScan extends ScanBase {
  kind: 'receipt';
  document: 'sale' | 'return';
  id: string;
}

export type InvalidReason =
  | 'check-digit'
  | 'date'
  | 'length'
  | 'format'
  | 'value'
  | 'unknown-ai'
  | 'structure'
  | 'control-character';

/** The code is recognisable but wrong: a misread or a bad label. Never guessed around. */
export interface InvalidScan extends ScanBase {
  kind: 'invalid';
  reason: InvalidReason;
  message: string;
}

export type UnknownReason = 'empty' | 'unrecognised' | 'unsupported';

/** Nothing we know how to read. */
export interface UnknownScan extends ScanBase {
  kind: 'unknown';
  reason: UnknownReason;
  message: string;
}

export type ScanResult =
  | ProductScan
  | VariableMeasureScan
  | Gs1ProductScan
  | LogisticUnitScan
  | LoyaltyCardScan
  | GiftCardScan
  | StaffBadgeScan
  | CouponScan
  | OrderScan
  | ReceiptScan
  | InvalidScan
  | UnknownScan;

export type ScanKind = ScanResult['kind'];
