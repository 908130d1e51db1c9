/** A customer's loyalty ledger as the counter screens read it (returns, customer history). */
import type { LoyaltyEntryDoc } from '../../src/documents';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';

/** The documents of a CouchDB `_find` reply (`{"docs": [...]}`), those with an id only. */
function foundDocs(reply: unknown): ({ _id: string; _rev?: string } & Record<string, unknown>)[] {
  const docs =
    typeof reply === 'object' && reply !== null ? (reply as { docs?: unknown }).docs : [];
  return Array.isArray(docs)
    ? docs.filter(
        (doc): doc is { _id: string } & Record<string, unknown> =>
          typeof doc === 'object' &&
          doc !== null &&
          typeof (doc as { _id?: unknown })._id === 'string',
      )
    : [];
}

/**
 * A customer's ledger entries: the register's replica, and, when online, the server's copy too
 * (read through the replication endpoint), so entries written elsewhere a moment ago (points
 * earned on the web) count before they have replicated here. Each entry once, by id.
 */
export async function ledgerFor(customerId: string): Promise<LoyaltyEntryDoc[]> {
  const { db, config } = services();
  const local = (await db.loyalty.find({ selector: { customerId } }).exec()).map(
    (doc) => doc.toJSON() as LoyaltyEntryDoc,
  );
  const remote = await createServerApi({ ...config, apiUrl: config.syncUrl }).raw(
    'POST',
    '/loyalty/_find',
    { selector: { customerId }, limit: 100_000 },
  );
  const byId = new Map(local.map((entry) => [entry.id, entry]));
  for (const { _id, _rev: _ignored, ...fields } of remote.ok ? foundDocs(remote.value) : []) {
    if (!byId.has(_id)) byId.set(_id, { id: _id, ...fields } as LoyaltyEntryDoc);
  }
  return [...byId.values()];
}
