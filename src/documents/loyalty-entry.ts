import type { Channel } from './customer';
import { idField, isoTimeField, storeIdField } from './json-schema';
import type { DocumentSchema } from './json-schema';

export const LOYALTY_ENTRY_KINDS = [
  'earn',
  'redeem',
  'hold',
  'release',
  'reverse',
  'adjust',
  'expire',
] as const;
export type LoyaltyEntryKind = (typeof LOYALTY_ENTRY_KINDS)[number];

/**
 * One immutable fact in a customer's points ledger. A balance is never stored: it is the sum of
 * `points` over the customer's entries (see src/loyalty/loyalty-ledger.ts for the exact
 * definition). Signs are fixed per kind so a sum is always meaningful:
 *
 * - `earn` > 0: points for a sale or an online order; carries `expiresAt` when points expire.
 * - `redeem` < 0: points spent as a tender.
 * - `hold` < 0: points reserved online while a sale is open; `holdExpiresAt` says when the
 *   server may release it if the register never does.
 * - `release` > 0: gives a hold back, exactly `-hold.points`; `refersTo` is the hold.
 *   Completing a held redemption writes a release and a redeem, so holds never linger.
 * - `reverse` ≠ 0: undoes all or part of an earn (< 0, on a return) or a redeem (> 0, on a
 *   void or a refund of the points tender); `refersTo` is the entry undone.
 * - `adjust` ≠ 0: a manual correction by customer care or a manager; `reason` is required.
 * - `expire` < 0: points that lapsed, computed from earn entries; `refersTo` is the lot.
 *
 * Written by the server (web, care, expiry, lapsed holds) and by registers (their own store's
 * entries). `idempotencyKey` names the business fact (e.g. `redeem:<saleId>`), so the same
 * fact written twice under two ids still counts once.
 */
export interface LoyaltyEntryDoc {
  id: string; // `loy_<time-ordered>`
  customerId: string;
  kind: LoyaltyEntryKind;
  /** Signed whole points. */
  points: number;
  channel: Channel;
  /** The store where the fact happened; absent for web and care entries written centrally. */
  storeId?: string;
  /** The device that wrote the entry; absent for entries written by the server. */
  deviceId?: string;
  /** The document the entry is about: a sale, a return, a web order, a care ticket. */
  sourceId: string;
  idempotencyKey: string;
  /** The entry this one releases, reverses or expires. */
  refersTo?: string;
  /** Earn (and positive adjust): when the remaining points of this lot lapse. */
  expiresAt?: string;
  /** Hold: after this time the server may release the hold itself. */
  holdExpiresAt?: string;
  /** Why: required for adjust, useful for reverse. */
  reason?: string;
  createdAt: string;
}

export const loyaltyEntrySchema: DocumentSchema = {
  title: 'loyalty entry',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    customerId: { type: 'string', maxLength: 128 },
    kind: { type: 'string', enum: LOYALTY_ENTRY_KINDS },
    points: { type: 'integer', minimum: -1e12, maximum: 1e12 },
    channel: { type: 'string', enum: ['store', 'web', 'care', 'social'] },
    storeId: storeIdField,
    deviceId: { type: 'string', maxLength: 64 },
    sourceId: { type: 'string', maxLength: 128 },
    idempotencyKey: { type: 'string', minLength: 1, maxLength: 200 },
    refersTo: { type: 'string', maxLength: 128 },
    expiresAt: isoTimeField,
    holdExpiresAt: isoTimeField,
    reason: { type: 'string', maxLength: 300 },
    createdAt: isoTimeField,
  },
  required: [
    'id',
    'customerId',
    'kind',
    'points',
    'channel',
    'sourceId',
    'idempotencyKey',
    'createdAt',
  ],
  additionalProperties: false,
  indexes: ['customerId', 'idempotencyKey'],
};
