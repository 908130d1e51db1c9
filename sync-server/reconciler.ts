import type { LoyaltyEntryDoc } from '../src/documents';
import type { ReturnDoc } from '../src/documents';
import type { SaleDoc } from '../src/documents';
import type { StockMoveDoc } from '../src/documents';
import type { WebOrderDoc } from '../src/documents';
import { balancesByCustomer, uniqueEntries } from '../src/loyalty';
import { stockLevels } from '../src/stock';
import { readCollection } from './collection-reader';
import { fromCouchDoc } from './couch-doc';
import { INTERNAL_DATABASES, parseDatabaseName } from './database-layout';
import type { DocumentStore, StoredDoc } from './document-store';
import { sameContent } from './same-content';
import { matchSaleToSettings } from './sale-check';
import { storedValueFlags } from './stored-value-flags';
import type { SettingsHistory, StoreSettingsHistory } from './settings-history';

export type FlagKind =
  | 'negative-loyalty'
  | 'over-returned'
  | 'negative-stock'
  | 'sale-totals'
  | 'stale-settings'
  | 'stored-value-overspent'
  | 'stored-value-unknown';

export interface FlagDoc {
  _id: string;
  _rev?: string;
  kind: FlagKind;
  summary: string;
  storeId?: string;
  /** Every document involved, so a manager can see the whole story. */
  documents: { db: string; id: string }[];
  /** stale-settings: the version the sale matched and the one already in force when it completed. */
  settings?: { pricedWith: SettingsRef; inForce: SettingsRef };
  detectedAt: string;
}

export interface SettingsRef {
  rev: string;
  inForceFrom: string;
}

type Area = 'loyalty' | 'returns' | 'stock' | 'stored-value';

/**
 * The longest a flag waits for writes to settle before reconciliation runs anyway. A run reads
 * whole databases (docs/BENCHMARKS.md), so under a steady stream of writes it runs at most about
 * once a minute rather than holding the server up every few seconds.
 */
const MAX_WAIT_MS = 60_000;

const safeKey = (text: string): string => text.replace(/[^0-9A-Za-z_.-]/g, '-');

/**
 * Looks for what replication cannot prevent (rule 4: offline registers may overdraw within
 * limits): negative loyalty balances, order lines returned more often than sold, negative stock,
 * credit notes and gift cards spent below zero or never issued,
 * sales whose totals do not match, sales priced with store settings already replaced. Each anomaly becomes one flag whose id is derived from the
 * anomaly itself, so re-running never duplicates it. Nothing is merged or corrected here.
 */
