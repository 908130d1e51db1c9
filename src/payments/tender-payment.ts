/**
 * Does a bank-transfer tender on a sale name a payment that was paid? Pure: the server's push
 * check asks it with the payment (intent) it holds under the tender's reference, before it lets
 * the sale land (docs/PAYMENTS.md, "What the server checks of a sale paid by transfer"). The
 * approver of a confirmation by hand is checked by the caller (src/staff/transfer-approver.ts),
 * which reads staff.
 */
import type { PaymentIntent } from './transfer-matching';

/** What a sale's bank-transfer tender claims (`BankTransferTender` in src/tenders). */
export interface TransferClaim {
  paymentReference: string;
  amount: number;
  confirmedBy?: string;
  confirmedOffline?: boolean;
}

export type TenderPaymentRefusal =
  'unknown_payment' | 'payment_unconfirmed' | 'payment_used' | 'amount_mismatch' | 'not_approved';

export type TenderPaymentVerdict =
  /** The server holds it as paid for this sale (by the bank, or confirmed by hand there). */
  | { kind: 'paid' }
  /** Confirmed by hand offline; the server holds it pending: record the approver on it. */
  | { kind: 'confirm-by-hand'; approverId: string }
  /** Confirmed by hand offline; the server never heard of it: record it, confirmed by hand. */
  | { kind: 'record-by-hand'; approverId: string }
  | { kind: 'refused'; code: TenderPaymentRefusal; reason: string };

const refused = (code: TenderPaymentRefusal, reason: string): TenderPaymentVerdict => ({
  kind: 'refused',
  code,
  reason,
});

/**
 * Judges one tender of sale `sale` against `intent`, the payment the server holds under its
 * reference (undefined when none). A payment is bound to the sale it was recorded for: so one
 * transfer pays one sale, whichever register pushes what.
 */
export function judgeTenderPayment(
  claim: TransferClaim,
  intent: PaymentIntent | undefined,
  sale: { id: string; storeId: string },
): TenderPaymentVerdict {
  const reference = claim.paymentReference;
  // The approver of a confirmation by hand offline ('' when it names none), else null.
  const byHand = claim.confirmedOffline === true ? (claim.confirmedBy ?? '') : null;
  if (byHand === '') {
    return refused(
      'not_approved',
      `transfer ${reference} says it was confirmed by hand offline but names no approver; a supervisor or manager confirms it with their PIN`,
    );
  }
  // Another store's payment reads as unknown: a register learns nothing of other stores.
  if (!intent || intent.storeId !== sale.storeId) {
    if (byHand !== null && !intent) return { kind: 'record-by-hand', approverId: byHand };
    return refused(
      'unknown_payment',
      `no payment ${reference} is recorded at store ${sale.storeId}; take a bank transfer only once the bank confirmed it, or a supervisor confirmed it by hand`,
    );
  }
  if (intent.saleId !== sale.id) {
    return refused(
      'payment_used',
      `payment ${reference} was recorded for sale ${intent.saleId}; one transfer pays one sale, so take another payment for this one`,
    );
  }
  if (intent.amount !== claim.amount) {
    return refused(
      'amount_mismatch',
      `the tender says ${claim.amount} by transfer ${reference}, but the payment recorded is for ${intent.amount}; take the difference another way`,
    );
  }
  if (intent.status === 'confirmed') return { kind: 'paid' };
  if (intent.status === 'cancelled') {
    return refused(
      'payment_unconfirmed',
      `payment ${reference} was cancelled at the register (the sale was to be paid another way); take another payment`,
    );
  }
  if (byHand !== null) return { kind: 'confirm-by-hand', approverId: byHand };
  return refused(
    'payment_unconfirmed',
    `payment ${reference} is still waiting for the bank's notification; wait for it, or have a supervisor confirm it by hand`,
  );
}
