/**
 * The server's e-invoice queue (docs/INVOICES.md). Each pass:
 *
 * 1. Intake: reads each configured store's sales database from its changes feed, from where the
 *    last pass stopped (a checkpoint in the queue's database), and queues one invoice per
 *    completed sale, built once with src/einvoice. The feed holds only what the replication
 *    gate accepted, survives a restart or a crash between accepting and queueing, and sees sales
 *    accepted by any server instance; the gate itself is left untouched. Then the store's
 *    returns feed the same way: one adjusting invoice per return of an invoiced sale
 *    (adjusting-builder.ts).
 * 2. Sending: invoices whose batch is due (the end of the store's day by default) or whose retry
 *    is due are claimed at their revision, sent in batches per store, and each result recorded.
 *    An adjusting invoice goes once the invoice it adjusts is accepted (in the same pass when
 *    both are due).
 */
import { randomUUID } from 'node:crypto';
import type { ReturnDoc, SaleDoc } from '../../src/documents';
import { businessDate, startOfBusinessDay, storeTimeZone } from '../../src/store-clock';
import type { SettingsHistory, StoreSettingsHistory } from '../history/settings-history';
import { fromCouchDoc } from '../storage/couch-doc';
import type { StoredDoc } from '../storage/document-store';
import { buildAdjustingInvoice } from './adjusting-builder';
import { storeDatabaseName } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { buildInvoice, saleBusinessDate } from './einvoice-builder';
import type { InvoiceSettings } from './einvoice-builder';
import type { EInvoiceConfig } from './einvoice-config';
import { EInvoiceLedger, invoiceId } from './einvoice-ledger';
import type { EInvoiceProvider, InvoiceResult } from './einvoice-provider';
import { afterResult, claimed, isDue, resent } from './einvoice-queue-state';
import type { BuiltInvoice, StoredInvoice } from './einvoice-queue-state';
import { PassLoop } from '../services/pass-loop';

/** An attempt still `sent` after this long was left by a process that died: take it again. */
const STALE_SENT_MS = 5 * 60_000;
const FEED_PAGE = 200;

function settingsIn(history: StoreSettingsHistory, at: string): InvoiceSettings | undefined {
  const { versions } = history;
  const inForce = versions.filter((version) => version.inForceFrom <= at).at(-1);
  return (inForce ?? versions.at(-1))?.settings;
}

export class EInvoiceQueue {
  readonly ledger: EInvoiceLedger;
  private readonly loop = new PassLoop(
    () => this.pass(),
    (error) => this.log(`omnitill-sync-server: the e-invoice queue failed: ${String(error)}`),
  );

  constructor(
    private readonly store: DocumentStore,
    private readonly settingsHistory: SettingsHistory,
    readonly config: EInvoiceConfig,
    private readonly provider: EInvoiceProvider,
    private readonly log: (line: string) => void,
  ) {
    this.ledger = new EInvoiceLedger(store);
  }

  async init(): Promise<void> {
    await this.ledger.init();
  }

