/**
 * The promotion editor's pure rules (issue #18): the state of a promotion at an instant, a
 * form's typed fields to the Promotion the server is sent (VND and a 2-decimal currency, times
 * on the store's clock), the one check's problem placed beside its field, "End now", and a
 * server 400 placed beside the field it names.
 */
import { describe, expect, it } from 'vitest';
import { minor, parseTypedPercent } from '../../../src/money';
import type { Promotion } from '../../../src/pricing';
import { storeWallTime, storeWallTimeInstant } from '../../../src/store-clock';
import {
  emptyForm,
  endedAt,
  formOf,
  promotionOf,
  promotionState,
  serverProblem,
  withPromotion,
} from '../../../renderer/manager/promotions/promotion-editing';
import type { PromotionForm } from '../../../renderer/manager/promotions/promotion-editing';

const ZONE = 'Asia/Ho_Chi_Minh';
const NOW = '2026-12-04T03:00:00.000Z'; // 10:00 in Vietnam

const coffee10: Promotion = {
  id: 'promo-coffee',
  kind: 'item-discount',
  label: { vi: 'Cà phê giảm 10%', en: 'Coffee 10% off' },
  target: { productIds: ['prod_CF-001'] },
  reward: { kind: 'percent', percentBp: 1000 },
  validFrom: '2026-12-04T01:00:00.000Z',
  validTo: '2026-12-05T01:00:00.000Z',
};

function form(patch: Partial<PromotionForm>): PromotionForm {
  return {
    ...emptyForm('promo-new', NOW, ZONE),
    labelVi: 'Giảm giá',
    labelEn: 'Discount',
    ...patch,
  };
}

describe('the state of a promotion', () => {
  it('is scheduled before validFrom, running until validTo (exclusive), then ended', () => {
    expect(promotionState(coffee10, '2026-12-04T00:59:59.999Z')).toBe('scheduled');
    expect(promotionState(coffee10, '2026-12-04T01:00:00.000Z')).toBe('running');
    expect(promotionState(coffee10, '2026-12-05T00:59:59.999Z')).toBe('running');
    expect(promotionState(coffee10, '2026-12-05T01:00:00.000Z')).toBe('ended');
  });

  it('runs for ever without dates', () => {
    const { validFrom: _from, validTo: _to, ...always } = coffee10;
    expect(promotionState(always, '2099-01-01T00:00:00.000Z')).toBe('running');
  });
});

describe('a form to a promotion', () => {
  it('starts now on the store clock and reads a typed percent into basis points', () => {
    const fresh = emptyForm('promo-x', NOW, ZONE);
    expect(fresh.from).toBe('2026-12-04T10:00');
    const result = promotionOf(
      form({ rewardValue: '12,5', productIds: ['prod_CF-001'], to: '2026-12-31T22:00' }),
      'VND',
      ZONE,
    );
    expect(result).toEqual({
      ok: true,
      promotion: {
        id: 'promo-new',
        kind: 'item-discount',
        label: { vi: 'Giảm giá', en: 'Discount' },
        target: { productIds: ['prod_CF-001'] },
        reward: { kind: 'percent', percentBp: 1250 },
        validFrom: NOW,
        validTo: '2026-12-31T15:00:00.000Z',
      },
    });
  });

  it('reads an amount in VND (no decimals) by the one parse', () => {
    const ok = promotionOf(form({ rewardKind: 'amount', rewardValue: '5.000' }), 'VND', ZONE);
    expect(ok.ok && ok.promotion.kind === 'item-discount' && ok.promotion.reward).toEqual({
      kind: 'amount',
      amount: minor(5000),
    });
    const refused = promotionOf(form({ rewardKind: 'amount', rewardValue: '5,5' }), 'VND', ZONE);
    expect(refused).toEqual({
      ok: false,
      problem: { field: 'reward', message: 'promotions.problem.amount.too-many-decimals' },
    });
  });

  it('reads amounts in a 2-decimal currency into cents', () => {
    const result = promotionOf(
      form({
        kind: 'spend-threshold',
        threshold: '1,250.00',
        rewardKind: 'amount',
        rewardValue: '2.50',
      }),
      'USD',
      ZONE,
    );
    expect(result.ok && result.promotion).toMatchObject({
      kind: 'spend-threshold',
      threshold: 125_000,
      reward: { kind: 'amount', amount: 250 },
    });
  });

  it('refuses 150 % with the one check, beside the reward', () => {
    expect(promotionOf(form({ rewardValue: '150' }), 'VND', ZONE)).toEqual({
      ok: false,
      problem: { field: 'reward', message: 'promotions.problem.reward-percent' },
    });
  });

  it('refuses an end before the start beside the end, and a missing name beside it', () => {
    expect(promotionOf(form({ rewardValue: '10', to: '2026-12-04T09:00' }), 'VND', ZONE)).toEqual({
      ok: false,
      problem: { field: 'to', message: 'promotions.problem.dates' },
    });
    expect(promotionOf(form({ labelEn: ' ', rewardValue: '10' }), 'VND', ZONE)).toEqual({
      ok: false,
      problem: { field: 'labelEn', message: 'promotions.problem.label' },
    });
  });

  it('refuses buy-x-get-y without whole quantities beside them', () => {
    expect(promotionOf(form({ kind: 'buy-x-get-y', buyQuantity: '1.5' }), 'VND', ZONE)).toEqual({
      ok: false,
      problem: { field: 'buyGet', message: 'promotions.problem.buy-get' },
    });
  });

  it('reads back a saved promotion into the form that makes it again', () => {
    const again = promotionOf(formOf(coffee10, 'VND', 'vi-VN', ZONE), 'VND', ZONE);
    expect(again).toEqual({ ok: true, promotion: coffee10 });
  });
});

