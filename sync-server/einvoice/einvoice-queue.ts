/**
 * The server's e-invoice queue (docs/INVOICES.md). Each pass:
 *
 * 1. Intake: reads each configured store's sales database from its changes feed, from where the
 *    last pass stopped (a checkpoint in the queue's database), and queues one invoice per
 *    completed sale, built once with src/einvoice. The feed holds only what the replication
 *    gate accepted, survives a restart or a crash between accepting and queueing, and sees sales
 *    accepted by any server instance; the gate itself is left untouched.
 * 2. Sending: invoices whose batch is due (the end of the store's day by default) or whose retry
 *    is due are claimed at their revision, sent in batches per store, and each result recorded.
 */
import { randomUUID } from 'node:crypto';
import type { SaleDoc } from '../../src/documents';
import { startOfBusinessDay, storeTimeZone } from '../../src/store-clock';
import type { SettingsHistory, StoreSettingsHistory } from '../history/settings-history';
import { fromCouchDoc } from '../storage/couch-doc';
import { storeDatabaseName } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';
import { buildInvoice, saleBusinessDate } from './einvoice-builder';
import type { InvoiceSettings } from './einvoice-builder';
import type { EInvoiceConfig } from './einvoice-config';
import { EInvoiceLedger, invoiceId } from './einvoice-ledger';
import type { EInvoiceProvider, InvoiceResult } from './einvoice-provider';
import { afterResult, claimed, isDue, resent } from './einvoice-queue-state';
import type { StoredInvoice } from './einvoice-queue-state';
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
    const db = storeDatabaseName('sales', storeId);
    if (!(await this.store.databaseExists(db))) return;
    for (;;) {
      const checkpoint = await this.ledger.checkpoint(db);
      const page = await this.store.changesSince(db, checkpoint.since, FEED_PAGE);
      const now = new Date().toISOString();
      // Read once a page: a page holds up to FEED_PAGE sales of the one store.
      const history =
        page.results.length > 0 ? await this.settingsHistory.historyOf(storeId) : undefined;
      for (const change of page.results) {
        if (change.deleted || !change.doc) continue;
        const sale = fromCouchDoc<SaleDoc>(change.doc);
        // A voided sale never gets an invoice (the gate refuses them; this holds if one lands).
        if (sale.status !== 'completed' || sale.storeId !== storeId) continue;
        const settings = history && settingsIn(history, sale.completedAt);
        // Sales before the store's first day of e-invoices get none (einvoice-config.ts).
        if (saleBusinessDate(sale, settings) < (this.config.stores[storeId]?.from ?? '')) continue;
        const entry = this.entryFor(sale, settings, now);
        if (await this.ledger.create(entry)) {
          if (entry.status === 'blocked') {
            this.log(`omnitill-sync-server: invoice of ${sale.id} blocked: ${entry.reason ?? ''}`);
          }
        }
      }
      const moved = await this.ledger.saveCheckpoint(db, page.lastSeq, checkpoint.rev);
      // Another process read the same page: the entries are create-only, read on from its point.
      if (!page.more || !moved) return;
    }
  }

  private async sendDue(storeId: string): Promise<void> {
    const now = Date.now();
    const due = (await this.ledger.list(storeId)).filter((entry) =>
      isDue(entry, now, STALE_SENT_MS),
    );
    for (let start = 0; start < due.length; start += this.config.batchSize) {
      await this.sendBatch(due.slice(start, start + this.config.batchSize));
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

  /** A manager's resend: built again from the sale and due now; accepted ones are refused. */
  async resend(id: string, sale: SaleDoc | undefined): Promise<StoredInvoice | undefined> {
    const current = await this.ledger.get(id);
    if (!current) return undefined;
    const invoicing = this.config.stores[current.storeId];
    const settings = sale ? await this.settingsAt(sale.storeId, sale.completedAt) : undefined;
    const rebuilt =
      sale && invoicing
        ? buildInvoice(sale, settings, invoicing, current.buyer)
        : {
            problem: sale
              ? `Store ${current.storeId} is not in the e-invoice configuration.`
              : `Sale ${current.saleId} is no longer on the server.`,
          };
    const stored = await this.ledger.update(id, (entry) => resent(entry, rebuilt, Date.now()));
    if (stored) this.kick();
    return stored;
  }
}
