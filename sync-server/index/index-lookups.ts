/** Lookups the routes share, through the server index (server-index.ts). */
import type { WebOrderDoc } from '../../src/documents';
import type { Located } from '../storage/collection-reader';
import { fromCouchDoc } from '../storage/couch-doc';
import { byDbThenId } from './server-index';
import type { ServerIndex } from './server-index';

/**
 * A web order by its id or its number (W-…), in any store's orders database: the first in
 * database order, as a full read of every orders database found it.
 */
export async function findWebOrder(
  index: ServerIndex,
  reference: string,
): Promise<Located<WebOrderDoc> | undefined> {
  await index.catchUp();
  const candidates = [
    ...(await index.locate(reference)).filter((entry) => entry.db.startsWith('orders-')),
    ...(await index.postings('ordno', reference)),
  ].sort(byDbThenId);
  for (const candidate of candidates) {
    const [found] = await index.fetch([candidate]);
    if (found) return { db: found.db, doc: fromCouchDoc<WebOrderDoc>(found.doc) };
  }
  return undefined;
}
