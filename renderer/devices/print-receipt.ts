/** A counter receipt (a return, a pickup) sent to the register's printer through the device host. */
import type { Receipt } from '../../src/receipt';
import { newId } from '../platform/new-id';
import { sendPrintJob } from './print-jobs';

/**
 * Sends the receipt and answers its print job id at once: the screen shows the job's state as
 * it goes (PrintJobStatus), with Retry when it fails. Never throws for a printer problem.
 */
export async function printReceipt(receipt: Receipt): Promise<string> {
  const jobId = newId('print');
  await sendPrintJob(jobId, receipt);
  return jobId;
}
