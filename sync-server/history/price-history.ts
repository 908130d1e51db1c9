/**
 * Every catalog price the server ever held, with the time it came into force: the sale check
 * re-prices each pushed line from the version in force when the sale completed (a register that
 * was behind priced with an older one, which is accepted and flagged; a price no version ever
 * had is refused). Kept like the settings history (settings-history.ts): a version per product
 * revision, written when the server writes the catalog (the demo seed and an upgrade through
 * `init`, catalog import and admin writes over /db through `refresh` from server.ts's
 * onAccepted), and, whoever wrote the product, recorded the first time a check meets a revision
 * it does not know.
 */
import type { CatalogPrice } from '../../src/pricing';
import { catalogLineDifference, catalogPriceOf } from '../../src/pricing';
import type { CartLineInput } from '../../src/pricing';
import type { ProductDoc } from '../../src/documents';
import { fromCouchDoc } from '../storage/couch-doc';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { SerialQueue } from '../storage/new-id';

/** The server's own database of price versions (never reachable through /db). */
export const PRICE_HISTORY_DB = 'omnitill-price-history';
/** Written once the whole catalog has been recorded (first start with a price history). */
const CATALOG_RECORDED = 'catalog-recorded';

export interface PriceVersion extends CatalogPrice {
  /** `pv|<productId>|<revision of the product document>`. */
  id: string;
  productId: string;
  productRev: string;
  /** When the server first held this version: registers could pull it from then on. */
  inForceFrom: string;
}

const prefixOf = (productId: string): string => `pv|${productId}|`;
export const priceVersionId = (productId: string, rev: string): string =>
  `${prefixOf(productId)}${rev}`;

const generation = (rev: string): number => Number.parseInt(rev, 10) || 0;
const byTime = (a: PriceVersion, b: PriceVersion): number =>
  a.inForceFrom.localeCompare(b.inForceFrom) || generation(a.productRev) - generation(b.productRev);

function versionFrom(doc: StoredDoc): PriceVersion {
  const { _id, _rev: _ignored, ...body } = doc;
  return { ...(body as Omit<PriceVersion, 'id'>), id: _id };
}

function recordOf(product: StoredDoc, inForceFrom: string): Record<string, unknown> {
  return {
    _id: priceVersionId(product._id, product._rev),
    productId: product._id,
    productRev: product._rev,
    inForceFrom,
    ...catalogPriceOf(fromCouchDoc<ProductDoc>(product)),
  };
}

const histories = new WeakMap<DocumentStore, PriceHistory>();