describe('the list sent to the server', () => {
  it('replaces by id or adds at the end', () => {
    const edited = { ...coffee10, label: { vi: 'Mới', en: 'New' } };
    expect(withPromotion([coffee10], edited)).toEqual([edited]);
    expect(withPromotion([], coffee10)).toEqual([coffee10]);
  });

  it('ends a running promotion now and keeps it; a scheduled one cannot end', () => {
    expect(endedAt(coffee10, NOW)).toEqual({ ...coffee10, validTo: NOW });
    expect(endedAt(coffee10, '2026-12-04T00:00:00.000Z')).toBeNull();
  });

  it("places the server's 400 beside the field its part names", () => {
    const details = { field: 'promotions[1]', problem: 'reward-percent', part: 'reward' };
    expect(serverProblem(details, 1)).toEqual({
      field: 'reward',
      message: 'promotions.problem.reward-percent',
    });
    expect(serverProblem(details, 0)).toBeNull();
    expect(serverProblem({ field: 'promotions[1]', problem: 'unheard-of' }, 1)).toBeNull();
  });
});

describe('typed percentages and store wall times (src)', () => {
  it('reads percentages by the amount rule with two decimals', () => {
    expect(parseTypedPercent('10')).toEqual({ ok: true, percentBp: 1000 });
    expect(parseTypedPercent('12.5 %')).toEqual({ ok: true, percentBp: 1250 });
    expect(parseTypedPercent('0,05')).toEqual({ ok: true, percentBp: 5 });
    expect(parseTypedPercent('150')).toEqual({ ok: true, percentBp: 15000 });
    expect(parseTypedPercent('1.234')).toMatchObject({ ok: true, percentBp: 123400 });
    expect(parseTypedPercent('-5')).toEqual({ ok: false, problem: 'negative' });
    expect(parseTypedPercent('ten')).toEqual({ ok: false, problem: 'not-an-amount' });
  });

  it('turns the store wall clock into UTC and back', () => {
    expect(storeWallTimeInstant('2026-12-04T00:30', ZONE)).toBe('2026-12-03T17:30:00.000Z');
    expect(storeWallTime('2026-12-03T17:30:00.000Z', ZONE)).toBe('2026-12-04T00:30');
    expect(storeWallTimeInstant('2026-07-01T10:00', 'America/New_York')).toBe(
      '2026-07-01T14:00:00.000Z',
    );
    expect(storeWallTimeInstant('2026-01-01T10:00', 'America/New_York')).toBe(
      '2026-01-01T15:00:00.000Z',
    );
    expect(storeWallTimeInstant('2026-02-30T10:00', ZONE)).toBeNull();
    expect(storeWallTimeInstant('tomorrow', ZONE)).toBeNull();
  });
});
