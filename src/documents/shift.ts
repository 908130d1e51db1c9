import type { CurrencyCode, Minor } from '../money';
import { currencyField, idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';

/** So many notes or coins of one value, e.g. 12 × 500,000 ₫. */
export interface DenominationCount {
  value: Minor;
  count: number;
}

/** One tender at close: what the movements say should be there, what was counted, the gap. */
export interface ShiftTenderClose {
  /** `cash`, or the tender id of the sales module (`card`, `qr` …). */
  tender: string;
  expected: Minor;
  /** Null when the tender is not counted at close (points, store credit). */
  counted: Minor | null;
  /** counted − expected: positive when over, negative when short; null when not counted. */
  overShort: Minor | null;
  denominations?: DenominationCount[];
}

export interface ShiftClose {
  closedAt: string;
  closedBy: string;
  tenders: ShiftTenderClose[];
  /** Σ overShort of the counted tenders. */
  totalOverShort: Minor;
  note?: string;
}

/**
 * A register's shift, from opening float to Z report. Written by that register only, twice: when
 * it opens (status `open`), and once when it closes, with the Z figures frozen in `closing`; after
 * that it never changes, and the sync-server rejects any edit of a closed shift.
 *
 * Cash moves are not kept in the shift: each paid-in, paid-out, drop or float top-up is its own
 * immutable CashMoveDoc pointing at the shift (documents/cash-move.ts), and sale and refund
 * cash comes from the sales' own tenders. A drawer's expected cash is the sum of those facts,
 * so the shift document never carries a running total that two writes could disagree on.
 */
export interface ShiftDoc {
  id: string; // `shift_<time-ordered>`
  storeId: string;
  registerId: string;
  deviceId: string;
  currency: CurrencyCode;
  status: 'open' | 'closed';
  openedAt: string;
  /** Staff id of who opened the drawer. */
  openedBy: string;
  openingFloat: Minor;
  openingDenominations?: DenominationCount[];
  /** Present exactly when `status` is `closed`. */
  closing?: ShiftClose;
}

const denominations: JsonSchema = {
  type: 'array',
  maxItems: 40,
  items: {
    type: 'object',
    properties: {
      value: { type: 'integer', minimum: 1, maximum: 1e12 },
      count: { type: 'integer', minimum: 0, maximum: 1e6 },
    },
    required: ['value', 'count'],
    additionalProperties: false,
  },
};
const nullableMinor: JsonSchema = { ...minorField, type: ['integer', 'null'] };

export const shiftSchema: DocumentSchema = {
  title: 'shift',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    registerId: { type: 'string', maxLength: 64 },
    deviceId: { type: 'string', maxLength: 64 },
    currency: currencyField,
    status: { type: 'string', enum: ['open', 'closed'], maxLength: 8 },
    openedAt: isoTimeField,
    openedBy: { type: 'string', maxLength: 128 },
    openingFloat: { ...minorField, minimum: 0 },
    openingDenominations: denominations,
    closing: {
      type: 'object',
      properties: {
        closedAt: isoTimeField,
        closedBy: { type: 'string', maxLength: 128 },
        tenders: {
          type: 'array',
          maxItems: 30,
          items: {
            type: 'object',
            properties: {
              tender: { type: 'string', maxLength: 32 },
              expected: minorField,
              counted: nullableMinor,
              overShort: nullableMinor,
              denominations,
            },
            required: ['tender', 'expected', 'counted', 'overShort'],
            additionalProperties: false,
          },
        },
        totalOverShort: minorField,
        note: { type: 'string', maxLength: 500 },
      },
      required: ['closedAt', 'closedBy', 'tenders', 'totalOverShort'],
      additionalProperties: false,
    },
  },
  required: [
    'id',
    'storeId',
    'registerId',
    'deviceId',
    'currency',
    'status',
    'openedAt',
    'openedBy',
    'openingFloat',
  ],
  additionalProperties: false,
  indexes: ['status'],
};
