import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { stockMoveSchema } from '../../../src/documents';
import type { StockMoveDoc, StockMoveKind } from '../../../src/documents';
import {
  lowStock,
  postCount,
  reviewCount,
  stockLevel,
  stockLevels,
  stockMoveProblems,
  transfersInTransit,
} from '../../../src/stock';

let serial = 0;
function move(
  kind: StockMoveKind,
  sku: string,
  quantity: number,
  extra: Partial<StockMoveDoc> = {},
): StockMoveDoc {
  serial += 1;
  return {
    id: `stk_${String(serial).padStart(6, '0')}`,
    kind,
    sku,
    quantity,
    storeId: 'hcm-01',
    sourceId: `doc_${serial}`,
    createdAt: '2025-03-01T03:00:00.000Z',
    ...extra,
  };
}
const at = (hour: number) => new Date(Date.UTC(2025, 2, 1, hour)).toISOString();

describe('stock levels are sums of moves', () => {
  it('receive 24, sell 5, a damaged return and a sellable one', () => {
    const moves = [
      move('receive', 'MILK-1L', 24),
      move('sale', 'MILK-1L', -5),
      move('return-sellable', 'MILK-1L', 1),
      move('return-damaged', 'MILK-1L', 1),
    ];
    expect(stockLevel(moves, 'hcm-01', 'MILK-1L')).toEqual({
      storeId: 'hcm-01',
      sku: 'MILK-1L',
      sellable: 20,
      damaged: 1,
    });
  });

  it('weighed products move in grams', () => {
    const moves = [move('receive', 'BEEF-KG', 10_000), move('sale', 'BEEF-KG', -1_235)];
    expect(stockLevel(moves, 'hcm-01', 'BEEF-KG').sellable).toBe(8_765);
  });

  it('writing off damaged stock takes it from the damaged bucket only', () => {
    const moves = [
      move('receive', 'EGG-10', 10),
      move('return-damaged', 'EGG-10', 2),
      move('adjust', 'EGG-10', -2, { bucket: 'damaged', reason: 'write-off: broken' }),
    ];
    expect(stockLevel(moves, 'hcm-01', 'EGG-10')).toMatchObject({ sellable: 10, damaged: 0 });
  });

  it('keeps stores apart, counts a replicated duplicate once, and answers as of a time', () => {
    const sale = move('sale', 'RICE-5KG', -2, { createdAt: at(5) });
    const moves = [
      move('receive', 'RICE-5KG', 10, { createdAt: at(1) }),
      move('receive', 'RICE-5KG', 7, { storeId: 'hn-02' }),
      sale,
      sale,
    ];
    expect(stockLevels(moves).map((l) => [l.storeId, l.sellable])).toEqual([
      ['hcm-01', 8],
      ['hn-02', 7],
    ]);
    expect(stockLevel(moves, 'hcm-01', 'RICE-5KG', at(4)).sellable).toBe(10);
    expect(stockLevel(moves, 'hcm-01', 'UNKNOWN').sellable).toBe(0);
  });

  it('flags moves whose sign or fields break the rules', () => {
    expect(stockMoveProblems(move('sale', 'X', 3))).toContain('sale must be negative');
    expect(stockMoveProblems(move('adjust', 'X', 3))).toContain('adjust needs a reason');
    expect(stockMoveProblems(move('transfer-out', 'X', -3))).toContain(
      'transfer-out needs the store at the other end',
    );
    expect(stockMoveProblems(move('receive', 'X', 3))).toEqual([]);
  });

  it('the schema is an RxDB schema and rejects fractional quantities', () => {
    checkSchema(stockMoveSchema as never);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(stockMoveSchema);
    const valid = move('sale', 'MILK-1L', -2, { location: 'aisle-3', deviceId: 'reg-1' });
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, quantity: -1.5 })).toBe(false);
    expect(validate({ ...valid, onHand: 3 })).toBe(false);
  });
});

describe('stock counts: review, then post variances', () => {
  const history = [
    move('receive', 'MILK-1L', 24, { createdAt: at(1) }),
    move('sale', 'MILK-1L', -4, { createdAt: at(2) }),
    move('receive', 'BREAD', 10, { createdAt: at(1) }),
    move('sale', 'MILK-1L', -1, { createdAt: at(6) }), // after the count: not expected at count time
  ];
  const count = {
    storeId: 'hcm-01',
    countId: 'count_01',
    countedAt: at(4),
    lines: [
      { sku: 'MILK-1L', counted: 12, location: 'shelf' },
      { sku: 'MILK-1L', counted: 5, location: 'backroom' },
      { sku: 'BREAD', counted: 10 },
      { sku: 'JAM', counted: 3 },
    ],
  };

  it('lists each variance against what the moves said at count time, biggest first', () => {
    const review = reviewCount(count, history);
    expect(review.lines).toEqual([
      { sku: 'JAM', expected: 0, counted: 3, variance: 3 },
      { sku: 'MILK-1L', expected: 20, counted: 17, variance: -3 },
      { sku: 'BREAD', expected: 10, counted: 10, variance: 0 },
    ]);
    expect(review).toMatchObject({ linesWithVariance: 2, found: 3, missing: 3 });
  });

  it('posting writes one move per variance; the level then equals the count plus later moves', () => {
    const review = reviewCount(count, history);
    let next = 0;
    const moves = postCount(review, { newId: () => `stk_count${++next}`, deviceId: 'reg-1' });
    expect(moves.map((m) => [m.kind, m.sku, m.quantity, m.sourceId])).toEqual([
      ['count', 'JAM', 3, 'count_01'],
      ['count', 'MILK-1L', -3, 'count_01'],
    ]);
    const after = [...history, ...moves];
    expect(stockLevel(after, 'hcm-01', 'MILK-1L', at(4)).sellable).toBe(17);
    expect(stockLevel(after, 'hcm-01', 'MILK-1L').sellable).toBe(16);
    expect(reviewCount(count, after).linesWithVariance).toBe(0);
  });

  it('a SKU sent back for a recount is not posted', () => {
    const review = reviewCount(count, history);
    const moves = postCount(review, { newId: () => 'stk_x', exclude: ['JAM'] });
    expect(moves.map((m) => m.sku)).toEqual(['MILK-1L']);
  });

  it('refuses a count that is not a whole, non-negative number', () => {
    const bad = { ...count, lines: [{ sku: 'MILK-1L', counted: -1 }] };
    expect(() => reviewCount(bad, history)).toThrow(/not a count/);
  });
});

