import { transferOverdue } from '../../src/payments';
import type { FlagDraft } from '../gate/push-checks/push-check';
import { PAYMENTS_DB } from './payment-ledger';
import type { PaymentLedger } from './payment-ledger';

/**
 * Payments a supervisor confirmed by hand whose transfer no bank notification has matched
 * within the grace period (src/payments): the money may never have come. One flag per payment,
 * keyed by its reference, so the sweep re-raising it never duplicates it.
 */
export async function overduePaymentFlags(
  ledger: PaymentLedger,
  nowMs: number,
): Promise<FlagDraft[]> {
  return (await ledger.intents())
    .filter((intent) => transferOverdue(intent, nowMs))
    .map((intent) => ({
      kind: 'payment-not-arrived',
      key: intent.reference,
      storeId: intent.storeId,
      summary: `${intent.manual?.approverId ?? 'A supervisor'} confirmed transfer ${intent.reference} (${intent.amount.toLocaleString('vi-VN')} ₫, sale ${intent.saleId}) by hand and no bank notification has matched it; check the bank statement.`,
      documents: [{ db: PAYMENTS_DB, id: `intent_${intent.reference}` }],
    }));
}