  start(): void {
    this.loop.start(this.config.pollMs);
    this.loop.kick();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a pass now, or right after the one running. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass, awaited (tests and the timer both come here). */
  async pass(): Promise<void> {
    for (const storeId of Object.keys(this.config.stores)) await this.intake(storeId);
    for (const storeId of Object.keys(this.config.stores)) await this.sendDue(storeId);
  }

  /** The store's settings at the sale's time (its tax categories then), else the current ones. */
  async settingsAt(storeId: string, at: string): Promise<InvoiceSettings | undefined> {
    return settingsIn(await this.settingsHistory.historyOf(storeId), at);
  }

  private dueAt(businessDate: string, settings: InvoiceSettings | undefined): string {
    const start = Date.parse(startOfBusinessDay(businessDate, storeTimeZone(settings)));
    return new Date(start + this.config.sendAtMinutes * 60_000).toISOString();
  }

  /** The entry for a sale: queued with its XML, or blocked with what to fix. */
  private entryFor(
    sale: SaleDoc,
    settings: InvoiceSettings | undefined,
    now: string,
  ): StoredInvoice {
    const invoicing = this.config.stores[sale.storeId];
    const day = saleBusinessDate(sale, settings);
    const built = invoicing
      ? buildInvoice(sale, settings, invoicing)
      : { problem: `Store ${sale.storeId} is not in the e-invoice configuration.` };
    const base = {
      id: invoiceId(sale.storeId, day, sale.id),
      kind: 'sale' as const,
      saleId: sale.id,
      storeId: sale.storeId,
      registerId: sale.registerId,
      businessDate: day,
      attempts: 0,
      maxAttempts: this.config.retry.maxAttempts,
      dueAt: this.dueAt(day, settings),
      createdAt: now,
      updatedAt: now,
    };
    if ('problem' in built) return { ...base, status: 'blocked', reason: built.problem };
    return { ...base, status: 'queued', ...built };
  }

  private async intake(storeId: string): Promise<void> {
    await this.readFeed(storeDatabaseName('sales', storeId), storeId, (doc, history, now) =>
      this.intakeSale(storeId, fromCouchDoc<SaleDoc>(doc), history, now),
    );
    await this.readFeed(storeDatabaseName('returns', storeId), storeId, (doc, history, now) =>
      this.intakeReturn(storeId, fromCouchDoc<ReturnDoc>(doc), history, now),
    );
  }

  /** Reads `db`'s changes from the queue's checkpoint, page by page, handing each document on. */
  private async readFeed(
    db: string,
    storeId: string,
    handle: (doc: StoredDoc, history: StoreSettingsHistory, now: string) => Promise<void>,
  ): Promise<void> {
    if (!(await this.store.databaseExists(db))) return;
    for (;;) {
      const checkpoint = await this.ledger.checkpoint(db);
      const page = await this.store.changesSince(db, checkpoint.since, FEED_PAGE);
      const now = new Date().toISOString();
      // Read once a page: a page holds up to FEED_PAGE documents of the one store.
      const history =
        page.results.length > 0 ? await this.settingsHistory.historyOf(storeId) : undefined;
      for (const change of page.results) {
        if (change.deleted || !change.doc || !history) continue;
        await handle(change.doc, history, now);
      }
      const moved = await this.ledger.saveCheckpoint(db, page.lastSeq, checkpoint.rev);
      // Another process read the same page: the entries are create-only, read on from its point.
      if (!page.more || !moved) return;
    }
  }

  private async intakeSale(
    storeId: string,
    sale: SaleDoc,
    history: StoreSettingsHistory,
    now: string,
  ): Promise<void> {
    // A voided sale never gets an invoice (the gate refuses them; this holds if one lands).
    if (sale.status !== 'completed' || sale.storeId !== storeId) return;
    const settings = settingsIn(history, sale.completedAt);
    // Sales before the store's first day of e-invoices get none (einvoice-config.ts).
    if (saleBusinessDate(sale, settings) < (this.config.stores[storeId]?.from ?? '')) return;
    await this.record(this.entryFor(sale, settings, now), sale.id);
  }

  private async record(entry: StoredInvoice, of: string): Promise<void> {
    if ((await this.ledger.create(entry)) && entry.status === 'blocked') {
      this.log(`omnitill-sync-server: invoice of ${of} blocked: ${entry.reason ?? ''}`);
    }
  }

  private async saleOf(storeId: string, saleId: string): Promise<SaleDoc | undefined> {
    const db = storeDatabaseName('sales', storeId);
    if (!(await this.store.databaseExists(db))) return undefined;
    const doc = (await this.store.getCurrent(db, [saleId])).get(saleId);
    return doc && !doc._deleted ? fromCouchDoc<SaleDoc>(doc) : undefined;
  }

  /** The adjusting invoice of a return: built, or why not; undefined when it gets none. */
  private async adjustingFor(
    ret: ReturnDoc,
    sale: SaleDoc | undefined,
    history: StoreSettingsHistory,
  ): Promise<(Pick<StoredInvoice, 'saleId' | 'originalId'> & { built: BuiltInvoice }) | undefined> {
    const invoicing = this.config.stores[ret.storeId];
    if (!invoicing) return undefined;
    const outcome = await buildAdjustingInvoice({
      ret,
      sale,
      saleSettings: sale && settingsIn(history, sale.completedAt),
      invoicing,
      takeSequence: (key, returnId) => this.ledger.adjustmentSequence(key, returnId),
    });
    if (outcome.kind === 'none') return undefined;
    return {
      saleId: outcome.saleId,
      ...(outcome.originalId ? { originalId: outcome.originalId } : {}),
      built: outcome.built,
    };
  }

  private async intakeReturn(
    storeId: string,
    ret: ReturnDoc,
    history: StoreSettingsHistory,
    now: string,
  ): Promise<void> {
    if (ret.status !== 'completed' || ret.storeId !== storeId || !ret.original) return;
    const settings = settingsIn(history, ret.completedAt);
    const day = businessDate(ret.completedAt, storeTimeZone(settings));
    const id = invoiceId(storeId, day, ret.id);
    if (await this.ledger.get(id)) return;
    const sale = await this.saleOf(storeId, ret.original.documentId);
    const adjusting = await this.adjustingFor(ret, sale, history);
    if (!adjusting) return;
    const { built, ...links } = adjusting;
    const base: StoredInvoice = {
      id,
      kind: 'adjusting',
      ...links,
      returnId: ret.id,
      storeId,
      registerId: ret.registerId,
      businessDate: day,
      status: 'queued',
      attempts: 0,
      maxAttempts: this.config.retry.maxAttempts,
      dueAt: this.dueAt(day, settings),
      createdAt: now,
      updatedAt: now,
    };
    const entry: StoredInvoice =
      'problem' in built
        ? { ...base, status: 'blocked', reason: built.problem }
        : { ...base, ...built };
    await this.record(entry, ret.id);
  }

  /**
   * Sends the store's due invoices. An adjusting invoice is held until the invoice it adjusts is
   * accepted; one held behind an invoice this round got accepted goes in a second round.
   */
  private async sendDue(storeId: string): Promise<void> {
    for (let round = 0; round < 2; round += 1) {
      const now = Date.now();
      const all = await this.ledger.list(storeId);
      const status = new Map(all.map((entry) => [entry.id, entry.status]));
      const due = all.filter((entry) => isDue(entry, now, STALE_SENT_MS));
      const ready = due.filter(
        (entry) => !entry.originalId || status.get(entry.originalId) === 'accepted',
      );
      for (let start = 0; start < ready.length; start += this.config.batchSize) {
        await this.sendBatch(ready.slice(start, start + this.config.batchSize));
      }
      if (ready.length === 0 || ready.length === due.length) return;
    }
  }

  private async sendBatch(entries: readonly StoredInvoice[]): Promise<void> {
    const claim = randomUUID();
    const taken: StoredInvoice[] = [];
    for (const entry of entries) {
      const stored = await this.ledger.update(entry.id, (current) =>
        // Only as it was read: another process or a manager may have moved it since.
        current.status === entry.status && current.attempts === entry.attempts
          ? claimed(current, claim, Date.now())
          : undefined,
      );
      if (stored) taken.push(stored);
    }
    if (taken.length === 0) return;
    const results = await this.provider.send(
      taken.map((entry) => ({
        id: entry.id,
        code: entry.code ?? '',
        symbol: entry.symbol ?? '',
        xml: entry.xml ?? '',
      })),
    );
    const byId = new Map(results.map((result) => [result.id, result]));
    for (const entry of taken) {
      const result: InvoiceResult = byId.get(entry.id) ?? {
        id: entry.id,
        outcome: 'failed',
        reason: 'the provider gave no answer for this invoice',
      };
      await this.ledger.update(entry.id, (current) =>
        afterResult(current, claim, result, Date.now(), this.config.retry),
      );
      if (result.outcome !== 'accepted') {
        this.log(
          `omnitill-sync-server: invoice ${entry.code ?? entry.id} ${result.outcome}: ${result.reason}`,
        );
      }
    }
  }

  /**
   * A manager's resend: built again from the sale (an adjusting invoice: from its return and the
   * sale, keeping its number) and due now; accepted ones are refused.
   */
  async resend(id: string, sale: SaleDoc | undefined): Promise<StoredInvoice | undefined> {
    const current = await this.ledger.get(id);
    if (!current) return undefined;
    const rebuilt =
      current.kind === 'adjusting'
        ? await this.rebuildAdjusting(current, sale)
        : await this.rebuildSale(current, sale);
    const stored = await this.ledger.update(id, (entry) => resent(entry, rebuilt, Date.now()));
    if (stored) this.kick();
    return stored;
  }

  private async rebuildSale(
    current: StoredInvoice,
    sale: SaleDoc | undefined,
  ): Promise<BuiltInvoice> {
    const invoicing = this.config.stores[current.storeId];
    const settings = sale ? await this.settingsAt(sale.storeId, sale.completedAt) : undefined;
    return sale && invoicing
      ? buildInvoice(sale, settings, invoicing, current.buyer)
      : {
          problem: sale
            ? `Store ${current.storeId} is not in the e-invoice configuration.`
            : `Sale ${current.saleId} is no longer on the server.`,
        };
  }

  private async rebuildAdjusting(
    current: StoredInvoice,
    sale: SaleDoc | undefined,
  ): Promise<BuiltInvoice> {
    const db = storeDatabaseName('returns', current.storeId);
    const returnId = current.returnId ?? '';
    const doc = (await this.store.databaseExists(db))
      ? (await this.store.getCurrent(db, [returnId])).get(returnId)
      : undefined;
    if (!doc || doc._deleted) return { problem: `Return ${returnId} is no longer on the server.` };
    const history = await this.settingsHistory.historyOf(current.storeId);
    const adjusting = await this.adjustingFor(fromCouchDoc<ReturnDoc>(doc), sale, history);
    return (
      adjusting?.built ?? {
        problem: `Sale ${current.saleId} has no invoice to adjust (voided, before the first day of e-invoices, or the store is not configured).`,
      }
    );
  }
}
