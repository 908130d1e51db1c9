import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { applyTenders, planRefundTenders, settle } from '../../../src/tenders';
import type {
  AppliedTender,
  Settlement,
  SettlementResult,
  TenderInput,
} from '../../../src/tenders';

const VND = { currency: 'VND' as const, cashRounding: null };
const VND_500 = {
  currency: 'VND' as const,
  cashRounding: { increment: 500, mode: 'half-up' as const },
};

const cash = (tenderId: string, amount: number): TenderInput => ({
  kind: 'cash',
  tenderId,
  amount: minor(amount),
});
const card = (tenderId: string, amount: number, approvalCode = 'A1B2C3'): TenderInput => ({
  kind: 'card',
  tenderId,
  amount: minor(amount),
  approvalCode,
});

function settled(result: SettlementResult): Settlement {
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  return result.settlement;
}

describe('settling a sale', () => {
  it('cash only, VND, exact: no change', () => {
    const s = settled(settle(minor(137_352), [cash('t1', 137_352)], VND));
    expect(s).toMatchObject({
      paid: 137_352,
      change: 0,
      cashRoundingAdjustment: 0,
      complete: true,
    });
  });

  it('cash only, VND rounded to 500 half-up: 137,352 ₫ is collected as 137,500 ₫, change from 200,000 ₫', () => {
    const s = settled(settle(minor(137_352), [cash('t1', 200_000)], VND_500));
    expect(s).toMatchObject({
      amountToCollect: 137_500,
      cashRoundingAdjustment: 148,
      paid: 137_500,
      change: 62_500,
    });
    expect(s.tenders[0]).toMatchObject({ applied: 137_352, rounding: 148, change: 62_500 });
  });

  it('cash rounding applies to cash only: a card pays the exact amount', () => {
    const s = settled(settle(minor(137_352), [card('t1', 137_352)], VND_500));
    expect(s).toMatchObject({ cashRoundingAdjustment: 0, paid: 137_352 });
  });

  it('cash rounding, USD to 5 cents: $19.53 in cash is $19.55', () => {
    const s = settled(
      settle(minor(1953), [cash('t1', 2000)], {
        currency: 'USD',
        cashRounding: { increment: 5, mode: 'half-up' },
      }),
    );
    expect(s).toMatchObject({ amountToCollect: 1955, change: 45 });
  });

  it('split over card, gift card, loyalty points and cash: change only from cash', () => {
    const tenders: TenderInput[] = [
      card('t1', 100_000),
      { kind: 'gift-card', tenderId: 't2', amount: minor(20_000), cardNumber: 'GC-0001' },
      { kind: 'loyalty-points', tenderId: 't3', amount: minor(10_000), points: 1000 },
      cash('t4', 10_000),
    ];
    const s = settled(settle(minor(137_352), tenders, VND_500));
    expect(s.tenders.map((tender) => tender.applied)).toEqual([100_000, 20_000, 10_000, 7_352]);
    expect(s).toMatchObject({ cashRoundingAdjustment: 148, change: 2_500, paid: 137_500 });
  });

  it('over-tendering a card is refused with a clear code and message', () => {
    const result = applyTenders(minor(50_000), [card('t1', 60_000)], VND);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.code).toBe('non-cash-over-tender');
    expect(result.errors[0]?.tenderId).toBe('t1');
    expect(result.errors[0]?.message).toBe(
      'Card payment of 60,000 is more than the 50,000 still due. Only cash gives change: take at most 50,000 by card.',
    );
  });

  it('a card with no approval code, a gift card with no number and zero points are refused', () => {
    const result = applyTenders(
      minor(50_000),
      [
        card('t1', 1_000, ''),
        { kind: 'gift-card', tenderId: 't2', amount: minor(1_000), cardNumber: '' },
        { kind: 'loyalty-points', tenderId: 't3', amount: minor(1_000), points: 0 },
      ],
      VND,
    );
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual([
      'card-needs-approval-code',
      'gift-card-needs-number',
      'invalid-points',
    ]);
  });

  it('part-paid: applyTenders shows what is left, settle refuses to finish', () => {
    const progress = settled(applyTenders(minor(137_352), [card('t1', 100_000)], VND_500));
    expect(progress).toMatchObject({ complete: false, remaining: 37_352, remainingInCash: 37_500 });
    const finished = settle(minor(137_352), [card('t1', 100_000)], VND_500);
    expect(finished.ok ? undefined : finished.errors[0]?.code).toBe('under-tendered');
  });

  it('cash when nothing is left to pay is refused', () => {
    const result = applyTenders(minor(1_000), [card('t1', 1_000), cash('t2', 500)], VND);
    expect(result.ok ? undefined : result.errors[0]?.code).toBe('nothing-due');
  });

  it('property: what the tenders applied always sums to the amount due', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 0, maxLength: 3 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.constantFrom(null, 100, 500, 1000),
        (due, cardShares, extraCash, increment) => {
          const cardTotal = Math.floor(due / 2);
          const shares = cardShares.length ? cardShares : [1];
          const amounts = cardShares.length
            ? shares.map((share) =>
                Math.floor((cardTotal * share) / shares.reduce((a, b) => a + b, 0)),
              )
            : [];
          const cards = amounts
            .filter((amount) => amount > 0)
            .map((amount, index) => card(`c${index}`, amount));
          const rest = due - amounts.reduce((a, b) => a + b, 0);
          const options = {
            currency: 'VND' as const,
            cashRounding: increment ? { increment, mode: 'half-up' as const } : null,
          };
          const s = settled(
            settle(
              minor(due),
              [...cards, cash('cash', rest + (increment ?? 0) + extraCash)],
              options,
            ),
          );
          expect(s.tenders.reduce((a, tender) => a + tender.applied, 0)).toBe(due);
          expect(s.paid).toBe(s.amountToCollect);
          expect(s.tendered - s.change).toBe(s.paid);
        },
      ),
    );
  });
});

