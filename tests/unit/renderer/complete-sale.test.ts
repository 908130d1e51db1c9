/**
 * Sale assembly (src/sales): one pure step from a cart and tenders to the SaleDoc, its stock
 * moves and its loyalty entries, which the sync-server's own check must accept.
 */
import { describe, expect, it } from 'vitest';
import { stockMoveProblems } from '../../../src/stock';
import { loyaltyEntryProblems } from '../../../src/loyalty';
import { minor } from '../../../src/money';
import { verifySaleTotals } from '../../../src/pricing';
import { completeSale } from '../../../src/sales';
import type { CompleteSaleInput } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';
import { cart, NOW, SALE_ID, storeSettings } from './sale-fixtures';

function input(tenders: TenderInput[], extra: Partial<CompleteSaleInput> = {}): CompleteSaleInput {
  return {
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: '2026-11-23T08:01:00.000Z',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders,
    ...extra,
  };
}

const cash = (amount: number, tenderId = 't1'): TenderInput => ({
  tenderId,
  kind: 'cash',
  amount: minor(amount),
});

describe('completing a sale', () => {
  it('cash 100,000 for 72,000: a sale the server re-prices to the same totals, change 28,000', () => {
    const result = completeSale(input([cash(100_000)]));
    if (!result.ok) throw new Error(result.error.message);
    const { sale } = result.completed;
    expect(sale.priced.totals.total).toBe(72_000);
    expect(sale.payment.change).toBe(28_000);
    expect(sale.status).toBe('completed');
    expect(verifySaleTotals(sale, storeSettings())).toEqual({ ok: true });
  });

  it('writes one sale stock move per line, negative, tied to the sale', () => {
    const result = completeSale(input([cash(72_000)]));
    if (!result.ok) throw new Error(result.error.message);
    const moves = result.completed.stockMoves;
    expect(moves.map((move) => move.quantity)).toEqual([-2, -1]);
    expect(moves.every((move) => move.kind === 'sale' && move.sourceId === SALE_ID)).toBe(true);
    expect(moves.flatMap(stockMoveProblems)).toEqual([]);
  });

  it('builds the very same documents on a retry, so writing them again changes nothing', () => {
    const first = completeSale(input([cash(72_000)]));
    const second = completeSale(input([cash(72_000)]));
    expect(second).toEqual(first);
  });

  it('split tender: card with its approval code, then cash with change', () => {
    const result = completeSale(
      input([
        { tenderId: 't1', kind: 'card', amount: minor(50_000), approvalCode: 'A12345' },
        cash(50_000, 't2'),
      ]),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.completed.sale.payment.change).toBe(28_000);
    expect(result.completed.sale.payment.tenders.map((tender) => tender.applied)).toEqual([
      50_000, 22_000,
    ]);
  });

  it('refuses a card for more than is due, and keeps nothing', () => {
    const result = completeSale(
      input([{ tenderId: 't1', kind: 'card', amount: minor(80_000), approvalCode: 'A1' }]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.tenderErrors?.[0]?.code).toBe('non-cash-over-tender');
  });

  it('a customer earns points on the net spend and the balance after is reported', () => {
    const result = completeSale(
      input([cash(72_000)], { customer: { id: 'cust_1', tier: null, availablePoints: 40 } }),
    );
    if (!result.ok) throw new Error(result.error.message);
    const { sale, loyaltyEntries, pointsAfter } = result.completed;
    expect(sale.loyalty).toEqual({ pointsEarned: 7, pointsRedeemed: 0 });
    expect(loyaltyEntries).toHaveLength(1);
    expect(loyaltyEntries[0]).toMatchObject({
      kind: 'earn',
      points: 7,
      customerId: 'cust_1',
      idempotencyKey: `earn:${SALE_ID}`,
    });
    expect(loyaltyEntries.flatMap(loyaltyEntryProblems)).toEqual([]);
    expect(pointsAfter).toBe(47);
  });

  it('points as a tender: a redeem entry, and points paid for earn nothing', () => {
    const result = completeSale(
      input(
        [
          { tenderId: 't1', kind: 'loyalty-points', amount: minor(20_000), points: 20 },
          cash(52_000, 't2'),
        ],
        { customer: { id: 'cust_1', tier: null, availablePoints: 40 } },
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    const { sale, loyaltyEntries, pointsAfter } = result.completed;
    expect(sale.loyalty).toEqual({ pointsEarned: 5, pointsRedeemed: 20 });
    expect(loyaltyEntries.map((entry) => [entry.kind, entry.points])).toEqual([
      ['redeem', -20],
      ['earn', 5],
    ]);
    expect(pointsAfter).toBe(25);
    expect(verifySaleTotals(sale, storeSettings())).toEqual({ ok: true });
  });

  it('refuses more points than the customer has, naming the most allowed', () => {
    const result = completeSale(
      input(
        [
          { tenderId: 't1', kind: 'loyalty-points', amount: minor(30_000), points: 30 },
          cash(42_000, 't2'),
        ],
        { customer: { id: 'cust_1', tier: null, availablePoints: 25 } },
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('points-over-allowance');
      expect(result.error.maxPoints).toBe(25);
    }
  });

  it('refuses points without a customer', () => {
    const result = completeSale(
      input([
        { tenderId: 't1', kind: 'loyalty-points', amount: minor(20_000), points: 20 },
        cash(52_000, 't2'),
      ]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('points-need-customer');
  });

  it('an empty cart is not a sale', () => {
    const result = completeSale(input([cash(1_000)], { cart: { lines: [] } }));
    expect(result.ok).toBe(false);
  });

  it('a store without a loyalty program records no points', () => {
    const result = completeSale(
      input([cash(72_000)], {
        settings: storeSettings(false),
        customer: { id: 'cust_1', tier: null, availablePoints: 0 },
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.completed.sale.loyalty).toBeUndefined();
    expect(result.completed.sale.customerId).toBe('cust_1');
    expect(result.completed.loyaltyEntries).toEqual([]);
  });
});
