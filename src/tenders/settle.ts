/**
 * Applies tenders to an amount due. Non-cash tenders pay exact amounts and may never exceed what
 * is due (only cash gives change); cash pays the rest, rounded to the store's cash increment when
 * it has one, so the rounding touches cash and nothing else.
 */
import { allocate, formatAmount, minor, roundToIncrement, sum } from '../money';
import type { CurrencyCode, Minor } from '../money';
import type { CashRounding } from '../documents/store-settings';
import type {
  AppliedTender,
  Settlement,
  SettlementResult,
  TenderError,
  TenderInput,
} from '../documents/parts/tender';

export interface SettleOptions {
  currency: CurrencyCode;
  cashRounding: CashRounding | null;
}

const KIND_NAMES: Record<TenderInput['kind'], string> = {
  cash: 'Cash',
  card: 'Card',
  'store-credit': 'Store credit',
  'gift-card': 'Gift card',
  'loyalty-points': 'Loyalty points',
  'bank-transfer': 'Bank transfer',
};

/** Rounds an amount to pay or refund in cash; exact when the store does not round cash. */
export function roundCash(amount: Minor, cashRounding: CashRounding | null): Minor {
  return cashRounding
    ? roundToIncrement(amount, cashRounding.increment, cashRounding.mode)
    : amount;
}

function validate(tenders: readonly TenderInput[]): TenderError[] {
  const errors: TenderError[] = [];
  const ids = new Set<string>();
  for (const tender of tenders) {
    const { tenderId } = tender;
    const name = KIND_NAMES[tender.kind];
    if (ids.has(tenderId)) {
      errors.push({
        code: 'duplicate-tender-id',
        tenderId,
        message: `Two tenders share the id "${tenderId}"; give each payment its own id.`,
      });
    }
    ids.add(tenderId);
    if (!Number.isSafeInteger(tender.amount) || tender.amount <= 0) {
      errors.push({
        code: 'invalid-amount',
        tenderId,
        message: `${name} amount ${tender.amount} is not valid; enter an amount greater than zero.`,
      });
    }
    if (tender.kind === 'card' && tender.approvalCode.trim() === '') {
      errors.push({
        code: 'card-needs-approval-code',
        tenderId,
        message:
          'The card payment has no approval code; take the code from the card terminal, or run the card again.',
      });
    }
    if (tender.kind === 'gift-card' && tender.cardNumber.trim() === '') {
      errors.push({
        code: 'gift-card-needs-number',
        tenderId,
        message: 'Scan or type the gift card number.',
      });
    }
    if (
      tender.kind === 'loyalty-points' &&
      (!Number.isSafeInteger(tender.points) || tender.points <= 0)
    ) {
      errors.push({
        code: 'invalid-points',
        tenderId,
        message: `${tender.points} is not a number of points to redeem; enter a whole number greater than zero.`,
      });
    }
  }
  return errors;
}

/**
 * Works out where a payment stands: what is still due, the change, the cash rounding. Use it while
 * the customer pays; `complete` tells when the sale can be finished.
 */
