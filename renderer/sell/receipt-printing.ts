/**
 * Printing receipts. The sale is already saved when this runs (ARCHITECTURE.md rule 6): a
 * printer out of paper or switched off never blocks or loses it. The host answers a print with
 * the queued job, later 'printer/job' events tell how it went, and the cashier can retry a failed
 * job or print a copy of any past receipt.
 */
import type { CustomerDoc, SaleDoc, StaffDoc } from '../../src/documents';
import { storeSaleReceipt } from '../../src/receipt';
import { retryPrintJob, sendPrintJob, usePrintStore } from '../devices/print-jobs';
import { services } from '../services';
import { useAppStore } from '../state/app-store';

// The print jobs' states live with every other print (devices/print-jobs.ts).
export { followPrintJobs, usePrintStore } from '../devices/print-jobs';
export type { PrintState } from '../devices/print-jobs';

export interface ReceiptExtras {
  customer?: CustomerDoc | null;
  pointsBalance?: number | null;
  staff?: StaffDoc | null;
}

async function staffName(staffId: string): Promise<string | undefined> {
  const doc = await services().db.staff.findOne(staffId).exec();
  return doc?.name;
}

async function customerOf(sale: SaleDoc): Promise<CustomerDoc | null> {
  if (!sale.customerId) return null;
  const doc = await services().db.customers.findOne(sale.customerId).exec();
  return doc ? doc.toJSON() : null;
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
  usePrintStore.setState((current) => ({
    jobs: { ...current.jobs, [jobId]: { state: 'sending' } },
  }));
  const settings = useAppStore.getState().settings;
  const customer = extras.customer === undefined ? await customerOf(sale) : extras.customer;
  const name =
    extras.staff?.id === sale.staffId ? extras.staff.name : await staffName(sale.staffId);
  const receipt = storeSaleReceipt(sale, settings, {
    ...(name ? { staffName: name } : {}),
    customer: customer ?? null,
    ...(extras.pointsBalance === undefined ? {} : { pointsBalance: extras.pointsBalance }),
    copy,
  });
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
