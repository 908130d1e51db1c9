/**
 * Every version of every store's settings, kept with the time it came into force. A register that
 * sold offline, or had not pulled a change yet, priced its sales with an earlier version; the
 * sale check needs that version to reproduce the totals (sale-check.ts). Versions are recorded
 * whoever wrote the settings document: the server's own writes call `refresh`, and every check
 * first compares the live document's revision with the newest recorded one, so a write that
 * came some other way (the demo seed, an admin over /db, another process on the same CouchDB)
 * is recorded the first time it matters.
 */
import type { StoreSettingsDoc } from '../../src/documents';
import { fromCouchDoc } from '../storage/couch-doc';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { SerialQueue } from '../storage/new-id';
import { canonicalJson } from '../storage/same-content';

const HISTORY = INTERNAL_DATABASES.settingsHistory;

export interface SettingsVersion {
  /** `settings-version_<storeId>_<revision of the settings document>`. */
  id: string;
  storeId: string;
  settingsRev: string;
  /** When the server first held this version: registers could pull it from then on. */
  inForceFrom: string;
  settings: StoreSettingsDoc;
  /** What pricing reads from the settings, as canonical JSON: equal keys price alike. */
  pricingKey: string;
}

/** A store's settings as the sale check sees them. */
export interface StoreSettingsHistory {
  storeId: string;
  /** Whether the store has live settings now; a store without them takes no sales. */
  hasCurrent: boolean;
  /** Oldest first. */
  versions: readonly SettingsVersion[];
}

export function settingsVersionId(storeId: string, rev: string): string {
  return `settings-version_${storeId}_${rev}`;
}

/** The fields verifySaleTotals prices with. */
export function pricingKeyOf(settings: StoreSettingsDoc): string {
  return canonicalJson({
    currency: settings.currency,
    tax: settings.tax,
    cashRounding: settings.cashRounding,
    promotions: settings.promotions ?? [],
    // Dated tax changes are read on the store's calendar.
    timeZone: settings.timeZone ?? null,
  });
}

const generation = (rev: string): number => Number.parseInt(rev, 10) || 0;

function versionFrom(doc: StoredDoc): SettingsVersion {
  const settings = doc.settings as StoreSettingsDoc;
  return {
    id: doc._id,
    storeId: String(doc.storeId),
    settingsRev: String(doc.settingsRev),
    inForceFrom: String(doc.inForceFrom),
    settings,
    pricingKey: pricingKeyOf(settings),
  };
}

/** The store a settings document belongs to (`store_<storeId>`), or null. */
export function storeIdOfSettings(doc: Record<string, unknown>): string | null {
  if (typeof doc.storeId === 'string') return doc.storeId;
  const id = typeof doc._id === 'string' ? doc._id : typeof doc.id === 'string' ? doc.id : '';
  return id.startsWith('store_') ? id.slice('store_'.length) : null;
}

export class SettingsHistory {
  /** Per store, oldest first; dropped whenever a version is written for the store. */
  private readonly cache = new Map<string, SettingsVersion[]>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (line: string) => void,
  ) {}

  /** Opens the history and records the settings as they are now (first start, an upgrade). */
  async init(): Promise<void> {
    await this.store.ensureDatabase(HISTORY);
    for (const doc of await this.store.allDocs('settings')) {
      const storeId = storeIdOfSettings(doc);
      if (storeId) await this.refresh(storeId);
    }
  }

  /** A store's history, brought up to date with its settings document as it is now. */
  async historyOf(storeId: string): Promise<StoreSettingsHistory> {
    const current = await this.currentDoc(storeId);
    let versions = await this.versions(storeId);
    if (current && !versions.some((version) => version.settingsRev === current._rev)) {
      versions = await this.refresh(storeId);
    }
    return { storeId, hasCurrent: current !== undefined, versions };
  }

  /**
   * Records the store's live settings document as a new version unless it is recorded already.
   * Serialised, and the document is read again inside, so two refreshes racing each other never
   * record an older revision after a newer one.
   */
  refresh(storeId: string): Promise<SettingsVersion[]> {
    return this.queue.run(async () => {
      const current = await this.currentDoc(storeId);
      // Another process on the same CouchDB may have recorded it: read the store's history again.
      this.cache.delete(storeId);
      const known = await this.versions(storeId);
      if (!current || known.some((version) => version.settingsRev === current._rev)) return known;
      const settings = fromCouchDoc<StoreSettingsDoc>(current);
      const record = {
        _id: settingsVersionId(storeId, current._rev),
        storeId,
        settingsRev: current._rev,
        inForceFrom: new Date().toISOString(),
        settings,
      };
      const [row] = await this.store.bulkDocs(HISTORY, [record], true);
      // A conflict: another process recorded the same revision first, and its time stands.
      if (!row || (!row.ok && row.error !== 'conflict')) {
        throw new Error(
          `Could not record settings ${current._rev} of ${storeId}: ${row?.reason ?? 'no reply'}`,
        );
      }
      this.cache.delete(storeId);
      this.log(
        `omnitill-sync-server: settings of ${storeId} revision ${current._rev} in force from ${record.inForceFrom}`,
      );
      return this.versions(storeId);
    });
  }

  private async currentDoc(storeId: string): Promise<StoredDoc | undefined> {
    const id = `store_${storeId}`;
    const doc = (await this.store.getCurrent('settings', [id])).get(id);
    return doc && !doc._deleted ? doc : undefined;
  }

  private async versions(storeId: string): Promise<SettingsVersion[]> {
    const cached = this.cache.get(storeId);
    if (cached) return cached;
    const loaded = (await this.store.allDocs(HISTORY, settingsVersionId(storeId, '')))
      .map(versionFrom)
      .sort(
        (a, b) =>
          a.inForceFrom.localeCompare(b.inForceFrom) ||
          generation(a.settingsRev) - generation(b.settingsRev),
      );
    this.cache.set(storeId, loaded);
    return loaded;
  }
}

/** A version built from a settings document, without storing it (unit tests, tools). */
export function settingsVersion(
  settings: StoreSettingsDoc,
  rev: string,
  inForceFrom: string,
): SettingsVersion {
  return {
    id: settingsVersionId(settings.storeId, rev),
    storeId: settings.storeId,
    settingsRev: rev,
    inForceFrom,
    settings,
    pricingKey: pricingKeyOf(settings),
  };
}
