/**
 * Legitimate till sales, generated: demo catalog lines (weighed ones by the gram), promotions as
 * the demo store runs them, line and order discounts within the cashier's limit or above it
 * with a supervisor's approval, cash, card and split payments, a loyalty customer at their tier
 * or below. Each is what a register could push; the server must accept every one.
 */
import fc from 'fast-check';
import type { StoreSettingsDoc } from '../../../../src/documents';
import { tierStanding } from '../../../../src/loyalty';
import { minor } from '../../../../src/money';
import type { Minor } from '../../../../src/money';
import type { CartLineInput, ManualDiscount } from '../../../../src/pricing';
import type { TenderInput } from '../../../../src/tenders';
import type { EnrolledDevice } from '../../../helpers/sync-server-process';
import { DEMO, byCard, lineOf, minutesAgo } from './sale-attack-fixtures';
import type { SaleSpec } from './sale-attack-fixtures';

/** The price-history tests change these products' prices in the same server. */
const CHANGED = new Set(['SKU000002', 'SKU000003']);
const PRODUCTS = DEMO.products.filter((item) => !CHANGED.has(item.sku));
const SUPERVISOR = 'staff_minh';

const discount: fc.Arbitrary<ManualDiscount> = fc.oneof(
  fc.record({
    kind: fc.constant('percent' as const),
    percentBp: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({
    kind: fc.constant('percent' as const),
    percentBp: fc.integer({ min: 1001, max: 10_000 }),
    approvedBy: fc.constant(SUPERVISOR),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    amount: fc.integer({ min: 0, max: 60_000 }).map((amount) => minor(amount)),
    approvedBy: fc.constant(SUPERVISOR),
  }),
);

const line = fc.record({
  index: fc.nat(PRODUCTS.length - 1),
  quantity: fc.integer({ min: 1, max: 6 }),
  grams: fc.integer({ min: 20, max: 3_000 }),
  discount: fc.option(discount, { nil: undefined }),
});

/** Cash rounded up to the 500 ₫ the drawer takes; a card for part of it first when split. */
function tenders(payment: 'card' | 'cash' | 'split', sharePercent: number) {
  return (total: Minor): TenderInput[] => {
    if (total === 0) return [];
    if (payment === 'card') return byCard(total);
    const card = payment === 'split' ? Math.floor((total * sharePercent) / 100) : 0;
    const cash = Math.ceil((total - card) / 500) * 500;
    return [
      ...(card > 0 ? byCard(minor(card)) : []),
      ...(cash > 0 ? [{ kind: 'cash' as const, tenderId: 't2', amount: minor(cash) }] : []),
    ];
  };
}

export function legitimateSales(
  settings: StoreSettingsDoc,
  device: EnrolledDevice,
): fc.Arbitrary<Omit<SaleSpec, 'id'>[]> {
  const program = settings.loyalty?.program;
  const sale = fc
    .record({
      lines: fc.array(line, { minLength: 1, maxLength: 6 }),
      orderDiscount: fc.option(discount, { nil: undefined }),
      staffId: fc.constantFrom('staff_lan', SUPERVISOR),
      minutesAgo: fc.integer({ min: 1, max: 7 * 24 * 60 }),
      payment: fc.constantFrom('card' as const, 'cash' as const, 'split' as const),
      sharePercent: fc.integer({ min: 1, max: 99 }),
      customer: fc.option(fc.nat(DEMO.customers.length - 1), { nil: undefined }),
      withTier: fc.boolean(),
    })
    .map((drawn): Omit<SaleSpec, 'id'> => {
      const completedAt = minutesAgo(drawn.minutesAgo);
      const lines: CartLineInput[] = drawn.lines.map((drawnLine, index) => {
        const item = PRODUCTS[drawnLine.index] ?? PRODUCTS[0];
        if (!item) throw new Error('The demo catalog is empty.');
        const cartLine = lineOf(item, `l${index + 1}`, drawnLine);
        return drawnLine.discount ? { ...cartLine, discount: drawnLine.discount } : cartLine;
      });
      const customer = drawn.customer === undefined ? undefined : DEMO.customers[drawn.customer];
      const tier =
        customer && program && drawn.withTier
          ? tierStanding(DEMO.loyaltyEntries, customer.id, program, completedAt).tier
          : null;
      return {
        device,
        settings,
        staffId: drawn.staffId,
        completedAt,
        cart: {
          lines,
          ...(drawn.orderDiscount ? { orderDiscount: drawn.orderDiscount } : {}),
        },
        tenders: tenders(drawn.payment, drawn.sharePercent),
        ...(customer ? { customer: { id: customer.id, tier, availablePoints: 0 } } : {}),
      };
    });
  return fc.array(sale, { minLength: 1, maxLength: 4 });
}
