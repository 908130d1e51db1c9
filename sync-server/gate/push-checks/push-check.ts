/**
 * The server as the authority over money (ARCHITECTURE.md rule 4): what a register pushes is
 * re-derived here before it lands. The gate (replication-gate.ts) first applies the document
 * rules that need nothing but the document (schema, store ownership, immutability; see
 * write-policy.ts), then asks the check of the document's collection (push-checks.ts), which may
 * read what the server already holds: the catalog and its price history, staff, the original of
 * a return, a customer's ledger. A check answers one of three things:
 *
 * - `accept`: the document lands; `flags` (if any) are raised for a manager beside it, for what
 *   a register legitimately offline could not have known (ARCHITECTURE.md rule 4, "accepts and
 *   flags").
 * - `reject`: the document is refused with a reason code and kept in the rejection log.
 * - `pending`: the document depends on another that has not reached the server yet (a loyalty
 *   entry before its sale: each collection replicates on its own). Nothing is written and the
 *   row answers an error, so the register retries the batch; once the other document is in, the
 *   check decides for good.
 */
import type { Principal } from '../../access/auth';
import type { DatabaseName } from '../../storage/database-layout';
import type { DocumentStore } from '../../storage/document-store';
import type { FlagDraft } from '../../index/reconciler';
import type { RejectionLog } from '../rejection-log';
import type { ServerIndex } from '../../index/server-index';
import type { SettingsHistory } from '../../history/settings-history';

export type DevicePrincipal = Extract<Principal, { kind: 'device' }>;

/** The reason codes a push check may answer with (listed in docs/API.md, "Rejected documents"). */
export type PushRejectionCode =
  | 'forged_identity'
  | 'unknown_product'
  | 'price_mismatch'
  | 'not_approved'
  | 'implausible_time'
  | 'loyalty_mismatch'
  | 'voided_on_push'
  | 'receipt_number_mismatch'
  | 'reused_receipt_number'
  | 'no_source'
  | 'source_rejected'
  | 'not_derived'
  | 'over_return'
  | 'refund_mismatch'
  | 'amount_mismatch'
  | 'no_hold'
  | 'duplicate_key'
  | 'unbounded'
  | 'unmatched_transfer'
  | 'duplicate_customer'
  | 'unknown_payment'
  | 'payment_unconfirmed'
  | 'payment_used'
  | 'gift_card_exists'
  | 'gift_card_for_gift_card'
  | 'gift_card_for_points_or_credit';

// FlagDraft lives beside the reconciler that raises it, so the index room needs nothing of the gate.
export type { FlagDraft } from '../../index/reconciler';

export type PushVerdict =
  | { kind: 'accept'; flags?: FlagDraft[] }
  | { kind: 'reject'; code: PushRejectionCode; reason: string }
  | { kind: 'pending'; reason: string };

export const ACCEPT: PushVerdict = { kind: 'accept' };

export function reject(code: PushRejectionCode, reason: string): PushVerdict {
  return { kind: 'reject', code, reason };
}

export function pending(reason: string): PushVerdict {
  return { kind: 'pending', reason };
}

/** What the server holds, for the checks of one push request. */
export interface PushCheckContext {
  principal: DevicePrincipal;
  /** The database the document was pushed to. */
  database: DatabaseName;
  store: DocumentStore;
  /** Caught up before the checks of a request run. */
  index: ServerIndex;
  settingsHistory: SettingsHistory;
  rejections: RejectionLog;
  /** The time the server received the push. */
  now: Date;
  /**
   * Remembers a lookup for the rest of the request: a batch of 100 stock moves of one sale
   * reads the sale once. Keys are free-form; prefix them with the module's name.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Documents of this request accepted so far, by id (a later one may depend on them). */
  accepted: ReadonlyMap<string, Record<string, unknown>>;
  /**
   * Resolves once a document another request of this process is writing now has been written
   * (at once when none is): a sale and its ledger entries are pushed side by side, and the
   * entry's check should find the sale rather than answer `pending`.
   */
  awaitInFlight(id: string): Promise<void>;
}

/** One collection's check. `doc` has passed the schema; its `_id` is a string. */
export type PushCheck = (
  doc: Record<string, unknown>,
  context: PushCheckContext,
) => Promise<PushVerdict>;
