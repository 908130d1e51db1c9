/**
 * Printing receipts. The sale is already saved when this runs (ARCHITECTURE.md rule 6): a
 * printer out of paper or switched off never blocks or loses it. The host answers a print with
 * the queued job, later 'printer/job' events tell how it went, and the cashier can retry a failed
 * job or print a copy of any past receipt.
 */
import type { SaleDoc } from '../../src/documents';
import { recordReprint } from '../audit/reprints';
import { retryPrintJob, sendPrintJob, usePrintStore } from '../devices/print-jobs';
import { saleReceiptOf } from '../lookup/document-receipts';
import type { ReceiptExtras } from '../lookup/document-receipts';

export type { ReceiptExtras };

// The print jobs' states live with every other print (devices/print-jobs.ts).
export { followPrintJobs, usePrintStore } from '../devices/print-jobs';
export type { PrintState } from '../devices/print-jobs';

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
  usePrintStore.setState((current) => ({
    jobs: { ...current.jobs, [jobId]: { state: 'sending' } },
  }));
  const receipt = await saleReceiptOf(sale, extras, copy);
  if (copy) void recordReprint(receipt);
  await sendPrintJob(jobId, receipt);
  return jobId;
}

/** Tries a failed receipt again: the host's queue retries its job; a job never queued is resent. */
export async function retryPrint(
  jobId: string,
  sale: SaleDoc,
  extras: ReceiptExtras,
): Promise<void> {
  if (await retryPrintJob(jobId)) return;
  await printSaleReceipt(sale, false, extras);
}
