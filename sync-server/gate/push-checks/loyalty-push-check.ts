/**
 * What the server re-derives of a pushed loyalty entry before it lands (see push-check.ts).
 * A register writes only entries that follow from its own store's documents
 * (src/loyalty/loyalty-entry-rules.ts):
 *
 * - `earn`: exactly the sale's `loyalty.pointsEarned`, for the sale's customer;
 * - `redeem`: exactly the sale's points tender, through a hold the server placed, or within the
 *   offline allowance (loyalty-redeem-check.ts);
 * - `reverse`: what the return computes, against the earn or redeem of the return's original;
 * - `release`: of a hold the server placed for this store, in full;
 * - never `hold`, `adjust` or `expire` (the server's own).
 *
 * Every entry's idempotency key is the one derived from its kind and source, and a key another
 * entry already holds is refused unless both record the same fact: otherwise `uniqueEntries`
 * would keep one of them and erase the other from every balance.
 */
import type { LoyaltyEntryDoc, ReturnDoc, SaleDoc } from '../../../src/documents';
import {
  derivedIdempotencyKey,
  DEVICE_ENTRY_KINDS,
  reversiblePoints,
  saleLoyaltyFacts,
  sameLedgerFact,
} from '../../../src/loyalty';
import { fromCouchDoc } from '../../storage/couch-doc';
import { storeDatabaseName } from '../../storage/database-layout';
import type { StoredDoc } from '../../storage/document-store';
import { checkRedemption } from './loyalty-redeem-check';
import { sourceDocument } from './loyalty-sources';
import type { Source } from './loyalty-sources';
import type { PushCheck, PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, pending, reject } from './push-check';

/** The customer's entries on the server and those accepted earlier in this request. */
export async function ledgerOf(
  context: PushCheckContext,
  customerId: string,
): Promise<LoyaltyEntryDoc[]> {
  const stored = await context.memo(`loyalty:ledger:${customerId}`, async () =>
    (await context.index.postings<LoyaltyEntryDoc>('loy', customerId)).map(
      (posting) => posting.value,
    ),
  );
  const earlier = [...context.accepted.values()]
    .map((doc) => fromCouchDoc<LoyaltyEntryDoc>(doc as StoredDoc))
    .filter((entry) => entry.customerId === customerId);
  const ids = new Set(earlier.map((entry) => entry.id));
  return [...stored.filter((entry) => !ids.has(entry.id)), ...earlier];
}

/** The entry's source document in this store's `collection` database. */
async function sourceOf<T>(
  context: PushCheckContext,
  collection: 'sales' | 'returns',
  entry: LoyaltyEntryDoc,
): Promise<Source<T>> {
  const prefix = collection === 'sales' ? 'sale_' : 'ret_';
  const what = collection === 'sales' ? 'sale' : 'return';
  if (!entry.sourceId.startsWith(prefix)) {
    return {
      ok: false,
      verdict: reject(
        'no_source',
        `a register's ${entry.kind} entry follows from one of its store's ${what}s: sourceId must be a ${prefix}… id, not "${entry.sourceId}"`,
      ),
    };
  }
  return sourceDocument<T>(
    context,
    storeDatabaseName(collection, context.principal.storeId),
    entry.sourceId,
    `its ${entry.kind} entry`,
  );
}

async function checkEarn(entry: LoyaltyEntryDoc, context: PushCheckContext): Promise<PushVerdict> {
  const source = await sourceOf<SaleDoc>(context, 'sales', entry);
  if (!source.ok) return source.verdict;
  const facts = saleLoyaltyFacts(source.doc);
  if (source.doc.status !== 'completed' || facts.customerId !== entry.customerId) {
    return reject(
      'loyalty_mismatch',
      `sale ${entry.sourceId} earns points for ${facts.customerId ?? 'no customer'}, not ${entry.customerId}`,
    );
  }
  if (facts.earned !== entry.points) {
    return reject(
      'loyalty_mismatch',
      `sale ${entry.sourceId} earns ${facts.earned} points, not ${entry.points}`,
    );
  }
  return ACCEPT;
}

