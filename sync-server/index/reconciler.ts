import type { LoyaltyEntryDoc, SaleDoc, StockMoveDoc } from '../../src/documents';
import { balancesByCustomer, uniqueEntries } from '../../src/loyalty';
import { stockLevels } from '../../src/stock';
import { fromCouchDoc } from '../storage/couch-doc';
import { INTERNAL_DATABASES, parseDatabaseName } from '../storage/database-layout';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { revOver } from '../storage/document-store';
import { kindOf, subjectOf } from './index-projections';
import type { ReturnedLinesPosting } from './index-projections';
import { sameContent } from '../storage/same-content';
import { matchSaleToSettings } from '../history/sale-check';
import type { ServerIndex } from './server-index';
import { storedValueAccountOf } from './stored-value-account';
import { storedValueFlagsOf, unknownFlagId } from './stored-value-flags';
import type { SettingsHistory, StoreSettingsHistory } from '../history/settings-history';

export type FlagKind =
  | 'negative-loyalty'
  | 'over-returned'
  | 'negative-stock'
  | 'sale-totals'
  | 'stale-settings'
  | 'stored-value-overspent'
  | 'stored-value-unknown'
  /** Raised by the push checks (push-checks/) beside a document accepted for review. */
  | 'offline-redemption'
  | 'unverified-price'
  | 'receipt-number-gap'
  /** Bank transfers (sync-server/payments): each one needs a person to refund or match it. */
  | 'payment-unmatched'
  | 'payment-amount-mismatch'
  | 'payment-paid-twice'
  | 'payment-sale-paid-otherwise'
  | 'payment-not-arrived';

/** A flag raised beside an accepted document; its id is derived from `kind` and `key`. */
export interface FlagDraft {
  kind: FlagKind;
  /** What the anomaly is about, unique per anomaly (re-raising it never duplicates it). */
  key: string;
  summary: string;
  storeId?: string;
  documents: { db: string; id: string }[];
}

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
 * what changed since the last one (server-index.ts), so it costs what arrived meanwhile; under a
 * steady stream of writes it still runs at most about once a minute.
 */
const MAX_WAIT_MS = 60_000;

const safeKey = (text: string): string => text.replace(/[^0-9A-Za-z_.-]/g, '-');

/**
 * Looks for what replication cannot prevent (rule 4: offline registers may overdraw within
 * limits): negative loyalty balances, order lines returned more often than sold, negative stock,
 * credit notes and gift cards spent below zero or never issued,
 * sales whose totals do not match, sales priced with store settings already replaced. Each anomaly becomes one flag whose id is derived from the
 * anomaly itself, so re-running never duplicates it. Nothing is merged or corrected here.
 *
 * A run looks only at the keys the server index marked as changed since the last run (a
 * customer's ledger, a SKU's moves, an original's returns, a note's facts), each with everything
 * it relates to through the index, and clears the marks when its flags are saved: a crash in
 * between leaves them for the next run.
 */
