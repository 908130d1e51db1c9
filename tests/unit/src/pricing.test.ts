import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { PricingError, priceCart } from '../../../src/pricing';
import type { CartInput, CartLineInput, PricedCart, Promotion } from '../../../src/pricing';
import { pricingContext, unitLine, weighedLine } from './pricing-fixtures';

function pricingErrorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PricingError) return error.code;
    throw error;
  }
  return undefined;
}

const label = (en: string) => ({ vi: en, en });

describe('line amounts', () => {
  it('weighed, VND, half-up: 123,456 ₫/kg x 789 g is 97,407 ₫', () => {
    const priced = priceCart({ lines: [weighedLine('w', 123_456, 789)] }, pricingContext());
    expect(priced.lines[0]?.gross).toBe(97_407); // 97,406.784
  });

  it('weighed, USD, down: $4.99/kg x 1,234 g is $6.15', () => {
    const priced = priceCart(
      { lines: [weighedLine('w', 499, 1234)] },
      pricingContext({ currency: 'USD', tax: { roundingMode: 'down' } }),
    );
    expect(priced.lines[0]?.gross).toBe(615); // 615.766
  });

  it('rejects fractional pieces, weighed lines without grams and duplicate line ids', () => {
    expect(
      pricingErrorCode(() => priceCart({ lines: [unitLine('a', 100, 1.5)] }, pricingContext())),
    ).toBe('invalid-quantity');
    expect(
      pricingErrorCode(() =>
        priceCart(
          { lines: [{ ...weighedLine('w', 100, 10), grams: undefined }] },
          pricingContext(),
        ),
      ),
    ).toBe('invalid-grams');
    expect(
      pricingErrorCode(() =>
        priceCart({ lines: [unitLine('a', 100, 1), unitLine('a', 5, 1)] }, pricingContext()),
      ),
    ).toBe('duplicate-line-id');
  });
});

describe('manual discounts', () => {
  it('line discount 10 %, half-up: 3 x 33,335 ₫ loses 10,001 ₫', () => {
    const line = unitLine('a', 33_335, 3, { discount: { kind: 'percent', percentBp: 1000 } });
    const priced = priceCart({ lines: [line] }, pricingContext());
    expect(priced.lines[0]).toMatchObject({ gross: 100_005, lineDiscount: 10_001, net: 90_004 });
  });

  it('an amount discount never takes a line below zero', () => {
    const line = unitLine('a', 5_000, 1, { discount: { kind: 'amount', amount: minor(9_000) } });
    expect(priceCart({ lines: [line] }, pricingContext()).lines[0]?.net).toBe(0);
  });

  it('order discount 50,000 ₫ spread over three lines sums exactly, largest remainder first', () => {
    const cart: CartInput = {
      lines: [unitLine('a', 100_000, 1), unitLine('b', 200_000, 1), unitLine('c', 33_333, 1)],
      orderDiscount: { kind: 'amount', amount: minor(50_000), reason: 'complaint' },
    };
    const priced = priceCart(cart, pricingContext());
    expect(priced.lines.map((line) => line.orderDiscount)).toEqual([15_000, 30_000, 5_000]);
    expect(priced.totals.orderDiscount).toBe(50_000);
    expect(priced.totals.total).toBe(283_333);
  });
});

describe('price override', () => {
  const override = { unitPrice: minor(80_000), reason: 'damaged box', approvedBy: 'staff_mgr' };

  it('charges the override price and keeps the catalog amount for the record', () => {
    const priced = priceCart(
      { lines: [unitLine('a', 100_000, 2, { override })] },
      pricingContext(),
    );
    expect(priced.lines[0]).toMatchObject({
      unitPrice: 80_000,
      listAmount: 200_000,
      gross: 160_000,
    });
  });

  it('needs a reason and an approver', () => {
    const noReason = unitLine('a', 100, 1, { override: { ...override, reason: ' ' } });
    const noApprover = unitLine('a', 100, 1, { override: { ...override, approvedBy: '' } });
    expect(pricingErrorCode(() => priceCart({ lines: [noReason] }, pricingContext()))).toBe(
      'override-needs-reason',
    );
    expect(pricingErrorCode(() => priceCart({ lines: [noApprover] }, pricingContext()))).toBe(
      'override-needs-approver',
    );
  });

  it('takes no automatic promotion: the override is the final price', () => {
    const promotions: Promotion[] = [
      {
        id: 'p10',
        kind: 'item-discount',
        label: label('10 % off'),
        target: {},
        reward: { kind: 'percent', percentBp: 1000 },
      },
    ];
    const priced = priceCart(
      { lines: [unitLine('a', 100_000, 1, { override })] },
      pricingContext({ promotions }),
    );
    expect(priced.lines[0]?.promotionDiscount).toBe(0);
  });
});

