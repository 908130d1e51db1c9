/** A counter receipt (a return, a pickup) sent to the register's printer through the device host. */
import type { Receipt } from '../../src/receipt';
import { newId } from '../platform/new-id';
import { services } from '../services';

export async function printReceipt(receipt: Receipt): Promise<{ ok: boolean; message?: string }> {
  const result = await services().api.invoke('printer/print', {
    jobId: newId('print'),
    receipt,
  });
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}