export class Reconciler {
  private pendingAreas = new Set<Area>();
  private pendingSales: { db: string; doc: Record<string, unknown> }[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** When the oldest write still waiting for a run arrived. */
  private waitingSince: number | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  /** What the last run looked at (for tests and the log). */
  lastRun: { keys: number } = { keys: 0 };

  constructor(
    private readonly store: DocumentStore,
    private readonly index: ServerIndex,
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

  /**
   * At start-up, before the server listens: one run for whatever reached the server but was
   * not reconciled before it stopped (changes not indexed yet, keys still marked).
   */
  resume(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.startRun();
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

  /** Flags the push checks raise beside a document they accepted (push-checks/push-check.ts). */
  async raise(drafts: readonly FlagDraft[]): Promise<void> {
    await this.save(
      drafts.map((draft) => ({
        _id: `flag_${draft.kind}_${safeKey(draft.key)}`,
        kind: draft.kind,
        summary: draft.summary,
        ...(draft.storeId === undefined ? {} : { storeId: draft.storeId }),
        documents: draft.documents,
      })),
    );
  }

  async listFlags(): Promise<FlagDoc[]> {
    const flags = (await this.store.allDocs(INTERNAL_DATABASES.flags)) as unknown as FlagDoc[];
    return flags.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  }

  private async run(): Promise<void> {
    const sales = this.pendingSales;
    this.pendingAreas = new Set();
    this.pendingSales = [];
    await this.index.catchUp();
    const dirty = await this.index.dirtyKeys();
    const now = new Date().toISOString();
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    const knownRedemptions: string[] = [];
    // A few keys at a time: each is one range read of the index (and a few documents).
    for (let start = 0; start < dirty.length; start += 16) {
      await Promise.all(
        dirty.slice(start, start + 16).map(async ({ key, db }) => {
          const subject = subjectOf(key);
          switch (kindOf(key)) {
            case 'loy':
              flags.push(...(await this.loyaltyFlags(subject)));
              break;
            case 'stk':
              flags.push(...(await this.stockFlags(subject, db)));
              break;
            case 'orig':
              flags.push(...(await this.returnFlags(subject)));
              break;
            case 'sv': {
              const account = await storedValueAccountOf(this.index, this.store, subject, now);
              flags.push(...storedValueFlagsOf(account));
              if (account.kind !== null)
                knownRedemptions.push(...account.redemptions.map(unknownFlagId));
              break;
            }
            case 'cust':
            case 'ordno':
            case 'rcpt':
            case 'pick':
            case 'phone':
            case 'email':
            case 'card':
              break;
          }
        }),
      );
    }
    flags.push(...(await this.saleFlags(sales)));
    await this.save(flags);
    await this.clearResolved(knownRedemptions);
    await this.index.clearDirty(dirty);
    this.lastRun = { keys: dirty.length };
  }

  /**
   * An unknown-note flag is only "not yet known": once the issuing return (or the gift card
   * issue) reaches the server the note is explained, and the flags of its redemptions go (the
   * only flag that clears itself).
   */
  private async clearResolved(flagIds: readonly string[]): Promise<void> {
    if (flagIds.length === 0) return;
    const current = await this.store.getCurrent(INTERNAL_DATABASES.flags, flagIds);
    const resolved = [...current.values()].filter(
      (flag) => !flag._deleted && flag.kind === 'stored-value-unknown',
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
      return [{ ...flag, detectedAt, ...revOver(existing) }];
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

  private async loyaltyFlags(customerId: string): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const entries = (await this.index.postings<LoyaltyEntryDoc>('loy', customerId)).map(
      (posting) => posting.value,
    );
    const balance = balancesByCustomer(entries).get(customerId);
    if (!balance || balance.available >= 0) return [];
    const involved = uniqueEntries(entries).filter((entry) => entry.customerId === customerId);
    return [
      {
        _id: `flag_negative-loyalty_${safeKey(customerId)}`,
        kind: 'negative-loyalty',
        summary: `Customer ${customerId} has ${balance.available} loyalty points available (below zero).`,
        documents: involved.map((entry) => ({ db: 'loyalty', id: entry.id })),
      },
    ];
  }

  /** A SKU's level in the store whose moves changed (every store without `db`), from the index. */
  private async stockFlags(sku: string, db?: string): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const moves = (await this.index.postings<StockMoveDoc>('stk', sku, db)).map((posting) => ({
      db: posting.db,
      doc: posting.value,
    }));
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

  /** The lines of one sale or web order against every return that names it. */
  private async returnFlags(documentId: string): Promise<Omit<FlagDoc, 'detectedAt'>[]> {
    const sold = new Map<string, { db: string; quantity: number }>();
    // As the full read did: sales first, then web orders; a later copy wins.
    const located = await this.index.locate(documentId);
    const ordered = [
      ...located.filter((entry) => parseDatabaseName(entry.db)?.collection === 'sales'),
      ...located.filter((entry) => parseDatabaseName(entry.db)?.collection === 'orders'),
    ];
    for (const entry of ordered) {
      for (const line of entry.sold ?? [])
        sold.set(line.lineId, { db: entry.db, quantity: line.quantity });
    }
    const returned = new Map<
      string,
      { quantity: number; documents: { db: string; id: string }[] }
    >();
    for (const posting of await this.index.postings<ReturnedLinesPosting>('orig', documentId)) {
      for (const line of posting.value.lines) {
        const entry = returned.get(line.originalLineId) ?? { quantity: 0, documents: [] };
        entry.quantity += line.quantity;
        if (!entry.documents.some((known) => known.id === posting.id))
          entry.documents.push({ db: posting.db, id: posting.id });
        returned.set(line.originalLineId, entry);
      }
    }
    const flags: Omit<FlagDoc, 'detectedAt'>[] = [];
    for (const [lineId, entry] of returned) {
      const origin = sold.get(lineId);
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
