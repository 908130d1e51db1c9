/**
 * A cash move: money put into or taken out of a drawer other than by a sale or a refund. Each
 * one is its own immutable document pointing at its shift, so a closed shift never changes and
 * the drawer's expected cash stays a sum (ARCHITECTURE.md rule 1). Collection `cash-moves`, in
 * the store's database like shifts, written by the register that holds the drawer.
 *
 * Sale cash in and refund cash out are not written here: they are already facts in the sale and
 * return documents (their cash tenders), and writing them twice would let the copies disagree.
 * Reports take them as TenderMovements derived from those documents (src/shifts/shift-report.ts).
 */
import type { Minor } from '../money';
import { idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

/**
 * `float`: change added to the drawer during the shift (the opening float is in the shift).
 * `paid-in` / `paid-out`: cash in or out for a stated reason (a delivery paid in cash).
 * `drop`: cash taken to the safe during the shift to keep the drawer light.
 */
export const CASH_MOVE_KINDS = ['float', 'paid-in', 'paid-out', 'drop'] as const;
export type CashMoveKind = (typeof CASH_MOVE_KINDS)[number];

export interface CashMoveDoc {
  id: string; // `cash_<time-ordered>`
  shiftId: string;
  storeId: string;
  deviceId: string;
  kind: CashMoveKind;
  /** Signed: positive into the drawer (float, paid-in), negative out (paid-out, drop). */
  amount: Minor;
  /** Staff id of who moved the cash. */
  staffId: string;
  /** Required for paid-in and paid-out. */
  reason?: string;
  createdAt: string;
}

export const cashMoveSchema: DocumentSchema = {
  title: 'cash move',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    shiftId: { type: 'string', maxLength: 128 },
    storeId: storeIdField,
    deviceId: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: CASH_MOVE_KINDS },
    amount: minorField,
    staffId: { type: 'string', maxLength: 128 },
    reason: { type: 'string', maxLength: 300 },
    createdAt: isoTimeField,
  },
  required: ['id', 'shiftId', 'storeId', 'deviceId', 'kind', 'amount', 'staffId', 'createdAt'],
  additionalProperties: false,
  indexes: ['shiftId'],
};
