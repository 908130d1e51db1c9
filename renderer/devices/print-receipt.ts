/** A counter receipt (a return, a pickup) sent to the register's printer through the device host. */
import type { Receipt } from '../../src/receipt';
import { currentTranslate, deviceProblem } from '../i18n/device-text';
import { newId } from '../platform/new-id';
import { services } from '../services';

/** The answer is words for the screen, in its language: the host's own words are for its log. */
export async function printReceipt(receipt: Receipt): Promise<{ ok: boolean; message?: string }> {
  const result = await services().api.invoke('printer/print', {
    jobId: newId('print'),
    receipt,
  });
  if (result.ok && result.value.state !== 'failed') return { ok: true };
  const code = result.ok ? result.value.lastErrorCode : result.code;
  return { ok: false, message: deviceProblem(currentTranslate(), 'printer', code) };
}
