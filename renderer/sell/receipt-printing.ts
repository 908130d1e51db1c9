/**
 * Printing receipts. The sale is already saved when this runs (ARCHITECTURE.md rule 6): a
 * printer out of paper or switched off never blocks or loses it. The host answers a print with
 * the queued job, later 'printer/job' events tell how it went, and the cashier can retry a failed
 * job or print a copy of any past receipt.
 */
import { create } from 'zustand';
import type { SaleDoc } from '../../src/documents';
import type { DeviceErrorCode, DeviceResult, PrintJobInfo } from '../../src/ipc/contract';
import { recordReprint } from '../audit/reprints';
import { saleReceiptOf } from '../lookup/document-receipts';
import type { ReceiptExtras } from '../lookup/document-receipts';
import { services } from '../services';

export type { ReceiptExtras };

export type PrintState =
  | { state: 'sending' }
  | { state: 'queued' | 'printing' | 'printed'; jobId: string }
  | {
      state: 'failed';
      jobId: string;
      /** What went wrong, as the host's code: the panel words it in the screen's language. */
      code: DeviceErrorCode | undefined;
      canRetry: boolean;
      queued: boolean;
    };

interface PrintStoreState {
  /** By print job id. */
  jobs: Record<string, PrintState>;
}

export const usePrintStore = create<PrintStoreState>()(() => ({ jobs: {} }));

function setJob(jobId: string, state: PrintState): void {
  usePrintStore.setState((current) => ({ jobs: { ...current.jobs, [jobId]: state } }));
}

/** Follows the host's reports on queued jobs (call once at start). */
export function followPrintJobs(): () => void {
  return services().api.on('printer/job', (info: PrintJobInfo) => {
    if (!(info.jobId in usePrintStore.getState().jobs)) return;
    setJob(
      info.jobId,
      info.state === 'failed'
        ? {
            state: 'failed',
            jobId: info.jobId,
            code: info.lastErrorCode,
            canRetry: true,
            queued: true,
          }
        : { state: info.state, jobId: info.jobId },
    );
  });
}

/** The print job id of a receipt: one per sale, a new one per copy. */
export function receiptJobId(sale: SaleDoc, copy: boolean): string {
  const body = sale.id.slice(sale.id.indexOf('_') + 1);
  return copy ? `job_${body}.copy${Date.now().toString(36)}` : `job_${body}`;
}

export async function printSaleReceipt(
  sale: SaleDoc,
  copy: boolean,
  extras: ReceiptExtras = {},
): Promise<string> {
  const jobId = receiptJobId(sale, copy);
  setJob(jobId, { state: 'sending' });
  const receipt = await saleReceiptOf(sale, extras, copy);
  if (copy) void recordReprint(receipt);
  await send(jobId, () => services().api.invoke('printer/print', { jobId, receipt }));
  return jobId;
}

async function send(
  jobId: string,
  invoke: () => Promise<DeviceResult<PrintJobInfo>>,
): Promise<void> {
  const result = await invoke();
  if (result.ok) {
    const info = result.value;
    const current = usePrintStore.getState().jobs[jobId];
    // An event may already have reported the outcome; do not go back to "queued".
    if (current?.state === 'sending') {
      setJob(
        jobId,
        info.state === 'failed'
          ? { state: 'failed', jobId, code: info.lastErrorCode, canRetry: true, queued: true }
          : { state: info.state, jobId },
      );
    }
  } else {
    setJob(jobId, {
      state: 'failed',
      jobId,
      code: result.code,
      canRetry: result.canRetry || result.code !== 'bad-request',
      queued: false,
    });
  }
}

/** Tries a failed receipt again: the host's queue retries its job; a job never queued is resent. */
export async function retryPrint(
  jobId: string,
  sale: SaleDoc,
  extras: ReceiptExtras,
): Promise<void> {
  const current = usePrintStore.getState().jobs[jobId];
  if (current?.state === 'failed' && current.queued) {
    setJob(jobId, { state: 'sending' });
    await send(jobId, () => services().api.invoke('printer/retry', { jobId }));
    return;
  }
  await printSaleReceipt(sale, false, extras);
}
