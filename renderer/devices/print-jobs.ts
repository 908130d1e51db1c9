/**
 * Every print job the register sends (a sale's receipt, a pickup slip, a return receipt), as the
 * screens show it: sending, waiting, printing, printed, or failed with the host's code and a
 * Retry. The host answers a print with the queued job and later 'printer/job' events tell how it
 * went; a failed job is retried in the host's queue, and one the host never took is sent again.
 */
import { create } from 'zustand';
import type { DeviceErrorCode, DeviceResult, PrintJobInfo } from '../../src/ipc/contract';
import type { Receipt } from '../../src/receipt';
import { services } from '../services';

export type PrintState =
  | { state: 'sending' }
  | { state: 'queued' | 'printing' | 'printed'; jobId: string }
  | {
      state: 'failed';
      jobId: string;
      /** What went wrong, as the host's code: the screen words it in its language. */
      code: DeviceErrorCode | undefined;
      canRetry: boolean;
      queued: boolean;
    };

interface PrintStoreState {
  /** By print job id. */
  jobs: Record<string, PrintState>;
}

export const usePrintStore = create<PrintStoreState>()(() => ({ jobs: {} }));

/** The receipt of each job sent from this page, to send again a job the host never took. */
const sentReceipts = new Map<string, Receipt>();

function setJob(jobId: string, state: PrintState): void {
  usePrintStore.setState((current) => ({ jobs: { ...current.jobs, [jobId]: state } }));
}

function fromHost(info: PrintJobInfo): PrintState {
  return info.state === 'failed'
    ? { state: 'failed', jobId: info.jobId, code: info.lastErrorCode, canRetry: true, queued: true }
    : { state: info.state, jobId: info.jobId };
}

/** Follows the host's reports on queued jobs (call once at start). */
export function followPrintJobs(): () => void {
  return services().api.on('printer/job', (info: PrintJobInfo) => {
    if (!(info.jobId in usePrintStore.getState().jobs)) return;
    setJob(info.jobId, fromHost(info));
  });
}

async function send(
  jobId: string,
  invoke: () => Promise<DeviceResult<PrintJobInfo>>,
): Promise<void> {
  const result = await invoke();
  if (result.ok) {
    const current = usePrintStore.getState().jobs[jobId];
    // An event may already have reported the outcome; do not go back to "queued".
    if (current?.state === 'sending') setJob(jobId, fromHost(result.value));
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

/** Sends `receipt` to the printer as job `jobId`; its state is then in usePrintStore. */
export async function sendPrintJob(jobId: string, receipt: Receipt): Promise<void> {
  sentReceipts.set(jobId, receipt);
  setJob(jobId, { state: 'sending' });
  await send(jobId, () => services().api.invoke('printer/print', { jobId, receipt }));
}

/**
 * Tries a failed job again: the host's queue retries a job it holds (resolving with the new
 * outcome), a job it never took is sent again. False when there is nothing to send.
 */
export async function retryPrintJob(jobId: string): Promise<boolean> {
  const current = usePrintStore.getState().jobs[jobId];
  if (current?.state === 'failed' && current.queued) {
    setJob(jobId, { state: 'sending' });
    await send(jobId, () => services().api.invoke('printer/retry', { jobId }));
    return true;
  }
  const receipt = sentReceipts.get(jobId);
  if (!receipt) return false;
  await sendPrintJob(jobId, receipt);
  return true;
}
