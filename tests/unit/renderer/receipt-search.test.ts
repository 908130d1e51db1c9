/**
 * Finding a sale by its receipt number on the register (renderer/lookup/receipt-search.ts): what
 * the server's answer means to the Returns and customer lookups, and what the reprint list's
 * search field matches.
 */
import { describe, expect, it } from 'vitest';
import type { SaleReply } from '../../../src/api';
import type { SaleDoc } from '../../../src/documents';
import {
  matchesReceiptSearch,
  readReceiptSearch,
  saleNumberAnswer,
} from '../../../renderer/lookup/receipt-search';
import type { ApiResult } from '../../../renderer/platform/server-api';

const reply = { sale: { id: 'sale_01OTHER' } as SaleDoc, returns: [] } satisfies SaleReply;

function refused(status: number, offline = false): ApiResult<SaleReply> {
  return { ok: false, offline, status, code: 'x', reason: `refused ${status}`, details: {} };
}

describe('the server’s answer to a receipt number this register does not hold', () => {
  it('gives the other store’s sale when the server has it', () => {
    expect(saleNumberAnswer({ ok: true, status: 200, value: reply })).toEqual({ ok: true, reply });
  });

  it('tells offline, not found and two stores printing alike apart', () => {
    expect(saleNumberAnswer(refused(0, true))).toMatchObject({ reason: 'not-found-offline' });
    expect(saleNumberAnswer(refused(404))).toMatchObject({ reason: 'not-found' });
    expect(saleNumberAnswer(refused(400))).toMatchObject({ reason: 'not-found' });
    expect(saleNumberAnswer(refused(409))).toEqual({
      ok: false,
      reason: 'ambiguous',
      detail: 'refused 409',
    });
  });
});

describe('the reprint list’s search', () => {
  const numbered = (receiptNumber?: string): Pick<SaleDoc, 'receiptNumber'> =>
    receiptNumber === undefined ? {} : { receiptNumber };

  it('reads a whole number in any case and with spaces around it as that number', () => {
    expect(readReceiptSearch(' q1-01-000123 ')).toEqual({ kind: 'number', number: 'Q1-01-000123' });
    const search = readReceiptSearch('q1-01-000123');
    expect(matchesReceiptSearch(numbered('Q1-01-000123'), search)).toBe(true);
    expect(matchesReceiptSearch(numbered('Q1-01-001123'), search)).toBe(false);
  });

  it('matches the number typed without dashes, or its last digits, as a piece of it', () => {
    expect(readReceiptSearch('q101000123')).toEqual({ kind: 'fragment', text: 'Q101000123' });
    expect(matchesReceiptSearch(numbered('Q1-01-000123'), readReceiptSearch('q101000123'))).toBe(
      true,
    );
    expect(matchesReceiptSearch(numbered('Q1-01-000123'), readReceiptSearch('123'))).toBe(true);
    expect(matchesReceiptSearch(numbered('Q1-01-000124'), readReceiptSearch('123'))).toBe(false);
  });

  it('shows everything when empty, and never an unnumbered sale for a search', () => {
    expect(readReceiptSearch('  - ')).toEqual({ kind: 'all' });
    expect(matchesReceiptSearch(numbered(), { kind: 'all' })).toBe(true);
    expect(matchesReceiptSearch(numbered(), readReceiptSearch('1'))).toBe(false);
  });
});