describe('low stock and transfers', () => {
  it('warns at or below the threshold; a store threshold beats the general one', () => {
    const levels = stockLevels([
      move('receive', 'MILK-1L', 5),
      move('receive', 'MILK-1L', 5, { storeId: 'hn-02' }),
      move('receive', 'BREAD', 30),
    ]);
    const thresholds = [
      { sku: 'MILK-1L', minimum: 6 },
      { sku: 'MILK-1L', storeId: 'hn-02', minimum: 2 },
      { sku: 'BREAD', minimum: 10 },
      { sku: 'JAM', minimum: 1 },
    ];
    expect(lowStock(levels, thresholds)).toEqual([
      { storeId: 'hcm-01', sku: 'JAM', sellable: 0, minimum: 1, shortBy: 2 },
      { storeId: 'hcm-01', sku: 'MILK-1L', sellable: 5, minimum: 6, shortBy: 2 },
      { storeId: 'hn-02', sku: 'BREAD', sellable: 0, minimum: 10, shortBy: 11 },
      { storeId: 'hn-02', sku: 'JAM', sellable: 0, minimum: 1, shortBy: 2 },
    ]);
  });

  it('what left one store and has not arrived at the other is in transit', () => {
    const out = move('transfer-out', 'MILK-1L', -10, {
      sourceId: 'xfer_1',
      counterpartStoreId: 'hn-02',
    });
    const arrived = move('transfer-in', 'MILK-1L', 6, {
      storeId: 'hn-02',
      sourceId: 'xfer_1',
      counterpartStoreId: 'hcm-01',
    });
    expect(transfersInTransit([out, arrived])).toEqual([
      {
        transferId: 'xfer_1',
        sku: 'MILK-1L',
        fromStoreId: 'hcm-01',
        toStoreId: 'hn-02',
        quantity: 4,
      },
    ]);
    const rest = move('transfer-in', 'MILK-1L', 4, {
      storeId: 'hn-02',
      sourceId: 'xfer_1',
      counterpartStoreId: 'hcm-01',
    });
    expect(transfersInTransit([out, arrived, rest])).toEqual([]);
  });
});

describe('stock: properties', () => {
  const sku = fc.constantFrom('MILK-1L', 'BREAD', 'BEEF-KG');

  it('returning everything sold restores the stock, whatever the order of the moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sku, fc.integer({ min: 1, max: 50_000 })), { maxLength: 20 }),
        fc.array(fc.tuple(sku, fc.integer({ min: 1, max: 5_000 })), { maxLength: 30 }),
        (received, sold) => {
          const start = received.map(([s, q]) => move('receive', s, q));
          const sales = sold.map(([s, q]) => move('sale', s, -q));
          const returns = sold.map(([s, q]) => move('return-sellable', s, q));
          const all = [...returns, ...start, ...sales].reverse();
          const nonZero = (moves: StockMoveDoc[]) =>
            stockLevels(moves).filter((level) => level.sellable !== 0 || level.damaged !== 0);
          expect(nonZero(all)).toEqual(nonZero(start));
          for (const [s] of sold) {
            const before = stockLevel(start, 'hcm-01', s);
            expect(stockLevel(all, 'hcm-01', s)).toEqual(before);
          }
        },
      ),
    );
  });

  it('a level is the sum of its moves per bucket', () => {
    const kinds = fc.constantFrom<StockMoveKind>(
      'sale',
      'return-sellable',
      'return-damaged',
      'receive',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(kinds, fc.integer({ min: 1, max: 1000 })), { maxLength: 40 }),
        (steps) => {
          const moves = steps.map(([kind, q]) => move(kind, 'MILK-1L', kind === 'sale' ? -q : q));
          const level = stockLevel(moves, 'hcm-01', 'MILK-1L');
          const damaged = moves.filter((m) => m.kind === 'return-damaged');
          const sellable = moves.filter((m) => m.kind !== 'return-damaged');
          expect(level.damaged).toBe(damaged.reduce((a, m) => a + m.quantity, 0));
          expect(level.sellable).toBe(sellable.reduce((a, m) => a + m.quantity, 0));
        },
      ),
    );
  });
});
