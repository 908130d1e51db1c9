/**
 * A create-only claim: a document with a deterministic id, written without a revision, so of two
 * writers (two requests of one process, or two server processes in front of one CouchDB) exactly
 * one creates it and the other meets a conflict (on a cluster, couchdb-races.ts settles the rare
 * race where both are told `ok`), then reads who holds it. Never a lock in memory. Receipt
 * numbers (receipt-number-check.ts) and gift card numbers (gift-card-claims.ts) are claimed so.
 */
import type { DocumentStore, StoredDoc } from './document-store';

/**
 * Creates `{ _id: id, ...fields }` in `db` unless it exists; answers the document that holds the
 * id afterwards, and whether this call created it.
 */
export async function createOnlyClaim(
  store: DocumentStore,
  db: string,
  id: string,
  fields: Record<string, unknown>,
): Promise<{ doc: Record<string, unknown>; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing: StoredDoc | undefined = (await store.getCurrent(db, [id])).get(id);
    if (existing && !existing._deleted) return { doc: existing, created: false };
    const created = { _id: id, ...fields, claimedAt: new Date().toISOString() };
    const [row] = await store.bulkDocs(db, [created], true);
    if (row?.ok) return { doc: created, created: true };
    if (row?.error !== 'conflict') {
      throw new Error(`Claim ${id} not written: ${row?.reason ?? row?.error ?? 'no reply'}`);
    }
  }
  throw new Error(`Claim ${id} kept changing; retry the push.`);
}

/**
 * The claim on a gift card number (`omnitill-gift-card-claims`): a till sale selling the card
 * holds it with `saleId` (gate/push-checks/gift-card-claims.ts), the head office's first issue
 * with `issueId` (services/stored-value.ts), so the two cannot both create the same new card.
 */
export const giftCardClaimId = (number: string): string => `gift-card:${number}`;
