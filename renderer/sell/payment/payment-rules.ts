/**
 * What the payment panel shows and checks before a tender goes in: where the payment stands
 * (src/tenders does the arithmetic, cash rounding included), the quick cash notes, and plain
 * messages in the cashier's language for what src/tenders and src/loyalty refuse.
 */
import type { LoyaltyProgramRules } from '../../../src/loyalty';
import { pointsValue, redeemablePoints } from '../../../src/loyalty';
import { minor } from '../../../src/money';
import type { CurrencyCode, Minor } from '../../../src/money';
import { applyTenders } from '../../../src/tenders';
import type { CashRounding } from '../../../src/documents';
import type { CartLineInput } from '../../../src/pricing';
import { giftCardTenderProblem, tenderAllowedForCart } from '../../../src/stored-value';
import type { Settlement, TenderError, TenderInput, TenderKind } from '../../../src/tenders';
import type { StoredValueRefusal } from '../../stored-value/stored-value-service';
import type { MessageKey } from '../../i18n/messages';
import type { Translate } from '../../i18n/translate';

/** VND notes customers hand over most often. */
export const QUICK_NOTES: readonly Minor[] = [50_000, 100_000, 200_000, 500_000].map(minor);

/** Exact amount first, then the notes that cover what is due (all of them when none does). */
export function quickCashAmounts(dueInCash: Minor): Minor[] {
  if (dueInCash <= 0) return [];
  const covering = QUICK_NOTES.filter((note) => note > dueInCash);
  return [dueInCash, ...(covering.length > 0 ? covering : QUICK_NOTES)];
}

export const TENDER_LABEL: Readonly<Record<TenderKind, MessageKey>> = {
  cash: 'payment.cash',
  card: 'payment.card',
  'gift-card': 'payment.giftCard',
  'store-credit': 'payment.storeCredit',
  'loyalty-points': 'payment.points',
  'bank-transfer': 'payment.bankTransfer',
};

/** The tenders the panel offers, in order. */
export const TENDER_KINDS: readonly TenderKind[] = [
  'cash',
  'card',
  'gift-card',
  'store-credit',
  'loyalty-points',
  'bank-transfer',
];

/**
 * The tenders that may pay for a cart with these lines: a cart selling a gift card takes no
 * gift card, store credit or points (src/stored-value `tenderAllowedForCart`, the server's rule).
 */
export function tenderKindsFor(lines: readonly CartLineInput[]): TenderKind[] {
  return TENDER_KINDS.filter((kind) => tenderAllowedForCart(kind, { lines: [...lines] }));
}

/** Why a tender of `kind` cannot pay for a cart selling a gift card, in the cashier's language. */
export function notForGiftCardMessage(kind: TenderKind, t: Translate): string {
  return kind === 'gift-card'
    ? t('giftCard.notWithGiftCard')
    : t('giftCard.cashLikeTender', { tender: t(TENDER_LABEL[kind]).toLowerCase() });
}

export type PaymentCheck = { ok: true; settlement: Settlement } | { ok: false; message: string };

/**
 * The payment with one more tender, or why that tender cannot go in. With the cart's `lines`,
 * a tender a gift card may not be paid with is refused too (src/stored-value).
 */
export function checkTenders(
  amountDue: Minor,
  tenders: readonly TenderInput[],
  options: {
    currency: CurrencyCode;
    cashRounding: CashRounding | null;
    lines?: readonly CartLineInput[];
  },
  t: Translate,
  money: (amount: Minor) => string,
): PaymentCheck {
  const refused = options.lines
    ? giftCardTenderProblem({ lines: [...options.lines] }, tenders)
    : null;
  if (refused) return { ok: false, message: notForGiftCardMessage(refused.kind, t) };
  const result = applyTenders(amountDue, tenders, {
    currency: options.currency,
    cashRounding: options.cashRounding,
  });
  if (result.ok) return { ok: true, settlement: result.settlement };
  const first = result.errors[0];
  return {
    ok: false,
    message: first ? tenderErrorMessage(first, tenders, amountDue, t, money) : '',
  };
}

