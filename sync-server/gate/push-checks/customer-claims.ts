/**
 * Create-only claims of a customer's phone and card number, in the internal database
 * `omnitill-customer-claims` (database-layout.ts): `phone:<e164>` and `card:<number>`, each
 * naming the customer it belongs to. A claim is written without a revision, so of two writers
 * (two registers at once, or two server processes in front of one CouchDB) exactly one creates
 * it and the other meets a conflict, then reads who holds it. Never a lock in memory.
 */
import { INTERNAL_DATABASES } from '../../storage/database-layout';
import type { DocumentStore } from '../../storage/document-store';
import { KeyedQueue } from '../../storage/keyed-queue';

const DB = INTERNAL_DATABASES.customerClaims;

export interface IdentityClaim {
  kind: 'phone' | 'card';
  /** Normalised (src/customers/customer-identity.ts). */
  value: string;
}

export function claimId(claim: IdentityClaim): string {
  return `${claim.kind}:${claim.value}`;
}

/** Who holds a claim after `claimIdentity`, and the claim's revision when this call created it. */
export interface ClaimOutcome {
  holder: string;
  createdRev?: string;
}

/**
 * Claims `claim` for `customerId`; answers the customer who holds it afterwards (this one when
 * the claim is new or already its own).
 */
export function claimIdentity(
  store: DocumentStore,
  claim: IdentityClaim,
  customerId: string,
): Promise<ClaimOutcome> {
  return CLAIMERS.run(claimId(claim), () => writeClaim(store, claim, customerId));
}

/** This process's claimers of one phone or card, one at a time (storage/keyed-queue.ts). */
const CLAIMERS = new KeyedQueue();

async function writeClaim(
  store: DocumentStore,
  claim: IdentityClaim,
  customerId: string,
): Promise<ClaimOutcome> {
  const id = claimId(claim);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = (await store.getCurrent(DB, [id])).get(id);
    if (existing && !existing._deleted) return { holder: String(existing.customerId) };
    const [row] = await store.bulkDocs(
      DB,
      [{ _id: id, customerId, claimedAt: new Date().toISOString() }],
      true,
    );
    if (row?.ok) return { holder: customerId, ...(row.rev ? { createdRev: row.rev } : {}) };
    if (row?.error !== 'conflict') {
      throw new Error(`Claim ${id} not written: ${row?.reason ?? row?.error ?? 'no reply'}`);
    }
  }
  throw new Error(`Claim ${id} kept changing; retry the push.`);
}

/** Gives back claims this push created when another of its claims was lost (best effort). */
export async function releaseClaims(
  store: DocumentStore,
  created: readonly { claim: IdentityClaim; rev: string }[],
): Promise<void> {
  if (created.length === 0) return;
  await store.bulkDocs(
    DB,
    created.map(({ claim, rev }) => ({ _id: claimId(claim), _rev: rev, _deleted: true })),
    true,
  );
}