export function applyTenders(
  amountDue: Minor,
  tenders: readonly TenderInput[],
  options: SettleOptions,
): SettlementResult {
  const text = (amount: Minor) => formatAmount(amount, options.currency, 'en-US');
  if (amountDue < 0) {
    return {
      ok: false,
      errors: [
        {
          code: 'negative-amount-due',
          message: `The amount due is ${text(amountDue)}; money going back to the customer is a refund, use planRefundTenders.`,
        },
      ],
    };
  }
  const errors = validate(tenders);
  if (errors.length > 0) return { ok: false, errors };

  const applied = new Map<string, { applied: Minor; rounding: Minor; change: Minor }>();
  let nonCashPaid = minor(0);
  for (const tender of tenders) {
    if (tender.kind === 'cash') continue;
    const due = minor(amountDue - nonCashPaid);
    if (tender.amount > due) {
      const name = KIND_NAMES[tender.kind];
      errors.push({
        code: 'non-cash-over-tender',
        tenderId: tender.tenderId,
        message: `${name} payment of ${text(tender.amount)} is more than the ${text(due)} still due. Only cash gives change: take at most ${text(due)} by ${name.toLowerCase()}.`,
      });
      continue;
    }
    nonCashPaid = minor(nonCashPaid + tender.amount);
    applied.set(tender.tenderId, { applied: tender.amount, rounding: minor(0), change: minor(0) });
  }
  if (errors.length > 0) return { ok: false, errors };

  const exactRemaining = minor(amountDue - nonCashPaid);
  const cashDue = roundCash(exactRemaining, options.cashRounding);
  const cash = tenders.filter((tender) => tender.kind === 'cash');
  const cashTendered = sum(cash.map((tender) => tender.amount));
  if (cash.length > 0 && exactRemaining === 0) {
    return {
      ok: false,
      errors: cash.map((tender) => ({
        code: 'nothing-due',
        tenderId: tender.tenderId,
        message: 'Nothing is left to pay by cash; remove the cash payment.',
      })),
    };
  }
  const complete = cash.length > 0 ? cashTendered >= cashDue : exactRemaining === 0;
  const cashKept: Minor[] = [];
  let cashLeftToCover = cashDue;
  for (const tender of cash) {
    const kept = minor(Math.min(tender.amount, Math.max(cashLeftToCover, 0)));
    cashKept.push(kept);
    cashLeftToCover = minor(cashLeftToCover - kept);
  }
  // The price part each cash tender paid; the rest of what it kept is cash rounding.
  const cashApplied =
    cash.length === 0
      ? []
      : complete
        ? // When rounding took the whole remainder to zero, the first cash tender carries it.
          allocate(
            exactRemaining,
            sum(cashKept) > 0 ? cashKept : cash.map((_, index) => (index === 0 ? 1 : 0)),
          )
        : cashKept;
  cash.forEach((tender, index) => {
    const kept = cashKept[index] ?? minor(0);
    const part = cashApplied[index] ?? minor(0);
    applied.set(tender.tenderId, {
      applied: part,
      rounding: minor(kept - part),
      change: complete ? minor(tender.amount - kept) : minor(0),
    });
  });

  const appliedTenders: AppliedTender[] = tenders.map((tender) => ({
    ...tender,
    ...(applied.get(tender.tenderId) ?? {
      applied: minor(0),
      rounding: minor(0),
      change: minor(0),
    }),
  }));
  const cashRoundingAdjustment =
    complete && cash.length > 0 ? minor(cashDue - exactRemaining) : minor(0);
  const tendered = sum(tenders.map((tender) => tender.amount));
  const change = sum(appliedTenders.map((tender) => tender.change));
  const settlement: Settlement = {
    amountDue,
    cashRoundingAdjustment,
    amountToCollect: minor(amountDue + cashRoundingAdjustment),
    tendered,
    paid: minor(tendered - change),
    change,
    // Cash given can cover the exact remainder yet fall short of the rounded cash amount: then
    // nothing is left for a card, but more cash is.
    remaining: complete ? minor(0) : minor(Math.max(0, exactRemaining - cashTendered)),
    remainingInCash: complete
      ? minor(0)
      : cash.length > 0
        ? minor(cashDue - cashTendered)
        : roundCash(exactRemaining, options.cashRounding),
    complete,
    tenders: appliedTenders,
  };
  return { ok: true, settlement };
}

/** Like applyTenders, but the payment must be complete: use it to finish the sale. */
export function settle(
  amountDue: Minor,
  tenders: readonly TenderInput[],
  options: SettleOptions,
): SettlementResult {
  const result = applyTenders(amountDue, tenders, options);
  if (!result.ok || result.settlement.complete) return result;
  const short = result.settlement.remaining;
  const inCash = result.settlement.remainingInCash;
  const text = (amount: Minor) => formatAmount(amount, options.currency, 'en-US');
  return {
    ok: false,
    errors: [
      {
        code: 'under-tendered',
        message:
          short > 0
            ? `${text(short)} is still due (${text(inCash)} if paid in cash); add a payment before finishing the sale.`
            : `${text(inCash)} more is due in cash, because cash is rounded to the store's smallest note; take it before finishing the sale.`,
      },
    ],
  };
}
