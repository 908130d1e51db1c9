/**
 * The `einvoice` section of store settings (since schema version 6): what a register needs to
 * print its sale's e-invoice code offline. The sync-server writes it at start from its e-invoice
 * configuration (OMNITILL_EINVOICE_CONFIG), the one place the store owner sets it, so the code a
 * register prints is the code the server sends (docs/INVOICES.md). src/einvoice reads it.
 */
import type { JsonSchema } from '../json-schema';

export interface EInvoiceRegisterNumber {
  registerId: string;
  /** 1-999, this register's number among the seller's registers. */
  number: number;
}

export interface EInvoiceSettings {
  /** The store's first day of e-invoices (yyyy-mm-dd, its calendar): earlier sales get none. */
  from: string;
  /** The 5 characters the tax authority issued to the seller. */
  sellerBlock: string;
  /** The two letters of the seller's symbol (`AA` in C27MAA). */
  series: string;
  registers: EInvoiceRegisterNumber[];
  /**
   * Where a customer looks the invoice up; `{code}` in it is replaced by the invoice's code (for
   * the QR). Absent: the receipt prints the code without a lookup address.
   */
  lookupUrl?: string;
}

export const einvoiceSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    from: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    sellerBlock: { type: 'string', pattern: '^[A-Z0-9]{5}$' },
    series: { type: 'string', pattern: '^[A-Z]{2}$' },
    registers: {
      type: 'array',
      maxItems: 999,
      items: {
        type: 'object',
        properties: {
          registerId: { type: 'string', minLength: 1, maxLength: 64 },
          number: { type: 'integer', minimum: 1, maximum: 999 },
        },
        required: ['registerId', 'number'],
        additionalProperties: false,
      },
    },
    lookupUrl: { type: 'string', pattern: '^https?://', maxLength: 200 },
  },
  required: ['from', 'sellerBlock', 'series', 'registers'],
  additionalProperties: false,
};
