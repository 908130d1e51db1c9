/**
 * The rules a pushed sale is re-checked with (src/sales, src/pricing/catalog-line.ts): who had
 * to approve what, plausible times, the points a sale may earn, a line against the catalog.
 */
import { describe, expect, it } from 'vitest';
import { demoStoreSettings } from '../../../src/demo';
import type { StaffDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { catalogLineDifference, priceCart, pricingContextFromSettings } from '../../../src/pricing';
import type { CartLineInput, ManualDiscount } from '../../../src/pricing';
import {
  CLOCK_SKEW_ALLOWANCE_MS,
  OFFLINE_SALE_WINDOW_MS,
  acceptablePointsEarned,
  approverProblem,
  completeSale,
  saleApprovals,
  saleTimeProblem,
} from '../../../src/sales';
import type { SaleCustomer } from '../../../src/sales';

const settings = demoStoreSettings('hcm-q1', 'Q1', 'HCMC', '2026-01-01T00:00:00.000Z');
const AT = '2026-06-01T09:00:00.000Z';

const coffee = (fields: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: 'l1',
  productId: 'prod_SKU000001',
  sku: 'SKU000001',
  name: 'Cà phê',
  categoryId: 'drinks',
  pricing: 'unit',
  unitPrice: minor(25_000),
  quantity: 4,
  taxRateId: 'vat8',
  ...fields,
});

function sale(lines: CartLineInput[], orderDiscount?: ManualDiscount, customer?: SaleCustomer) {
  const cart = { lines, ...(orderDiscount ? { orderDiscount } : {}) };
  const total = priceCart(cart, pricingContextFromSettings(settings, AT)).totals.total;
  const result = completeSale({
    saleId: 'sale_01RULES',
    createdAt: AT,
    completedAt: AT,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings,
    cart,
    tenders: total > 0 ? [{ kind: 'cash', tenderId: 't1', amount: minor(1_000_000) }] : [],
    ...(customer ? { customer } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const staff = (fields: Partial<StaffDoc>): StaffDoc =>
  ({
    id: 'staff_x',
    name: 'X',
    role: 'supervisor',
    storeIds: ['hcm-q1'],
    active: true,
    updatedAt: AT,
    ...fields,
  }) as StaffDoc;

describe('approvals a sale needed', () => {
  it('asks for every price override, approved or not', () => {
    const overridden = sale([
      coffee({ override: { unitPrice: minor(0), reason: 'free', approvedBy: 'staff_minh' } }),
    ]);
    expect(saleApprovals(overridden, 'cashier', settings)).toEqual([
      { what: 'line l1: price override', permission: 'price-override', approvedBy: 'staff_minh' },
    ]);
  });

  it('asks a cashier for discounts over the limit only, and a supervisor never', () => {
    const within = sale([coffee({ discount: { kind: 'percent', percentBp: 1000 } })]);
    expect(saleApprovals(within, 'cashier', settings)).toEqual([]);
    // 10.001 ₫ off a 100.000 ₫ line is just over 10 % (rounded up: the strict reading).
    const over = sale([coffee({ discount: { kind: 'amount', amount: minor(10_001) } })]);
    expect(saleApprovals(over, 'cashier', settings)).toMatchObject([
      { permission: 'discount-over-limit', approvedBy: undefined },
    ]);
    expect(saleApprovals(over, 'supervisor', settings)).toEqual([]);
    const order = sale([coffee()], {
      kind: 'percent',
      percentBp: 10_000,
      approvedBy: 'staff_minh',
    });
    expect(saleApprovals(order, 'cashier', settings)).toEqual([
      {
        what: 'order discount of 100 %',
        permission: 'discount-over-limit',
        approvedBy: 'staff_minh',
      },
    ]);
  });

  it('takes an approver who is active, works at the store and whose role may', () => {
    const may = (approver: StaffDoc | undefined) =>
      approverProblem(approver, 'hcm-q1', 'price-override', settings);
    expect(may(staff({}))).toBeNull();
    expect(may(staff({ storeIds: ['*'], role: 'manager' }))).toBeNull();
    expect(may(undefined)).toBe('no such staff member');
    expect(may(staff({ active: false }))).toContain('not active');
    expect(may(staff({ storeIds: ['hn-hk'] }))).toContain('does not work at store hcm-q1');
    expect(may(staff({ role: 'cashier' }))).toContain('a cashier may not approve');
  });
});

describe('plausible sale times', () => {
  const now = new Date(AT);
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const times = (createdAt: string, completedAt: string) => ({ createdAt, completedAt });

  it('allows clock skew and the offline window, not past them', () => {
    expect(saleTimeProblem(times(at(0), at(CLOCK_SKEW_ALLOWANCE_MS)), now)).toBeNull();
    expect(saleTimeProblem(times(at(0), at(CLOCK_SKEW_ALLOWANCE_MS + 1)), now)).toContain(
      'in the future',
    );
    const oldest = at(-OFFLINE_SALE_WINDOW_MS);
    expect(saleTimeProblem(times(oldest, oldest), now)).toBeNull();
    expect(saleTimeProblem(times(at(-OFFLINE_SALE_WINDOW_MS - 1), oldest), now)).toContain(
      'offline window',
    );
  });

  it('refuses a sale completed before it started or before its shift opened', () => {
    expect(saleTimeProblem(times(at(-1000), at(-2000)), now)).toContain('after completedAt');
    expect(saleTimeProblem(times(at(-5000), at(-2000)), now, at(-1000))).toContain(
      'before its shift opened',
    );
    expect(saleTimeProblem(times(at(-5000), at(-2000)), now, at(-3000))).toBeNull();
  });
});

describe('points a sale may earn', () => {
  const program = settings.loyalty?.program;
  const gold = program?.tiers.find((tier) => tier.id === 'gold') ?? null;
  const silver = program?.tiers.find((tier) => tier.id === 'silver') ?? null;

  it('are what the program gives at the customer’s tier or any lower one', () => {
    if (!program) throw new Error('The demo store runs a loyalty program.');
    const doc = sale([coffee()], undefined, { id: 'cust_1', tier: gold, availablePoints: 0 });
    // 100.000 ₫ at 1 point per 10.000 ₫, ×1.5 for gold.
    expect(doc.loyalty?.pointsEarned).toBe(15);
    expect(acceptablePointsEarned(doc, gold, program).sort()).toEqual([10, 15]);
    expect(acceptablePointsEarned(doc, silver, program)).toEqual([10]);
    expect(acceptablePointsEarned(doc, null, program)).toEqual([10]);
  });
});

describe('a line against the catalog', () => {
  const catalog = {
    sku: 'SKU000001',
    pricing: 'unit' as const,
    unitPrice: minor(25_000),
    categoryId: 'drinks',
    taxRateId: 'vat8',
  };

  it('names the first field the line changed, and nothing for a line rung up from it', () => {
    expect(catalogLineDifference(coffee(), catalog)).toBeNull();
    expect(catalogLineDifference(coffee({ unitPrice: minor(1) }), catalog)).toBe(
      'unitPrice: 1 on the line, 25000 in the catalog',
    );
    expect(catalogLineDifference(coffee({ categoryId: 'snacks' }), catalog)).toContain(
      'categoryId',
    );
    // An override sits beside the catalog price, which stays as it was.
    const overridden = coffee({
      override: { unitPrice: minor(0), reason: 'x', approvedBy: 'staff_minh' },
    });
    expect(catalogLineDifference(overridden, catalog)).toBeNull();
  });
});
