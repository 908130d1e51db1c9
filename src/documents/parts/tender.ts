/**
 * How a customer pays. Tenders are validated and settled as results, not exceptions: a cashier
 * typing too much on the card is an everyday event the screen must explain, not a crash.
 */
import type { Minor } from '../../money';

export type TenderKind =
  'cash' | 'card' | 'store-credit' | 'gift-card' | 'loyalty-points' | 'bank-transfer';

interface TenderBase {
  /** Unique within the sale; refunds point back at it. */
  tenderId: string;
  /** For cash: what was handed over. For every other kind: what is charged to it. */
  amount: Minor;
}

export interface CashTender extends TenderBase {
  kind: 'cash';
}
export interface CardTender extends TenderBase {
  kind: 'card';
  /** The approval code the external card terminal returned. */
  approvalCode: string;
  terminalId?: string;
  /** Last four digits as printed on the terminal slip, for the receipt and for refunds. */
  cardLast4?: string;
}
export interface StoreCreditTender extends TenderBase {
  kind: 'store-credit';
  /** The credit note or customer account it was drawn from, when known. */
  creditReference?: string;
}
export interface GiftCardTender extends TenderBase {
  kind: 'gift-card';
  cardNumber: string;
}
export interface LoyaltyPointsTender extends TenderBase {
  kind: 'loyalty-points';
  /** Points redeemed; `amount` is their money value, converted by the loyalty module. */
  points: number;
}

/** A VietQR bank transfer into the store's account (docs/PAYMENTS.md). */
export interface BankTransferTender extends TenderBase {
  kind: 'bank-transfer';
  /** The payment reference in the QR, which the bank's notification is matched by. */
  paymentReference: string;
  /**
   * The supervisor who confirmed it by hand, having seen the money in the bank app; absent when
   * the bank's notification confirmed it.
   */
  confirmedBy?: string;
  /** Confirmed by hand while the server could not be reached: the server learns of it at sync. */
  confirmedOffline?: boolean;
}

export type TenderInput =
  | CashTender
  | CardTender
  | StoreCreditTender
  | GiftCardTender
  | LoyaltyPointsTender
  | BankTransferTender;

/** A tender once the sale is settled: how much of the price it covered. */
export type AppliedTender = TenderInput & {
  /** The part of the amount due (the priced total) this tender paid. Sums to the total. */
  applied: Minor;
  /** Cash only: the cash rounding this tender absorbed (kept = applied + rounding). */
  rounding: Minor;
  /** Cash only: change handed back. */
  change: Minor;
};

export type TenderErrorCode =
  | 'invalid-amount'
  | 'invalid-points'
  | 'duplicate-tender-id'
  | 'card-needs-approval-code'
  | 'gift-card-needs-number'
  | 'non-cash-over-tender'
  | 'nothing-due'
  | 'negative-amount-due'
  | 'under-tendered';

export interface TenderError {
  code: TenderErrorCode;
  message: string;
  tenderId?: string;
}

export interface Settlement {
  /** The priced total, before cash rounding. */
  amountDue: Minor;
  /** Added to (or, when negative, taken off) the amount due because cash was rounded. */
  cashRoundingAdjustment: Minor;
  /** amountDue + cashRoundingAdjustment: what the tenders must cover. */
  amountToCollect: Minor;
  /** Everything handed over or charged. */
  tendered: Minor;
  /** What the store keeps: tendered minus change. */
  paid: Minor;
  change: Minor;
  /** Still to pay with a non-cash tender (exact). Zero when complete. */
  remaining: Minor;
  /** Still to pay in cash (rounded when the store rounds cash). Zero when complete. */
  remainingInCash: Minor;
  complete: boolean;
  tenders: AppliedTender[];
}

export type SettlementResult =
  { ok: true; settlement: Settlement } | { ok: false; errors: TenderError[] };

/** Where a return's money goes back, as its document keeps it (src/tenders plans it). */
export interface RefundTender {
  kind: Exclude<TenderKind, 'bank-transfer'>;
  /** The sale tender this refund goes back to; absent for a fallback refund. */
  originalTenderId?: string;
  /** The part of the refund's value this tender carries, before cash rounding. */
  covers: Minor;
  /** What is actually given back (cash may be rounded). */
  amount: Minor;
  /** Loyalty points given back, for a points tender. */
  points?: number;
  /** Gift card the money goes back onto. */
  cardNumber?: string;
  /** Card refunds: the approval code of the original payment, for the terminal. */
  originalApprovalCode?: string;
}
