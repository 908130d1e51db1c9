import { barcodeLayoutsSchema } from './parts/barcode-layouts';
import type { BarcodeLayouts } from './parts/barcode-layouts';
import { einvoiceSettingsSchema } from './parts/einvoice-settings';
import type { EInvoiceSettings } from './parts/einvoice-settings';
import { loyaltySettingsSchema } from './parts/loyalty-settings';
import type { LoyaltySettings } from './parts/loyalty-settings';
import type { CurrencyCode, RoundingMode } from '../money';
import { currencyField, idField, isoTimeField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';
import { ACCOUNT_DIGITS } from '../payments/vietqr';
import { promotionsSchema } from './parts/promotion';
import type { Promotion } from './parts/promotion';
import { returnPolicySchema } from './parts/return-policy';
import type { ReturnPolicy } from './parts/return-policy';
import { stockSettingsSchema } from './parts/stock-settings';
import type { StockSettings } from './parts/stock-settings';
import type { StaffRole } from './staff';

/**
 * How Vietnamese VAT treats a category (Law on VAT 48/2024/QH15, docs/TAX.md): taxed at a rate
 * (0 %, 5 %, 8 %, 10 %), not subject to VAT ("KCT"), or not declared ("KKKNT"). The last two
 * carry no tax and print their own label, never "0%".
 */
export type TaxKind = 'rate' | 'not-subject' | 'not-declared';

/** From `from` (yyyy-mm-dd, the store's calendar day, src/store-clock) the rate is `rateBp`. */
export interface TaxRateChange {
  from: string;
  rateBp: number;
}

/**
 * A tax category (since schema version 4 it may change rate on dates): the rate in basis points
 * (10 % = 1000, so tax math stays in integers) until the first of `changes`, then each change's
 * rate from its day on. src/tax `taxRateAt` is the one place that reads it.
 */
export interface TaxRate {
  id: string;
  rateBp: number;
  /** The category's name in the back office; receipts print the rate or the kind (src/tax). */
  label: { vi: string; en: string };
  /** Absent means 'rate' (every category before schema version 4). */
  kind?: TaxKind;
  /** Days in ascending order, at most one per day; absent or empty means the rate never changes. */
  changes?: TaxRateChange[];
}

export interface TaxSettings {
  /** Shelf prices include VAT (Vietnam retail) or VAT is added on top. */
  pricesIncludeTax: boolean;
  rates: TaxRate[];
  /** Round tax on each line, or once per rate on the whole document. */
  rounding: 'line' | 'document';
  roundingMode: RoundingMode;
}

/** Optional cash rounding (e.g. VND to 500): applies to cash tenders only. */
export interface CashRounding {
  increment: number;
  mode: RoundingMode;
}

export type Permission =
  | 'price-override'
  | 'discount-over-limit'
  | 'remove-line-after-payment'
  | 'void-sale'
  | 'no-sale'
  | 'return-without-receipt'
  | 'refund'
  | 'manage-stock'
  | 'manage-shift'
  | 'view-reports'
  | 'manage-settings';

/**
 * Everything a register needs to know about its store. One document per store, written by the
 * server only. Sections owned by a domain module are typed by that module.
 */
export interface StoreSettingsDoc {
  id: string; // `store_<storeId>`
  storeId: string;
  name: string;
  address: string;
  currency: CurrencyCode;
  defaultLocale: 'vi-VN' | 'en-US';
  tax: TaxSettings;
  cashRounding: CashRounding | null;
  receipt: { header: string[]; footer: string[] };
  permissions: Record<StaffRole, Permission[]>;
  /** Largest discount a cashier may give without a manager, in basis points. */
  cashierMaxDiscountBp: number;
  /** The loyalty program and its offline limits; absent when the store runs no program. */
  loyalty?: LoyaltySettings;
  /** Automatic promotions priced by src/pricing; absent or empty when none run. */
  promotions?: Promotion[];
  /** Return windows and refund rules applied by src/returns; absent means returns are not set up. */
  returnPolicy?: ReturnPolicy;
  /** How this store's own codes are built (scales, cards); absent means the defaults. */
  barcodeLayouts?: BarcodeLayouts;
  /** Low-stock thresholds (since schema version 1); absent means the default for every SKU. */
  stock?: StockSettings;
  /**
   * This store's quick keys, SKUs in grid order (since schema version 1); absent means the
   * catalog's shared `quickKey` order.
   */
  quickKeys?: string[];
  /**
   * The IANA time zone the store keeps its days in (since schema version 2): "today" for expiry
   * dates, report days and hours. Absent means Asia/Ho_Chi_Minh (src/store-clock).
   */
  timeZone?: string;
  /**
   * The account customers pay into by VietQR bank transfer (since schema version 3); absent
   * means the store takes no bank transfers (docs/PAYMENTS.md).
   */
  bankTransfer?: BankTransferSettings;
  /**
   * The store's cash-register e-invoices as registers print them (since schema version 6),
   * written by the sync-server from its e-invoice configuration; absent means no e-invoices.
   */
  einvoice?: EInvoiceSettings;
  updatedAt: string;
}

export type { EInvoiceRegisterNumber, EInvoiceSettings } from './parts/einvoice-settings';

export interface BankTransferSettings {
  /** The bank's six-digit NAPAS BIN. */
  bankBin: string;
  accountNumber: string;
  /** As the bank holds it, shown beside the QR so the customer sees whom they pay. */
  accountName: string;
  /**
   * The bank's short name as the store owner types it, e.g. "Vietcombank" (since schema version
   * 5); absent means screens and the provisional bill show the BIN. No BIN list is shipped: the
   * public ones disagree with each other.
   */
  bankName?: string;
}

const localized: JsonSchema = {
  type: 'object',
  properties: { vi: { type: 'string', maxLength: 100 }, en: { type: 'string', maxLength: 100 } },
  required: ['vi', 'en'],
};
const roundingMode: JsonSchema = {
  type: 'string',
  enum: ['half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor'],
};
/** The longest bank name the settings keep: a short name fits one line of a 58 mm bill. */
export const BANK_NAME_MAX = 40;

/** How many quick keys the sell screen's grid holds. */
export const MAX_QUICK_KEYS = 48;

const stringList = (maxItems: number, maxLength: number): JsonSchema => ({
  type: 'array',
  items: { type: 'string', maxLength },
  maxItems,
});

export const storeSettingsSchema: DocumentSchema = {
  title: 'store settings',
  version: 6,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    name: { type: 'string', maxLength: 120 },
    address: { type: 'string', maxLength: 300 },
    currency: currencyField,
    defaultLocale: { type: 'string', enum: ['vi-VN', 'en-US'] },
    tax: {
      type: 'object',
      properties: {
        pricesIncludeTax: { type: 'boolean' },
        rates: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            properties: {
              id: { type: 'string', maxLength: 32 },
              rateBp: { type: 'integer', minimum: 0, maximum: 10000 },
              label: localized,
              kind: { type: 'string', enum: ['rate', 'not-subject', 'not-declared'] },
              changes: {
                type: 'array',
                maxItems: 20,
                items: {
                  type: 'object',
                  properties: {
                    from: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
                    rateBp: { type: 'integer', minimum: 0, maximum: 10000 },
                  },
                  required: ['from', 'rateBp'],
                },
              },
            },
            required: ['id', 'rateBp', 'label'],
          },
        },
        rounding: { type: 'string', enum: ['line', 'document'] },
        roundingMode,
      },
      required: ['pricesIncludeTax', 'rates', 'rounding', 'roundingMode'],
    },
    cashRounding: {
      type: ['object', 'null'],
      properties: { increment: { type: 'integer', minimum: 1 }, mode: roundingMode },
    },
    receipt: {
      type: 'object',
      properties: { header: stringList(10, 64), footer: stringList(10, 64) },
      required: ['header', 'footer'],
    },
    permissions: {
      type: 'object',
      properties: {
        cashier: stringList(30, 40),
        supervisor: stringList(30, 40),
        manager: stringList(30, 40),
      },
      required: ['cashier', 'supervisor', 'manager'],
    },
    cashierMaxDiscountBp: { type: 'integer', minimum: 0, maximum: 10000 },
    loyalty: loyaltySettingsSchema,
    promotions: promotionsSchema,
    returnPolicy: returnPolicySchema,
    barcodeLayouts: barcodeLayoutsSchema,
    stock: stockSettingsSchema,
    quickKeys: stringList(MAX_QUICK_KEYS, 64),
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    bankTransfer: {
      type: 'object',
      properties: {
        bankBin: { type: 'string', pattern: '^[0-9]{6}$' },
        accountNumber: {
          type: 'string',
          pattern: `^[0-9]{${ACCOUNT_DIGITS.min},${ACCOUNT_DIGITS.max}}$`,
        },
        accountName: { type: 'string', minLength: 1, maxLength: 70 },
        bankName: { type: 'string', minLength: 1, maxLength: BANK_NAME_MAX },
      },
      required: ['bankBin', 'accountNumber', 'accountName'],
      additionalProperties: false,
    },
    einvoice: einvoiceSettingsSchema,
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'storeId',
    'name',
    'address',
    'currency',
    'defaultLocale',
    'tax',
    'cashRounding',
    'receipt',
    'permissions',
    'cashierMaxDiscountBp',
    'updatedAt',
  ],
  additionalProperties: false,
};
