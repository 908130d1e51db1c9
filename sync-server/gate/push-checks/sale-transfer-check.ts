/**
 * The bank-transfer tenders of a pushed sale (docs/PAYMENTS.md, "What the server checks of a
 * sale paid by transfer"): each must name a payment of the sale's store, recorded for this sale, of the tender's
 * amount, that the server holds as paid (by the bank's notification, or confirmed by hand on the
 * server): `judgeTenderPayment` (src/payments) decides. Otherwise refused (`unknown_payment`,
 * `payment_used`, `amount_mismatch`, `payment_unconfirmed`): a transfer the server does not know
 * was paid is money that may never come.
 *
 * The one exception is the register that could not reach the server: a supervisor or manager
 * confirmed the transfer by hand offline (`confirmedOffline`, `confirmedBy`). The goods have left,
 * so the sale is kept when the approver may confirm transfers at that store (src/staff
 * transfer-approver.ts; otherwise `not_approved`), and the payment is recorded here as confirmed by
 * hand with that approver, created when the server never heard of it. From then on
 * `payment-not-arrived` watches it until the bank's notification matches
 * (sync-server/payments/overdue-payments.ts). It runs last of the sale's checks, as it is the
 * one that writes.
 */
import type { SaleDoc } from '../../../src/documents';
import { confirmByHand, judgeTenderPayment } from '../../../src/payments';
import type { PaymentIntent, TransferClaim } from '../../../src/payments';
import { transferApproverProblem } from '../../../src/staff/transfer-approver';
import type { BankTransferTender } from '../../../src/tenders';
import { IntentConflict, PaymentIntents } from '../../storage/payment-intents';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';
import { staffMember } from './sale-lookups';

/** A payment to record, confirmed by hand offline, once every tender has passed. */
interface ByHand {
  tender: TransferClaim;
  approverId: string;
  known: boolean;
}

function recordedByHand(
  sale: SaleDoc,
  tender: TransferClaim,
  approverId: string,
  now: string,
): PaymentIntent {
  const intent: PaymentIntent = {
    reference: tender.paymentReference,
    storeId: sale.storeId,
    registerId: sale.registerId,
    deviceId: sale.deviceId,
    saleId: sale.id,
    amount: tender.amount,
    status: 'pending',
    createdAt: now,
  };
  return confirmByHand(intent, approverId, now);
}

/** Records one confirmation by hand; a refusal when another sale took the payment meanwhile. */
async function record(
  intents: PaymentIntents,
  sale: SaleDoc,
  { tender, approverId, known }: ByHand,
  now: string,
): Promise<PushVerdict> {
  const reference = tender.paymentReference;
  if (!known) {
    try {
      await intents.open(recordedByHand(sale, tender, approverId, now));
    } catch (error) {
      if (!(error instanceof IntentConflict)) throw error;
      return reject(
        'payment_used',
        `payment ${reference} was just recorded for another sale; one transfer pays one sale, so take another payment for this one`,
      );
    }
  }
  // Pending (recorded by the register, or by its outbox racing this push): the approver confirms.
  const after = await intents.update(reference, (current) =>
    current.status === 'pending' && current.saleId === sale.id
      ? confirmByHand(current, approverId, now)
      : undefined,
  );
  if (after?.status !== 'confirmed' || after.saleId !== sale.id) {
    return reject(
      'payment_unconfirmed',
      `payment ${reference} changed while this sale was checked (${after?.status ?? 'gone'}); push the sale again`,
    );
  }
  return ACCEPT;
}

export async function checkSaleTransfers(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const tenders = sale.payment.tenders.filter(
    (tender): tender is BankTransferTender & typeof tender => tender.kind === 'bank-transfer',
  );
  if (tenders.length === 0) return ACCEPT;
  const intents = new PaymentIntents(context.store);
  const seen = new Set<string>();
  const byHand: ByHand[] = [];
  // Every tender is judged before anything is written, so a refused sale records nothing.
  for (const tender of tenders) {
    const reference = tender.paymentReference;
    if (seen.has(reference)) {
      return reject(
        'payment_used',
        `transfer ${reference} is on the sale twice; one transfer is one tender`,
      );
    }
    seen.add(reference);
    const intent = await intents.intent(reference);
    const verdict = judgeTenderPayment(tender, intent, sale);
    if (verdict.kind === 'refused') return reject(verdict.code, verdict.reason);
    if (verdict.kind === 'paid') continue;
    const approver = await staffMember(context, verdict.approverId);
    const problem = transferApproverProblem(approver, sale.storeId);
    if (problem) {
      return reject(
        'not_approved',
        `transfer ${reference} was confirmed by hand offline by ${verdict.approverId}, who may not (${problem}); a supervisor or manager of store ${sale.storeId} confirms transfers`,
      );
    }
    byHand.push({ tender, approverId: verdict.approverId, known: intent !== undefined });
  }
  const now = context.now.toISOString();
  for (const payment of byHand) {
    const verdict = await record(intents, sale, payment, now);
    if (verdict.kind !== 'accept') return verdict;
  }
  return ACCEPT;
}