export function tenderErrorMessage(
  error: TenderError,
  tenders: readonly TenderInput[],
  amountDue: Minor,
  t: Translate,
  money: (amount: Minor) => string,
): string {
  switch (error.code) {
    case 'non-cash-over-tender': {
      const tender = tenders.find((candidate) => candidate.tenderId === error.tenderId);
      const before = tenders
        .slice(0, tender ? tenders.indexOf(tender) : tenders.length)
        .filter((candidate) => candidate.kind !== 'cash')
        .reduce((total, candidate) => total + candidate.amount, 0);
      return t('payment.overTender', {
        kind: tender ? t(TENDER_LABEL[tender.kind]).toLowerCase() : '',
        amount: money(tender?.amount ?? minor(0)),
        max: money(minor(Math.max(0, amountDue - before))),
      });
    }
    case 'card-needs-approval-code':
      return t('payment.needApproval');
    case 'gift-card-needs-number':
      return t('payment.needCardNumber');
    case 'invalid-amount':
      return t('payment.badAmount');
    case 'invalid-points':
      return t('payment.badPoints');
    case 'nothing-due':
      return t('payment.nothingDue');
    case 'under-tendered':
    case 'duplicate-tender-id':
    case 'negative-amount-due':
      return t('payment.error', { reason: error.message });
  }
}

export type PointsCheck =
  { ok: true; points: number; amount: Minor } | { ok: false; message: string };

/**
 * Points as a tender: never more than the customer holds (the local ledger's sum) nor than the
 * program lets pay for this sale; online holds come later (ARCHITECTURE.md rule 4).
 */
export function checkPoints(
  requested: number,
  input: {
    hasCustomer: boolean;
    program: LoyaltyProgramRules | undefined;
    available: number;
    saleTotal: Minor;
    /** Points already in other tenders of this sale. */
    alreadyTendered: number;
  },
  t: Translate,
): PointsCheck {
  if (!input.hasCustomer) return { ok: false, message: t('payment.pointsNoCustomer') };
  if (!input.program) return { ok: false, message: t('payment.pointsNoProgram') };
  if (!Number.isSafeInteger(requested) || requested <= 0) {
    return { ok: false, message: t('payment.badPoints') };
  }
  const program = input.program;
  const total = input.alreadyTendered + requested;
  const most = (): number =>
    Math.max(
      0,
      redeemablePoints({ available: input.available, saleTotal: input.saleTotal }, program)
        .maxPoints - input.alreadyTendered,
    );
  const overBalance = (): PointsCheck => ({
    ok: false,
    message: t('payment.pointsOverBalance', { max: most(), balance: input.available }),
  });
  // More than the customer holds is the first thing to say, whatever else limits it.
  if (total > input.available) return overBalance();
  const allowance = redeemablePoints(
    { available: input.available, saleTotal: input.saleTotal, requested: total },
    input.program,
  );
  if (allowance.limitedBy === 'below-minimum') {
    return {
      ok: false,
      message: t('payment.pointsBelowMinimum', { min: input.program.minimumRedemptionPoints }),
    };
  }
  if (allowance.maxPoints < total) return overBalance();
  return { ok: true, points: requested, amount: pointsValue(requested, input.program) };
}

/** Why a credit note or gift card cannot pay this much, in the cashier's language. */
export function storedValueMessage(
  refusal: StoredValueRefusal,
  t: Translate,
  money: (amount: Minor) => string,
): string {
  const number = refusal.number;
  switch (refusal.code) {
    case 'unknown-number':
      return t('payment.storedValue.unknown', { number });
    case 'insufficient-balance':
      return refusal.available > 0
        ? t('payment.storedValue.insufficient', { number, available: money(refusal.available) })
        : t('payment.storedValue.empty', { number });
    case 'expired':
      return t('payment.storedValue.expired', { number });
    case 'offline-gift-card':
      return t('payment.storedValue.offlineGiftCard');
    case 'offline-other-store':
      return t('payment.storedValue.offlineOtherStore');
    case 'bad-request':
    case 'server-error':
      return t('payment.error', { reason: refusal.message });
  }
}