export class PriceHistory {
  /** Per product, oldest first. */
  private readonly cache = new Map<string, PriceVersion[]>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (line: string) => void,
  ) {}

  /** The one history of a document store (the push checks reach it through their store). */
  static of(store: DocumentStore, log: (line: string) => void = () => undefined): PriceHistory {
    let history = histories.get(store);
    if (!history) {
      history = new PriceHistory(store, log);
      histories.set(store, history);
    }
    return history;
  }

  /** Opens the history; the first time, records the whole catalog as it is now. */
  async init(): Promise<void> {
    await this.store.ensureDatabase(PRICE_HISTORY_DB);
    const marker = (await this.store.getCurrent(PRICE_HISTORY_DB, [CATALOG_RECORDED])).get(
      CATALOG_RECORDED,
    );
    if (marker && !marker._deleted) return;
    await this.refreshAll();
    await this.store.bulkDocs(
      PRICE_HISTORY_DB,
      [{ _id: CATALOG_RECORDED, at: new Date().toISOString() }],
      true,
    );
  }

  /**
   * Records every product whose live revision is not a version yet (after a catalog import),
   * in force from `landedAt` (when the write landed; reading the catalog takes a while).
   */
  refreshAll(landedAt = new Date().toISOString()): Promise<void> {
    return this.queue.run(async () => {
      const [products, recorded] = await Promise.all([
        this.store.allDocs('products'),
        this.store.allDocs(PRICE_HISTORY_DB, 'pv|'),
      ]);
      const known = new Set(recorded.map((doc) => doc._id));
      const missing = products.filter(
        (product) => !known.has(priceVersionId(product._id, product._rev)),
      );
      const records = missing.map((product) => recordOf(product, landedAt));
      await this.write(records);
      // Every version is in hand now: keep them all, so no check reads a product's history again.
      this.cache.clear();
      for (const doc of [...recorded, ...records]) {
        const version = versionFrom(doc as StoredDoc);
        this.cache.set(version.productId, [...(this.cache.get(version.productId) ?? []), version]);
      }
      for (const versions of this.cache.values()) versions.sort(byTime);
      if (missing.length > 0) {
        this.log(`omnitill-sync-server: ${missing.length} catalog prices recorded in force`);
      }
    });
  }

  /**
   * Records the live revision of these products unless recorded already. Serialised, and the
   * products are read again inside, so racing refreshes never record an older one after a newer.
   */
  refresh(productIds: readonly string[], landedAt = new Date().toISOString()): Promise<void> {
    return this.queue.run(async () => {
      const live = await this.store.getCurrent('products', [...new Set(productIds)]);
      const records: Record<string, unknown>[] = [];
      for (const product of live.values()) {
        if (product._deleted) continue;
        // Another process on the same CouchDB may have recorded it: read again.
        this.cache.delete(product._id);
        const versions = await this.versions(product._id);
        if (!versions.some((version) => version.productRev === product._rev)) {
          records.push(recordOf(product, landedAt));
        }
      }
      await this.write(records);
      for (const record of records) this.cache.delete(String(record.productId));
    });
  }

  /**
   * The versions of each of these live products (deleted ones keep their history), brought up
   * to date with the revision given: one read per product the first time, none after.
   */
  async historyOf(products: readonly StoredDoc[]): Promise<Map<string, PriceVersion[]>> {
    const stale: string[] = [];
    for (const product of products) {
      const versions = await this.versions(product._id);
      const known = versions.some((version) => version.productRev === product._rev);
      if (!product._deleted && !known) stale.push(product._id);
    }
    if (stale.length > 0) await this.refresh(stale);
    const result = new Map<string, PriceVersion[]>();
    for (const product of products) result.set(product._id, await this.versions(product._id));
    return result;
  }

  private async write(records: readonly Record<string, unknown>[]): Promise<void> {
    for (let start = 0; start < records.length; start += 1000) {
      const rows = await this.store.bulkDocs(
        PRICE_HISTORY_DB,
        records.slice(start, start + 1000),
        true,
      );
      // A conflict: another process recorded the same revision first, and its time stands.
      const failed = rows.find((row) => !row.ok && row.error !== 'conflict');
      if (failed) {
        throw new Error(`Could not record the price of ${failed.id}: ${failed.reason ?? ''}`);
      }
    }
  }

  private async versions(productId: string): Promise<PriceVersion[]> {
    const cached = this.cache.get(productId);
    if (cached) return cached;
    const loaded = (await this.store.allDocs(PRICE_HISTORY_DB, prefixOf(productId)))
      .map(versionFrom)
      .sort(byTime);
    this.cache.set(productId, loaded);
    return loaded;
  }
}

export type LinePriceMatch =
  | { kind: 'in-force'; version: PriceVersion }
  /** Priced with a version that was not the one in force at the time (the register was behind). */
  | { kind: 'superseded'; version: PriceVersion; inForce: PriceVersion }
  | { kind: 'never'; inForce: PriceVersion; difference: string };

/**
 * Which version of a product's catalog entry a cart line was rung up from, at `at` (the sale's
 * completion). The oldest version stands for all time before it: the history starts when the
 * server first recorded the catalog. `versions` is oldest first and not empty.
 */
export function matchLineToPrices(
  line: CartLineInput,
  versions: readonly PriceVersion[],
  at: string,
): LinePriceMatch | null {
  const atMs = Date.parse(at);
  let inForce = versions[0];
  for (const version of versions) {
    if (Date.parse(version.inForceFrom) <= atMs) inForce = version;
  }
  if (!inForce) return null;
  const difference = catalogLineDifference(line, inForce);
  if (difference === null) return { kind: 'in-force', version: inForce };
  const older = versions.find((version) => catalogLineDifference(line, version) === null);
  if (older) return { kind: 'superseded', version: older, inForce };
  return { kind: 'never', inForce, difference };
}