describe('promotions, each explained on the line it touched', () => {
  const drinks: Promotion = {
    id: 'drinks-15',
    kind: 'item-discount',
    label: label('Drinks 15 % off'),
    target: { categoryIds: ['drinks'] },
    reward: { kind: 'percent', percentBp: 1500 },
  };
  const water: Promotion = {
    id: 'water-2000',
    kind: 'item-discount',
    label: label('2,000 ₫ off water'),
    target: { productIds: ['prod_water'] },
    reward: { kind: 'amount', amount: minor(2_000) },
  };
  const snacks3for2: Promotion = {
    id: 'snacks-3for2',
    kind: 'buy-x-get-y',
    label: label('Snacks 3 for 2'),
    target: { categoryIds: ['snacks'] },
    buyQuantity: 2,
    getQuantity: 1,
    getPercentBp: 10_000,
  };
  const spend500k: Promotion = {
    id: 'spend-500k',
    kind: 'spend-threshold',
    label: label('50,000 ₫ off from 500,000 ₫'),
    target: {},
    threshold: minor(500_000),
    reward: { kind: 'amount', amount: minor(50_000) },
  };

  it('category percent off, VND: 2 juices at 25,000 ₫ get 7,500 ₫ off', () => {
    const juice = unitLine('juice', 25_000, 2, { categoryId: 'drinks' });
    const priced = priceCart({ lines: [juice] }, pricingContext({ promotions: [drinks] }));
    expect(priced.lines[0]?.promotions).toEqual([
      { promotionId: 'drinks-15', label: drinks.label, amount: 7_500 },
    ]);
  });

  it('amount off per piece, and the best single item promotion wins', () => {
    // 15 % of 3 x 10,000 = 4,500 < 3 x 2,000 = 6,000: the amount deal is better.
    const bottle = unitLine('water', 10_000, 3, { productId: 'prod_water', categoryId: 'drinks' });
    const priced = priceCart({ lines: [bottle] }, pricingContext({ promotions: [drinks, water] }));
    expect(priced.lines[0]?.promotions.map((p) => [p.promotionId, p.amount])).toEqual([
      ['water-2000', 6_000],
    ]);
  });

  it('amount off per kilogram on a weighed line, pro rata to the grams', () => {
    const perKg: Promotion = { ...water, target: { productIds: ['prod_w'] } };
    const priced = priceCart(
      { lines: [weighedLine('w', 80_000, 750)] },
      pricingContext({ promotions: [perKg] }),
    );
    expect(priced.lines[0]?.promotionDiscount).toBe(1_500);
  });

  it('buy 2 get 1 free pooled across lines: the cheapest piece is free', () => {
    const chips = unitLine('chips', 15_000, 2, { categoryId: 'snacks' });
    const nuts = unitLine('nuts', 12_000, 1, { categoryId: 'snacks' });
    const priced = priceCart(
      { lines: [chips, nuts] },
      pricingContext({ promotions: [snacks3for2] }),
    );
    expect(priced.lines.map((line) => line.promotionDiscount)).toEqual([0, 12_000]);
    expect(priced.lines[1]?.promotions[0]?.promotionId).toBe('snacks-3for2');
  });

  it('spend threshold: 50,000 ₫ off spread over every line that counts, explained on each', () => {
    const lines = [unitLine('a', 300_000, 1), unitLine('b', 200_000, 1)];
    const priced = priceCart({ lines }, pricingContext({ promotions: [spend500k] }));
    expect(priced.lines.map((line) => line.promotions[0]?.amount)).toEqual([30_000, 20_000]);
    expect(priced.totals.total).toBe(450_000);
  });

  it('spend threshold not reached after the manual line discount: no deal', () => {
    const lines = [unitLine('a', 500_000, 1, { discount: { kind: 'amount', amount: minor(1) } })];
    expect(
      priceCart({ lines }, pricingContext({ promotions: [spend500k] })).totals.promotionDiscount,
    ).toBe(0);
  });

  it('a promotion outside its validity window does nothing', () => {
    const later: Promotion = { ...drinks, validFrom: '2026-07-01T00:00:00.000Z' };
    const ended: Promotion = { ...drinks, validTo: '2026-06-01T10:00:00.000Z' };
    const juice = unitLine('juice', 25_000, 2, { categoryId: 'drinks' });
    expect(
      priceCart({ lines: [juice] }, pricingContext({ promotions: [later, ended] })).totals
        .promotionDiscount,
    ).toBe(0);
  });
});

const promotionPool: Promotion[] = [
  {
    id: 'cat-a-10',
    kind: 'item-discount',
    label: label('A 10 %'),
    target: { categoryIds: ['a'] },
    reward: { kind: 'percent', percentBp: 1000 },
  },
  {
    id: 'cat-b-amount',
    kind: 'item-discount',
    label: label('B 1,000'),
    target: { categoryIds: ['b'] },
    reward: { kind: 'amount', amount: minor(1_000) },
  },
  {
    id: 'b2g1',
    kind: 'buy-x-get-y',
    label: label('B 3 for 2'),
    target: { categoryIds: ['b'] },
    buyQuantity: 2,
    getQuantity: 1,
    getPercentBp: 5000,
  },
  {
    id: 'spend',
    kind: 'spend-threshold',
    label: label('spend'),
    target: {},
    threshold: minor(100_000),
    reward: { kind: 'percent', percentBp: 500 },
  },
];

