/**
 * One entry of a store's audit trail: an action at the till that needed a permission (a price
 * override, a discount over the cashier's limit, a void, a no-sale drawer open...), who asked,
 * who allowed it and how. Written by the register where it happened, in the store's database
 * (`audit-<storeId>`), and never edited.
 */
import type { Permission } from './store-settings';
import { idField, isoTimeField, minorField, storeIdField } from './json-schema';
import type { DocumentSchema, JsonSchema } from './json-schema';
import type { Minor } from '../money';

/** The actions a manager override may unlock at the till. */
export const OVERRIDE_ACTIONS = [
  'price-override',
  'discount-over-limit',
  'remove-line-after-payment',
  'void-sale',
  'no-sale',
  'return-without-receipt',
] as const satisfies readonly Permission[];
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

/**
 * What the trail records: the overrides, and receipts printed again as copies (who reprinted
 * which receipt: a copy is a second paper for the same money, so the manager can see them).
 */
export const AUDIT_ACTIONS = [...OVERRIDE_ACTIONS, 'reprint-receipt'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * How the action was allowed: the signed-in staff member's own role had the permission, or an
 * approver typed their PIN or scanned their staff badge.
 */
export type ApprovalMethod = 'own-permission' | 'pin' | 'badge';

export interface AuditEntryDoc {
  id: string; // `audit_<time-ordered>`
  storeId: string;
  registerId: string;
  deviceId: string;
  action: AuditAction;
  /** The staff member signed in at the till. */
  requestedBy: string;
  /** Who allowed it (the requester when their role has the permission). */
  approvedBy: string;
  approverRole: 'cashier' | 'supervisor' | 'manager';
  method: ApprovalMethod;
  /**
   * The open sale it happened in (its id is made when the sale starts); for a reprint, the
   * document whose receipt was printed again (a sale, a return or a pickup).
   */
  saleId?: string;
  lineId?: string;
  sku?: string;
  /** Amounts involved: the price before and after, the discount, the sale total voided. */
  amountBefore?: Minor;
  amountAfter?: Minor;
  /** A discount in basis points, when the action is one. */
  percentBp?: number;
  reason?: string;
  createdAt: string;
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });

export const auditEntrySchema: DocumentSchema = {
  title: 'audit entry',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    storeId: storeIdField,
    registerId: text(64),
    deviceId: text(64),
    action: { type: 'string', enum: AUDIT_ACTIONS },
    requestedBy: text(128),
    approvedBy: text(128),
    approverRole: { type: 'string', enum: ['cashier', 'supervisor', 'manager'] },
    method: { type: 'string', enum: ['own-permission', 'pin', 'badge'] },
    saleId: text(128),
    lineId: text(64),
    sku: text(64),
    amountBefore: minorField,
    amountAfter: minorField,
    percentBp: { type: 'integer', minimum: 0, maximum: 10000 },
    reason: text(200),
    createdAt: isoTimeField,
  },
  required: [
    'id',
    'storeId',
    'registerId',
    'deviceId',
    'action',
    'requestedBy',
    'approvedBy',
    'approverRole',
    'method',
    'createdAt',
  ],
  additionalProperties: false,
  indexes: ['createdAt'],
};