describe('refunds to tenders', () => {
  const applied = (tender: TenderInput, part: number, rounding = 0): AppliedTender => ({
    ...tender,
    applied: minor(part),
    rounding: minor(rounding),
    change: minor(0),
  });
  const original = [applied(card('t1', 60_000), 60_000), applied(cash('t2', 50_000), 39_800, 200)];

  it('goes back to the original tenders pro rata, cash rounded like a sale', () => {
    const refunds = planRefundTenders({
      refund: minor(49_900),
      originalTenders: original,
      fallback: 'store-credit',
      cashRounding: VND_500.cashRounding,
    });
    expect(refunds.map((r) => [r.kind, r.covers, r.amount])).toEqual([
      ['card', 30_000, 30_000],
      ['cash', 19_900, 20_000],
    ]);
    expect(refunds[0]?.originalApprovalCode).toBe('A1B2C3');
  });

  it('the refund that empties a cash tender gives back exactly what it kept', () => {
    const refunds = planRefundTenders({
      refund: minor(99_800),
      originalTenders: original,
      fallback: 'store-credit',
      cashRounding: VND_500.cashRounding,
    });
    expect(refunds.map((r) => r.amount)).toEqual([60_000, 40_000]);
  });

  it('a tender that cannot take money back sends its share to the policy fallback', () => {
    const refunds = planRefundTenders({
      refund: minor(99_800),
      originalTenders: original,
      unavailableTenderIds: ['t1'],
      fallback: 'store-credit',
      cashRounding: null,
    });
    expect(refunds.map((r) => [r.kind, r.amount])).toEqual([
      ['cash', 40_000],
      ['store-credit', 60_000],
    ]);
  });

  it('without a receipt everything goes to the fallback', () => {
    const refunds = planRefundTenders({
      refund: minor(12_345),
      fallback: 'store-credit',
      cashRounding: null,
    });
    expect(refunds).toEqual([{ kind: 'store-credit', covers: 12_345, amount: 12_345 }]);
  });
});

describe('cash short of the rounded amount', () => {
  it('VND to 500: 250 ₫ left, 271 ₫ cash given is not enough, 229 ₫ more cash is', () => {
    const tenders = [card('t1', 21), cash('t2', 271)];
    const progress = settled(applyTenders(minor(271), tenders, VND_500));
    expect(progress).toMatchObject({ complete: false, remaining: 0, remainingInCash: 229 });
    const result = settle(minor(271), tenders, VND_500);
    expect(result.ok ? undefined : result.errors[0]?.message).toMatch(/229 more is due in cash/);
  });
});