async function checkReverse(
  entry: LoyaltyEntryDoc,
  context: PushCheckContext,
  ledger: readonly LoyaltyEntryDoc[],
): Promise<PushVerdict> {
  const source = await sourceOf<ReturnDoc>(context, 'returns', entry);
  if (!source.ok) return source.verdict;
  const returned = source.doc;
  const original = ledger.find((candidate) => candidate.id === entry.refersTo);
  if (!original) {
    return pending(
      `the entry ${entry.refersTo ?? ''} this reversal undoes is not on the server yet.`,
    );
  }
  const originalId = returned.original?.documentId;
  const undoesEarn = original.kind === 'earn' && entry.points < 0;
  const undoesRedeem = original.kind === 'redeem' && entry.points > 0;
  if (
    !originalId ||
    returned.customerId !== entry.customerId ||
    original.customerId !== entry.customerId ||
    (!undoesEarn && !undoesRedeem) ||
    original.idempotencyKey !== `${original.kind}:${originalId}`
  ) {
    return reject(
      'loyalty_mismatch',
      `return ${returned.id} does not undo ${original.kind} ${original.id} of customer ${original.customerId}`,
    );
  }
  const computed = undoesEarn
    ? returned.loyalty.pointsEarnedReversed
    : returned.loyalty.pointsRedeemedReturned;
  const others = ledger.filter((other) => other.idempotencyKey !== entry.idempotencyKey);
  // As buildReturnDocuments takes it: what the return computes, no more than is left (fewer
  // would leave the customer points the return took back).
  const expected = Math.min(computed, reversiblePoints(original, others));
  if (Math.abs(entry.points) !== expected) {
    return reject(
      'loyalty_mismatch',
      `return ${returned.id} reverses ${expected} points of ${original.id} (the return computes ${computed}), not ${Math.abs(entry.points)}`,
    );
  }
  return ACCEPT;
}

function checkRelease(
  entry: LoyaltyEntryDoc,
  context: PushCheckContext,
  ledger: readonly LoyaltyEntryDoc[],
): PushVerdict {
  const hold = ledger.find(
    (candidate) => candidate.id === entry.refersTo && candidate.kind === 'hold',
  );
  if (!hold || hold.storeId !== context.principal.storeId) {
    return reject(
      'no_hold',
      `no hold ${entry.refersTo ?? ''} placed for store ${context.principal.storeId}; release a hold through POST /api/v1/loyalty/holds/{id}/release`,
    );
  }
  if (
    hold.customerId !== entry.customerId ||
    entry.points !== -hold.points ||
    entry.sourceId !== hold.sourceId
  ) {
    return reject(
      'loyalty_mismatch',
      `a release gives hold ${hold.id} back in full: ${-hold.points} points of ${hold.customerId} for ${hold.sourceId}`,
    );
  }
  return ACCEPT;
}

export const checkLoyaltyPush: PushCheck = async (doc, context) => {
  const entry = fromCouchDoc<LoyaltyEntryDoc>(doc as StoredDoc);
  if (entry.deviceId !== undefined && entry.deviceId !== context.principal.id) {
    return reject(
      'forged_identity',
      `the entry names device ${entry.deviceId}; this device is ${context.principal.id}`,
    );
  }
  if (!DEVICE_ENTRY_KINDS.has(entry.kind)) {
    return reject(
      'not_derived',
      `${entry.kind} entries are written by the server only (holds through POST /api/v1/loyalty/holds, adjustments by customer care)`,
    );
  }
  const ledger = await ledgerOf(context, entry.customerId);
  const taken = ledger.find(
    (other) =>
      other.id !== entry.id &&
      other.idempotencyKey === entry.idempotencyKey &&
      !sameLedgerFact(other, entry),
  );
  if (taken) {
    return reject(
      'duplicate_key',
      `idempotency key ${entry.idempotencyKey} already belongs to entry ${taken.id}, another fact`,
    );
  }
  const key = derivedIdempotencyKey(entry);
  if (entry.idempotencyKey !== key) {
    return reject(
      'duplicate_key',
      `a ${entry.kind} entry's idempotency key is "${key ?? ''}" (derived from its source), not "${entry.idempotencyKey}"`,
    );
  }
  switch (entry.kind) {
    case 'earn':
      return checkEarn(entry, context);
    case 'redeem': {
      const source = await sourceOf<SaleDoc>(context, 'sales', entry);
      if (!source.ok) return source.verdict;
      return checkRedemption(entry, source.doc, ledger, context);
    }
    case 'reverse':
      return checkReverse(entry, context, ledger);
    case 'release':
      return checkRelease(entry, context, ledger);
    case 'hold':
    case 'adjust':
    case 'expire':
      return reject('not_derived', `${entry.kind} entries are written by the server only`);
  }
};