const lineArbitrary = (index: number) =>
  fc
    .record({
      price: fc.integer({ min: 0, max: 500_000 }),
      quantity: fc.integer({ min: 1, max: 7 }),
      grams: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: undefined }),
      category: fc.constantFrom('a', 'b', 'c'),
      taxRateId: fc.constantFrom('vat0', 'vat5', 'vat8', 'vat10'),
      discountBp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    })
    .map((spec): CartLineInput => {
      const extra: Partial<CartLineInput> = {
        categoryId: spec.category,
        taxRateId: spec.taxRateId,
        ...(spec.discountBp !== undefined
          ? { discount: { kind: 'percent', percentBp: spec.discountBp } }
          : {}),
      };
      return spec.grams === undefined
        ? unitLine(`line-${index}`, spec.price, spec.quantity, extra)
        : weighedLine(`line-${index}`, spec.price, spec.grams, extra);
    });

const cartArbitrary = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => lineArbitrary(index))))
  .chain((lines) =>
    fc.record({
      lines: fc.constant(lines),
      orderDiscount: fc.option(
        fc.oneof(
          fc
            .integer({ min: 0, max: 10_000 })
            .map((percentBp) => ({ kind: 'percent' as const, percentBp })),
          fc
            .integer({ min: 0, max: 2_000_000 })
            .map((amount) => ({ kind: 'amount' as const, amount: minor(amount) })),
        ),
        { nil: undefined },
      ),
    }),
  )
  .map((cart): CartInput => (cart.orderDiscount ? cart : { lines: cart.lines }));

const settingsArbitrary = fc.record({
  pricesIncludeTax: fc.boolean(),
  rounding: fc.constantFrom('line' as const, 'document' as const),
  roundingMode: fc.constantFrom(
    'half-up' as const,
    'half-even' as const,
    'down' as const,
    'up' as const,
  ),
});

function byLineId(priced: PricedCart) {
  return Object.fromEntries(priced.lines.map((line) => [line.lineId, line]));
}

describe('document tax rounding', () => {
  it('spreads a rate’s tax over its lines in lineId order, whatever the cart order (found by the property below)', () => {
    const discount = (percentBp: number) => ({ kind: 'percent' as const, percentBp });
    const lines: CartLineInput[] = [
      { ...unitLine('line-0', 40_486, 4), categoryId: 'b', discount: discount(9_097) },
      { ...weighedLine('line-1', 354_755, 223), categoryId: 'c', discount: discount(6_452) },
      {
        ...weighedLine('line-2', 43_978, 4_992),
        categoryId: 'c',
        taxRateId: 'vat8',
        discount: discount(3_847),
      },
    ];
    const context = pricingContext({
      tax: { pricesIncludeTax: false, rounding: 'document', roundingMode: 'up' },
      promotions: promotionPool,
    });
    const first = priceCart({ lines }, context);
    const second = priceCart({ lines: [lines[1]!, lines[0]!, lines[2]!] }, context);
    expect(byLineId(second)).toEqual(byLineId(first));
  });
});

describe('properties', () => {
  it('totals do not depend on the order of the lines', () => {
    const cartAndShuffle = cartArbitrary.chain((cart) =>
      fc.tuple(
        fc.constant(cart),
        fc.shuffledSubarray(cart.lines, {
          minLength: cart.lines.length,
          maxLength: cart.lines.length,
        }),
      ),
    );
    fc.assert(
      fc.property(cartAndShuffle, settingsArbitrary, ([cart, shuffled], tax) => {
        const context = pricingContext({ tax, promotions: promotionPool });
        const first = priceCart(cart, context);
        const second = priceCart({ ...cart, lines: shuffled }, context);
        expect(second.totals).toEqual(first.totals);
        expect(second.taxBreakdown).toEqual(first.taxBreakdown);
        expect(byLineId(second)).toEqual(byLineId(first));
      }),
    );
  });

  it('every amount adds up: lines to totals, allocations to the discount, nothing negative', () => {
    fc.assert(
      fc.property(cartArbitrary, settingsArbitrary, (cart, tax) => {
        const priced = priceCart(cart, pricingContext({ tax, promotions: promotionPool }));
        const total = (pick: (line: PricedCart['lines'][number]) => number) =>
          priced.lines.reduce((a, line) => a + pick(line), 0);
        for (const line of priced.lines) {
          expect(line.net).toBeGreaterThanOrEqual(0);
          expect(line.gross - line.promotionDiscount - line.lineDiscount - line.orderDiscount).toBe(
            line.net,
          );
          expect(line.promotions.reduce((a, p) => a + p.amount, 0)).toBe(line.promotionDiscount);
          expect(line.taxable + line.tax).toBe(line.total);
        }
        expect(total((line) => line.total)).toBe(priced.totals.total);
        expect(priced.taxBreakdown.reduce((a, row) => a + row.tax, 0)).toBe(priced.totals.tax);
        const discount = cart.orderDiscount;
        if (discount?.kind === 'amount') {
          const base = total((line) => line.net + line.orderDiscount);
          expect(priced.totals.orderDiscount).toBe(Math.min(discount.amount, base));
        }
      }),
    );
  });
});