export class Reconciler {
  private pendingAreas = new Set<Area>();
  private pendingSales: { db: string; doc: Record<string, unknown> }[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** When the oldest write still waiting for a run arrived. */
  private waitingSince: number | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly settingsHistory: SettingsHistory,
    private readonly delayMs: number,
    private readonly log: (line: string) => void,
  ) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(INTERNAL_DATABASES.flags);
  }

  /** Called after each accepted write batch; runs once things settle (debounced). */
  schedule(db: string, docs: readonly Record<string, unknown>[]): void {
    const database = parseDatabaseName(db);
    if (!database) return;
    const collection = database.collection;
    if (collection === 'loyalty') this.pendingAreas.add('loyalty');
    if (collection === 'stock') this.pendingAreas.add('stock');
    if (collection === 'returns' || collection === 'sales' || collection === 'orders') {
      this.pendingAreas.add('returns');
    }
    if (collection === 'returns' || collection === 'sales') this.pendingAreas.add('stored-value');
    if (collection === 'sales') {
      for (const doc of docs) if (doc._deleted !== true) this.pendingSales.push({ db, doc });
    }
    if (this.stopped || this.pendingAreas.size === 0) return;
    // Debounced, but a steady stream of writes (a busy hour) must not put flags off for ever:
    // past MAX_WAIT_MS the pending run is left to fire.
    const now = Date.now();
    if (this.timer !== undefined && now - (this.waitingSince ?? now) >= MAX_WAIT_MS) return;
    clearTimeout(this.timer);
    this.waitingSince ??= now;
    this.timer = setTimeout(() => this.startRun(), this.delayMs);
  }

  private startRun(): void {
    this.timer = undefined;
    this.waitingSince = undefined;
    this.running = this.running
      .then(() => this.run())
      .catch((error: unknown) => {
        this.log(`omnitill-sync-server: reconciliation failed: ${String(error)}`);
      });
  }

  /** Runs what is scheduled now and resolves when it is over: for GET /flags and tests. */
  async settled(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.startRun();
    }
    await this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async listFlags(): Promise<FlagDoc[]> {
    const flags = (await this.store.allDocs(INTERNAL_DATABASES.flags)) as unknown as FlagDoc[];
    return flags.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  }

  private async run(): Promise<void> {
    const areas = this.pendingAreas;
    const sales = this.pendingSales;
    this.pendingAreas = new Set();
    this.pendingSales = [];
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    if (areas.has('loyalty')) flags.push(...(await this.loyaltyFlags()));
    if (areas.has('stock')) flags.push(...(await this.stockFlags()));
    if (areas.has('returns')) flags.push(...(await this.returnFlags()));
    flags.push(...(await this.saleFlags(sales)));
    if (areas.has('stored-value')) {
      const storedValue = await storedValueFlags(this.store, new Date().toISOString());
      flags.push(...storedValue);
      await this.clearResolved('stored-value-unknown', storedValue);
    }
    await this.save(flags);
  }

  /**
   * An unknown-note flag is only "not yet known": once the issuing return reaches the server
   * the note is explained, and the flag goes (the only flag that clears itself).
   */
  private async clearResolved(
    kind: FlagKind,
    current: readonly Omit<FlagDoc, 'detectedAt'>[],
  ): Promise<void> {
    const still = new Set(current.map((flag) => flag._id));
    const resolved = (await this.store.allDocs(INTERNAL_DATABASES.flags, `flag_${kind}_`)).filter(
      (flag) => flag.kind === kind && !still.has(flag._id),
    );
    if (resolved.length === 0) return;
    await this.store.bulkDocs(
      INTERNAL_DATABASES.flags,
      resolved.map((flag) => ({ ...flag, _deleted: true })),
      true,
    );
  }

  private async save(flags: readonly Omit<FlagDoc, 'detectedAt'>[]): Promise<void> {
    if (flags.length === 0) return;
    const current = await this.store.getCurrent(
      INTERNAL_DATABASES.flags,
      flags.map((flag) => flag._id),
    );
    const detectedAt = new Date().toISOString();
    const writes = flags.flatMap((flag) => {
      const existing = current.get(flag._id);
      if (existing && !existing._deleted) {
        const { detectedAt: _at, ...kept } = existing;
        if (sameContent(kept, flag)) return [];
        return [{ ...flag, detectedAt, _rev: existing._rev }];
      }
      return [{ ...flag, detectedAt, ...(existing ? { _rev: existing._rev } : {}) }];
    });
    await this.store.bulkDocs(INTERNAL_DATABASES.flags, writes, true);
    if (writes.length)
      this.log(`omnitill-sync-server: ${writes.length} reconciliation flag(s) raised`);
  }

  /**
   * Accepted sales once more against their store's settings history (it may have grown since the
   * gate): one that matches no version is flagged `sale-totals`; one priced with settings that
   * were already replaced when it completed is kept, and flagged `stale-settings` for a manager.
   */
  private async saleFlags(
    sales: readonly { db: string; doc: Record<string, unknown> }[],
  ): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const histories = new Map<string, StoreSettingsHistory>();
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    for (const { db, doc } of sales) {
      const sale = fromCouchDoc<SaleDoc>(doc as StoredDoc);
      let history = histories.get(sale.storeId);
      if (!history) {
        history = await this.settingsHistory.historyOf(sale.storeId);
        histories.set(sale.storeId, history);
      }
      const match = matchSaleToSettings(sale, history);
      if (!match.ok) {
        flags.push({
          _id: `flag_sale-totals_${safeKey(sale.id)}`,
          kind: 'sale-totals',
          summary: `Sale ${sale.id}: ${match.reason}`,
          storeId: sale.storeId,
          documents: [{ db, id: sale.id }],
        });
      } else if (match.supersededBy) {
        const { version, supersededBy } = match;
        flags.push({
          _id: `flag_stale-settings_${safeKey(sale.id)}`,
          kind: 'stale-settings',
          summary: `Sale ${sale.id} (register ${sale.registerId}, device ${sale.deviceId}) completed at ${sale.completedAt} was priced with the store's settings from ${version.inForceFrom}, replaced at ${supersededBy.inForceFrom}: the register sold with outdated settings. It is kept as sold; check that the register syncs.`,
          storeId: sale.storeId,
          documents: [
            { db, id: sale.id },
            { db: 'settings', id: `store_${sale.storeId}` },
          ],
          settings: {
            pricedWith: { rev: version.settingsRev, inForceFrom: version.inForceFrom },
            inForce: { rev: supersededBy.settingsRev, inForceFrom: supersededBy.inForceFrom },
          },
        });
      }
    }
    return flags;
  }

  private async loyaltyFlags(): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const entries = (await this.store.allDocs('loyalty')).map((doc) =>
      fromCouchDoc<LoyaltyEntryDoc>(doc),
    );
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    for (const [customerId, balance] of balancesByCustomer(entries)) {
      if (balance.available >= 0) continue;
      const involved = uniqueEntries(entries).filter((entry) => entry.customerId === customerId);
      flags.push({
        _id: `flag_negative-loyalty_${safeKey(customerId)}`,
        kind: 'negative-loyalty',
        summary: `Customer ${customerId} has ${balance.available} loyalty points available (below zero).`,
        documents: involved.map((entry) => ({ db: 'loyalty', id: entry.id })),
      });
    }
    return flags;
  }

  private async stockFlags(): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const moves = await readCollection<StockMoveDoc>(this.store, 'stock');
    return stockLevels(moves.map((move) => move.doc))
      .filter((level) => level.sellable < 0)
      .map((level) => ({
        _id: `flag_negative-stock_${safeKey(level.storeId)}_${safeKey(level.sku)}`,
        kind: 'negative-stock' as const,
        summary: `Store ${level.storeId} has ${level.sellable} of ${level.sku} on hand (below zero).`,
        storeId: level.storeId,
        documents: moves
          .filter((move) => move.doc.storeId === level.storeId && move.doc.sku === level.sku)
          .map((move) => ({ db: move.db, id: move.doc.id })),
      }));
  }

  private async returnFlags(): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const sold = new Map<string, { db: string; quantity: number }>();
    for (const { db, doc } of await readCollection<SaleDoc>(this.store, 'sales')) {
      for (const line of doc.cart?.lines ?? []) {
        const quantity = line.pricing === 'weight' ? (line.grams ?? 0) : line.quantity;
        sold.set(`${doc.id}\u0000${line.lineId}`, { db, quantity });
      }
    }
    for (const { db, doc } of await readCollection<WebOrderDoc>(this.store, 'orders')) {
      for (const line of doc.lines ?? [])
        sold.set(`${doc.id}\u0000${line.lineId}`, { db, quantity: line.quantity });
    }
    const returned = new Map<
      string,
      { quantity: number; documents: { db: string; id: string }[] }
    >();
    for (const { db, doc } of await readCollection<ReturnDoc>(this.store, 'returns')) {
      const original = doc.original?.documentId;
      if (!original) continue;
      for (const line of doc.lines ?? []) {
        if (!line.originalLineId) continue;
        const key = `${original}\u0000${line.originalLineId}`;
        const entry = returned.get(key) ?? { quantity: 0, documents: [] };
        entry.quantity += line.quantity;
        if (!entry.documents.some((known) => known.id === doc.id))
          entry.documents.push({ db, id: doc.id });
        returned.set(key, entry);
      }
    }
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    for (const [key, entry] of returned) {
      const [documentId = '', lineId = ''] = key.split('\u0000');
      const origin = sold.get(key);
      // An original we do not hold (yet) cannot be judged; it is checked when it arrives.
      if (!origin || entry.quantity <= origin.quantity) continue;
      flags.push({
        _id: `flag_over-returned_${safeKey(documentId)}_${safeKey(lineId)}`,
        kind: 'over-returned',
        summary: `Line ${lineId} of ${documentId}: ${entry.quantity} returned, ${origin.quantity} sold.`,
        documents: [{ db: origin.db, id: documentId }, ...entry.documents],
      });
    }
    return flags;
  }
}
