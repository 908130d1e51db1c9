import type { ChangeSeq, DocumentStore } from '../storage/document-store';
import { isIndexedDatabase } from './index-projections';

/** How long a listing of the databases is used before listing again (CouchDB only). */
const LIST_TTL_MS = 5_000;

/**
 * The databases the server index reads. On CouchDB the list is used for up to LIST_TTL_MS, and
 * listed again at once when this process created a database: new databases come only with a new
 * store (enrolment), and a catch-up pass on a cluster otherwise spent a third of its time
 * listing (docs/DEPLOYMENT.md, "Sizing"). A store enrolled through another instance is indexed
 * here within that time. The embedded store lists every time (it is local, and PouchDB makes a
 * database on first use).
 */
export class IndexedDatabases {
  private listed: { names: string[]; at: number; ensured: number } | undefined;

  constructor(private readonly store: DocumentStore) {}

  async list(): Promise<string[]> {
    const at = Date.now();
    const { ensured } = this.store;
    const listed = this.listed;
    if (
      listed &&
      this.store.kind === 'couchdb' &&
      listed.ensured === ensured &&
      at - listed.at <= LIST_TTL_MS
    ) {
      return listed.names;
    }
    const names = (await this.store.listDatabases()).filter(isIndexedDatabase).sort();
    this.listed = { names, at, ensured };
    return names;
  }

  /**
   * Whether a database has changes after `since` (a checkpoint). The embedded store tells its
   * update sequence from memory; probing the feed for one change costs a LevelDB iterator per
   * database per pass, which was a large share of the gate's cost under load
   * (docs/BENCHMARKS.md, "Gate profile"). CouchDB is probed.
   */
  async changedSince(db: string, since: ChangeSeq | undefined): Promise<boolean> {
    if (this.store.updateSeq) {
      return since === undefined || String(await this.store.updateSeq(db)) !== String(since);
    }
    const probe = await this.store.changesSince(db, since, 1);
    return probe.results.length > 0 || probe.more || probe.lastSeq !== since;
  }
}
