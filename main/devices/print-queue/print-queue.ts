/**
 * The print queue between a completed sale and the printer. A job is written to disk (fsynced)
 * before a byte goes to the printer, so the sale is complete whether or not the printer is
 * there; a failed job keeps its error and waits for Retry; any past receipt can be printed again
 * as a copy. Jobs print one at a time, in order, and every change of state is announced with
 * the IPC contract's PrintJobInfo.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceResult, PrintJobInfo } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';
import { failure } from '../printer/receipt-printer';
import type { ReceiptPrinter } from '../printer/receipt-printer';
import { PrintJobStore } from './print-job-store';
import type { StoredPrintJob } from './print-job-store';

export interface PrintQueueOptions {
  /** The register's data folder; jobs live in <dataDir>/print-jobs. */
  dataDir: string;
  /**
   * The printer, or a function returning the one currently configured (null when none is),
   * so a settings change applies to the next attempt without a new queue.
   */
  printer: ReceiptPrinter | null | (() => ReceiptPrinter | null);
  now?: () => Date;
  newJobId?: () => string;
}

export const NO_PRINTER_MESSAGE =
  'No receipt printer is set up for this register. Set one up in Settings, then press Retry.';
export const INTERRUPTED_MESSAGE =
  'Printing was interrupted when the app closed. Check the printer, then press Retry.';

function info(job: StoredPrintJob): PrintJobInfo {
  const out: PrintJobInfo = {
    jobId: job.jobId,
    documentId: job.documentId,
    state: job.state,
    attempts: job.attempts,
  };
  if (job.lastError !== undefined) out.lastError = job.lastError;
  if (job.lastErrorCode !== undefined) out.lastErrorCode = job.lastErrorCode;
  return out;
}

export class PrintQueue {
  private readonly jobsById = new Map<string, StoredPrintJob>();
  private readonly listeners = new Set<(job: PrintJobInfo) => void>();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly newJobId: () => string;

  private constructor(
    private readonly store: PrintJobStore,
    private readonly options: PrintQueueOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newJobId = options.newJobId ?? (() => `print_${randomUUID()}`);
  }

  /** Opens the queue on its folder; jobs cut off mid-print by a crash come back as failed. */
  static async open(options: PrintQueueOptions): Promise<PrintQueue> {
    const queue = new PrintQueue(await PrintJobStore.open(options.dataDir), options);
    for (const job of await queue.store.loadAll()) {
      if (job.state === 'printing') {
        // It may or may not have printed: let the cashier decide rather than print twice.
        job.state = 'failed';
        job.lastError = INTERRUPTED_MESSAGE;
        job.lastErrorCode = 'interrupted';
        job.updatedAt = queue.now().toISOString();
        await queue.store.save(job);
      }
      queue.jobsById.set(job.jobId, job);
    }
    return queue;
  }

  /** Registers a listener for job changes; returns the function that removes it. */
  onJob(listener: (job: PrintJobInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  jobs(): PrintJobInfo[] {
    return [...this.jobsById.values()].map(info);
  }

  job(jobId: string): PrintJobInfo | undefined {
    const job = this.jobsById.get(jobId);
    return job ? info(job) : undefined;
  }

  /**
   * Stores the job and starts printing it in the background; resolves once the job is on disk.
   * Submitting a job id again returns the existing job: a replayed request never prints twice.
   */
  async submit(jobId: string, receipt: Receipt): Promise<PrintJobInfo> {
    const existing = this.jobsById.get(jobId);
    if (existing) return info(existing);
    const job = await this.create(jobId, receipt);
    void this.schedule(job.jobId);
    return info(job);
  }

  /** Like submit, but resolves after the first attempt with the job's state then. */
  async print(jobId: string, receipt: Receipt): Promise<PrintJobInfo> {
    const existing = this.jobsById.get(jobId);
    if (existing) return info(existing);
    const job = await this.create(jobId, receipt);
    return this.schedule(job.jobId);
  }

  /** Prints a failed (or still queued) job again and resolves with the outcome. */
  async retry(jobId: string): Promise<DeviceResult<PrintJobInfo>> {
    const job = this.jobsById.get(jobId);
    if (!job) return failure('not-found', `There is no print job ${jobId}.`, false);
    if (job.state === 'printed') {
      return failure(
        'bad-request',
        'This receipt has already printed. Use Reprint for a copy.',
        false,
      );
    }
    if (job.state === 'printing') return { ok: true, value: info(job) };
    return { ok: true, value: await this.schedule(jobId) };
  }

  /** Prints a past receipt again, marked as a copy, as a new job. */
  async reprint(
    jobId: string,
    copyJobId: string = this.newJobId(),
  ): Promise<DeviceResult<PrintJobInfo>> {
    const original = this.jobsById.get(jobId);
    if (!original) return failure('not-found', `There is no print job ${jobId}.`, false);
    const existing = this.jobsById.get(copyJobId);
    if (existing) return { ok: true, value: info(existing) };
    const job = await this.create(copyJobId, { ...original.receipt, copy: true }, original.jobId);
    return { ok: true, value: await this.schedule(job.jobId) };
  }

  /** Resolves when every attempt started so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private async create(jobId: string, receipt: Receipt, copyOf?: string): Promise<StoredPrintJob> {
    const at = this.now().toISOString();
    const job: StoredPrintJob = {
      jobId,
      documentId: receipt.documentId,
      state: 'queued',
      attempts: 0,
      receipt,
      ...(copyOf === undefined ? {} : { copyOf }),
      createdAt: at,
      updatedAt: at,
    };
    await this.store.save(job);
    this.jobsById.set(jobId, job);
    this.emit(job);
    return job;
  }

  private schedule(jobId: string): Promise<PrintJobInfo> {
    const attempt = this.chain.then(() => this.attempt(jobId));
    this.chain = attempt.catch(() => undefined);
    return attempt;
  }

  private async attempt(jobId: string): Promise<PrintJobInfo> {
    const job = this.jobsById.get(jobId);
    if (!job) throw new Error(`Print job ${jobId} vanished.`);
    if (job.state === 'printed') return info(job);
    job.state = 'printing';
    job.attempts += 1;
    await this.update(job);
    const printer =
      typeof this.options.printer === 'function' ? this.options.printer() : this.options.printer;
    let result: DeviceResult<unknown>;
    try {
      result = printer
        ? await printer.print(job.receipt)
        : failure('not-configured', NO_PRINTER_MESSAGE, true);
    } catch (error) {
      // Adapters report rather than throw; a throw is a bug, but the job must not stay "printing".
      result = failure(
        'device-error',
        `Printing failed: ${error instanceof Error ? error.message : String(error)}`,
        true,
      );
    }
    if (result.ok) {
      job.state = 'printed';
      delete job.lastError;
      delete job.lastErrorCode;
    } else {
      job.state = 'failed';
      job.lastError = result.message;
      job.lastErrorCode = result.code;
    }
    await this.update(job);
    return info(job);
  }

  private async update(job: StoredPrintJob): Promise<void> {
    job.updatedAt = this.now().toISOString();
    await this.store.save(job);
    this.emit(job);
  }

  private emit(job: StoredPrintJob): void {
    const payload = info(job);
    for (const listener of this.listeners) listener(payload);
  }
}
