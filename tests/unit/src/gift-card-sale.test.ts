/**
 * A gift card sold at the till (src/stored-value/gift-card-line.ts): priced as its value and
 * nothing else, and issued by the completed sale that sold it.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { priceCart, PricingError } from '../../../src/pricing';
import type { Promotion } from '../../../src/pricing';
import { salePointsEarned, saleImpliedDocuments } from '../../../src/sales';
import {
  giftCardLine,
  giftCardLinesProblem,
  giftCardLoadBounds,
  storedValueAccount,
  storedValueFactsOfSale,
} from '../../../src/stored-value';
import type { TenderInput } from '../../../src/documents/parts/tender';
import { makeSale, pricingContext, unitLine } from './pricing-fixtures';

const NUMBER = 'GC20261204001';
const card = (amount: number, lineId = 'g1', number = NUMBER) =>
  giftCardLine({ lineId, number, amount: minor(amount), name: 'Thẻ quà tặng' });
const inCash = (total: number): TenderInput[] => [
  { kind: 'cash', tenderId: 't1', amount: minor(total) },
];
const label = (text: string) => ({ vi: text, en: text });
const everything: Promotion[] = [
  {
    id: 'all-10',
    kind: 'item-discount',
    label: label('10 % off'),
    target: {},
    reward: { kind: 'percent', percentBp: 1000 },
  },
  {
    id: 'spend-200k',
    kind: 'spend-threshold',
    label: label('20,000 ₫ off from 200,000 ₫'),
    target: {},
    threshold: minor(200_000),
    reward: { kind: 'amount', amount: minor(20_000) },
  },
];

describe('pricing a cart with a gift card line', () => {
  it('charges the value loaded: no promotion, no order discount, no VAT, no tax row', () => {
    const shirt = unitLine('a', 110_000, 1);
    const priced = priceCart(
      {
        lines: [shirt, card(200_000)],
        orderDiscount: { kind: 'percent', percentBp: 5000, reason: 'x' },
      },
      pricingContext({ promotions: everything }),
    );
    const [goods, gift] = priced.lines;
    expect(gift).toMatchObject({
      unitPrice: 200_000,
      gross: 200_000,
      promotionDiscount: 0,
      lineDiscount: 0,
      orderDiscount: 0,
      promotions: [],
      net: 200_000,
      rateBp: 0,
      taxable: 0,
      tax: 0,
      total: 200_000,
    });
    // The card does not lift the shirt over the 200.000 ₫ threshold; the shirt takes 10 % and
    // the whole order discount.
    expect(goods?.promotions.map((promotion) => promotion.promotionId)).toEqual(['all-10']);
    expect(goods?.orderDiscount).toBe(49_500);
    expect(priced.taxBreakdown.map((row) => row.taxRateId)).toEqual(['vat10']);
    expect(priced.totals.total).toBe((goods?.total ?? 0) + 200_000);
    expect(priced.totals.tax).toBe(goods?.tax);
  });

  it('refuses a card below or above the load bounds, a discount on it, or one card twice', () => {
    const { min, max } = giftCardLoadBounds('VND');
    expect([min, max]).toEqual([10_000, 10_000_000]);
    const refused = (lines: ReturnType<typeof card>[]) => {
      try {
        priceCart({ lines }, pricingContext());
      } catch (error) {
        expect(error).toBeInstanceOf(PricingError);
        return (error as PricingError).code;
      }
      return 'priced';
    };
    expect(refused([card(0)])).toBe('invalid-gift-card');
    expect(refused([card(9_999)])).toBe('invalid-gift-card');
    expect(refused([card(10_000_001)])).toBe('invalid-gift-card');
    expect(refused([{ ...card(50_000), discount: { kind: 'amount', amount: minor(1) } }])).toBe(
      'invalid-gift-card',
    );
    expect(refused([card(50_000, 'g1'), card(50_000, 'g2')])).toBe('invalid-gift-card');
    expect(refused([{ ...card(50_000), sku: 'gc-2026' }])).toBe('invalid-gift-card');
    expect(refused([card(10_000), card(10_000_000, 'g2', 'GC20261204002')])).toBe('priced');
    expect(giftCardLinesProblem({ lines: [card(5_000)] }, 'VND')?.code).toBe('below-minimum');
  });

  it('earns no points and moves no stock; the goods beside it do', () => {
    const sale = makeSale(
      { lines: [unitLine('a', 100_000, 2), card(300_000)] },
      pricingContext(),
      inCash,
    );
    const program = {
      earnPoints: 1,
      earnSpend: minor(10_000),
      categoryMultipliers: [],
    } as unknown as Parameters<typeof salePointsEarned>[2];
    const withCard = salePointsEarned({ ...sale, notEarningAmount: minor(0) }, null, program);
    const goodsOnly = makeSale({ lines: [unitLine('a', 100_000, 2)] }, pricingContext(), inCash);
    expect(withCard).toBe(
      salePointsEarned({ ...goodsOnly, notEarningAmount: minor(0) }, null, program),
    );
    const moves = saleImpliedDocuments(sale, null).stockMoves;
    expect(moves.map((move) => move.sku)).toEqual(['A']);
  });
});

describe('the balance of a card sold at the till', () => {
  const NOW = '2026-12-04T10:00:00.000Z';

  it('is issued by the completed sale, then spent by a later sale', () => {
    const sold = makeSale({ lines: [card(200_000)] }, pricingContext(), inCash, { id: 'sale_01' });
    const facts = storedValueFactsOfSale(sold);
    expect(facts).toEqual([
      expect.objectContaining({
        type: 'issue',
        kind: 'gift-card',
        number: NUMBER,
        amount: 200_000,
        sourceId: 'sale_01',
      }),
    ]);
    const spent = makeSale(
      { lines: [unitLine('a', 150_000, 1)] },
      pricingContext(),
      (total) => [{ kind: 'gift-card', tenderId: 't1', amount: minor(total), cardNumber: NUMBER }],
      { id: 'sale_02' },
    );
    const account = storedValueAccount(
      NUMBER,
      [...facts, ...storedValueFactsOfSale(spent), ...facts],
      [],
      NOW,
    );
    expect(account).toMatchObject({
      kind: 'gift-card',
      issued: 200_000,
      redeemed: 150_000,
      balance: 50_000,
      available: 50_000,
    });
  });

  it('is nothing when the sale was voided', () => {
    const sold = makeSale({ lines: [card(200_000)] }, pricingContext(), inCash);
    const voided: SaleDoc = { ...sold, status: 'voided' };
    expect(storedValueFactsOfSale(voided)).toEqual([]);
    expect(storedValueAccount(NUMBER, storedValueFactsOfSale(voided), [], NOW).kind).toBeNull();
  });
});
