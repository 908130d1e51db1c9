/**
 * The demo store a newcomer opens: stock on every shelf of both stores (receipts of goods, summed
 * by the one on-hand rule), and loyalty customers whose points are the earnings of sales and
 * orders they really made, on every channel, by the program's own earning rule.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_LOYALTY,
  DEMO_OTHER_STORE_ID,
  DEMO_STORE_ID,
  generateDemoData,
} from '../../../src/demo';
import { hasDemoHistory } from '../../../src/demo/demo-history';
import { loyaltyBalance, pointsToEarn } from '../../../src/loyalty';
import { salePointsEarned } from '../../../src/sales/sale-points';
import { standaloneMoveProblems, stockLevels, stockMoveProblems } from '../../../src/stock';

const NOW = '2026-11-23T08:00:00.000Z';
const demo = generateDemoData({ now: NOW });
const program = DEMO_LOYALTY.program;

describe('the demo stores’ stock', () => {
  it('has every product in stock in both stores, from receipts of goods', () => {
    for (const storeId of [DEMO_STORE_ID, DEMO_OTHER_STORE_ID]) {
      const levels = stockLevels(demo.stock, { storeId });
      expect(levels).toHaveLength(demo.products.length);
      const empty = levels.filter((level) => level.sellable <= 0).map((level) => level.sku);
      expect(empty).toEqual([]);
    }
    const receipts = demo.stock.filter((move) => move.kind === 'receive');
    expect(receipts).toHaveLength(demo.products.length * 2);
    for (const move of demo.stock) {
      expect(stockMoveProblems(move), move.id).toEqual([]);
      expect(standaloneMoveProblems(move), move.id).toEqual([]);
    }
  });

  it('counts weighed items in grams, as kilograms and half kilograms delivered', () => {
    const weighed = new Set(
      demo.products.filter((product) => product.pricing === 'weight').map((product) => product.sku),
    );
    const delivered = demo.stock.filter((move) => move.kind === 'receive' && weighed.has(move.sku));
    expect(delivered.length).toBeGreaterThan(0);
    for (const move of delivered) expect(move.quantity % 500).toBe(0);
    const pieces = demo.stock.filter((move) => move.kind === 'receive' && !weighed.has(move.sku));
    expect(Math.max(...pieces.map((move) => move.quantity))).toBeLessThan(1000);
  });

  it('is the same on every start: the same documents under the same ids', () => {
    const again = generateDemoData({ now: NOW });
    expect(again.stock).toEqual(demo.stock);
    expect(new Set(demo.stock.map((move) => move.id)).size).toBe(demo.stock.length);
  });
});

describe('the demo’s loyalty customers', () => {
  it('earned every point in a sale or an order of theirs, by the program’s rule', () => {
    const sales = new Map(demo.sales.map((sale) => [sale.id, sale]));
    const orders = new Map(demo.pastOrders.map((order) => [order.id, order]));
    const category = new Map(demo.products.map((product) => [product.sku, product.categoryId]));
    for (const entry of demo.loyaltyEntries) {
      expect(entry.kind).toBe('earn');
      const sale = sales.get(entry.sourceId);
      const order = orders.get(entry.sourceId);
      if (sale) {
        expect(sale.customerId).toBe(entry.customerId);
        expect(entry.points).toBe(
          salePointsEarned(
            { cart: sale.cart, priced: sale.priced, notEarningAmount: 0 as never },
            null,
            program,
          ),
        );
      } else {
        expect(order?.customerId).toBe(entry.customerId);
        const lines = (order?.lines ?? []).map((line) => ({
          net: line.lineTotal,
          categoryId: category.get(line.sku) ?? '',
        }));
        expect(entry.points).toBe(pointsToEarn({ lines }, program));
      }
    }
  });

  it('have points and a history on every channel; the first ten start with neither', () => {
    demo.customers.forEach((customer, index) => {
      const points = loyaltyBalance(demo.loyaltyEntries, customer.id).available;
      const bought = demo.sales.filter((sale) => sale.customerId === customer.id);
      const ordered = demo.pastOrders.filter((order) => order.customerId === customer.id);
      if (hasDemoHistory(index)) {
        expect(points, customer.id).toBeGreaterThan(0);
        expect(bought.length + ordered.length, customer.id).toBeGreaterThan(1);
      } else {
        expect(points, customer.id).toBe(0);
        expect(bought.length + ordered.length, customer.id).toBe(0);
      }
    });
    expect(new Set(demo.sales.map((sale) => sale.storeId))).toEqual(
      new Set([DEMO_STORE_ID, DEMO_OTHER_STORE_ID]),
    );
    expect(new Set(demo.pastOrders.map((order) => order.channel))).toEqual(
      new Set(['web', 'social', 'care']),
    );
    expect(loyaltyBalance(demo.loyaltyEntries, 'cust_demo0000011').available).toBeGreaterThan(0);
  });

  it('bought before this week, numbered in time order on each store’s history register', () => {
    for (const storeId of [DEMO_STORE_ID, DEMO_OTHER_STORE_ID]) {
      const own = demo.sales.filter((sale) => sale.storeId === storeId);
      const byTime = [...own].sort((a, b) => a.completedAt.localeCompare(b.completedAt));
      expect(byTime.map((sale) => sale.receiptSeq)).toEqual(own.map((_, index) => index + 1));
    }
    const weekAgo = new Date(Date.parse(NOW) - 7 * 86_400_000).toISOString();
    for (const sale of demo.sales) expect(sale.completedAt < weekAgo).toBe(true);
    for (const pickup of demo.pickups) expect(pickup.createdAt < weekAgo).toBe(true);
  });
});
