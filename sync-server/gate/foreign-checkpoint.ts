/**
 * After `admin migrate` moved a retailer between the embedded store and a CouchDB cluster, the
 * registers still hold changes-feed checkpoints of the other kind of store: plain numbers from
 * PouchDB, opaque `123-g1AA…` strings from CouchDB. Either is meaningless (CouchDB answers 400)
 * to the new store. Such a `since` is read as 0: the register reads its databases once more from
 * the start, which replication handles as a no-op for what it already has.
 */
export function sinceForStore(since: string, store: 'embedded' | 'couchdb'): string {
  if (since === '0' || since === 'now') return since;
  const numeric = /^\d+$/.test(since);
  if (store === 'couchdb') return numeric ? '0' : since;
  return numeric ? since : '0';
}
