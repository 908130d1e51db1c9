import { describe, expect, it } from 'vitest';
import type { StockMoveDoc } from '../../../src/documents';
import {
  countReason,
  MAX_STOCK_MOVE_QUANTITY,
  parseCountReason,
  postCount,
  reviewCount,
  standaloneMoveProblems,
} from '../../../src/stock';

const move = (
  fields: Partial<StockMoveDoc> & Pick<StockMoveDoc, 'kind' | 'quantity'>,
): StockMoveDoc => ({
  id: 'stk_1',
  sku: 'SKU1',
  storeId: 's1',
  sourceId: 'rcv_1',
  createdAt: '2026-11-23T10:00:00.000Z',
  ...fields,
});

describe('moves that need no other document', () => {
  it('are bounded: a receipt, an adjustment or a transfer of more than the bound is refused', () => {
    expect(
      standaloneMoveProblems(move({ kind: 'receive', quantity: MAX_STOCK_MOVE_QUANTITY })),
    ).toEqual([]);
    for (const kind of ['receive', 'transfer-in'] as const) {
      expect(
        standaloneMoveProblems(move({ kind, quantity: 1e9, counterpartStoreId: 's2' }))[0]?.rule,
      ).toBe('bound');
    }
    expect(
      standaloneMoveProblems(move({ kind: 'adjust', quantity: -1e9, reason: 'x' }))[0]?.rule,
    ).toBe('bound');
    expect(
      standaloneMoveProblems(
        move({ kind: 'transfer-out', quantity: -2e6, counterpartStoreId: 's2' }),
      )[0]?.rule,
    ).toBe('bound');
  });

  it('send a transfer to another store', () => {
    expect(
      standaloneMoveProblems(
        move({ kind: 'transfer-out', quantity: -1, counterpartStoreId: 's1' }),
      )[0]?.rule,
    ).toBe('derivation');
  });

  it('take a count’s quantity from its stated variance, as postCount writes it', () => {
    const review = reviewCount(
      {
        storeId: 's1',
        countId: 'count_1',
        countedAt: '2026-11-23T10:00:00.000Z',
        lines: [{ sku: 'SKU1', counted: 3 }],
      },
      [move({ kind: 'receive', quantity: 10 })],
    );
    const [posted] = postCount(review, { newId: () => 'stk_c1' });
    expect(posted?.reason).toBe(countReason(10, 3));
    expect(parseCountReason(posted?.reason)).toEqual({ expected: 10, counted: 3 });
    expect(standaloneMoveProblems(posted!)).toEqual([]);
    expect(standaloneMoveProblems({ ...posted!, quantity: 500 })[0]?.rule).toBe('derivation');
    expect(standaloneMoveProblems({ ...posted!, reason: 'found some' })[0]?.rule).toBe(
      'derivation',
    );
  });
});
