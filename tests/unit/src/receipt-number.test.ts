import { describe, expect, it } from 'vitest';
import { saleSchema } from '../../../src/documents';
import {
  MAX_RECEIPT_SEQUENCE,
  formatReceiptNumber,
  parseReceiptNumber,
  receiptNumberFor,
  registerReceiptCode,
  storeReceiptCode,
} from '../../../src/receipt/receipt-number';
import {
  highestReceiptSequence,
  nextReceiptSequence,
  receiptNumberProblem,
} from '../../../src/sales/receipt-sequence';

describe('receipt numbers: the codes of a store and a register', () => {
  it.each([
    ['hcm-q1', 'Q1'],
    ['hn-hoankiem', 'KIEM'],
    ['HN_HK', 'HK'],
    ['store.7', '7'],
    ['q1-', 'Q1'],
    ['---', 'X'],
  ])('store %s prints as %s', (storeId, code) => {
    expect(storeReceiptCode(storeId)).toBe(code);
  });

  it.each([
    ['reg-01', '01'],
    ['reg-12', '12'],
    ['front desk', 'DESK'],
    ['Quầy 2', '2'],
  ])('register %s prints as %s', (registerId, code) => {
    expect(registerReceiptCode(registerId)).toBe(code);
  });
});

describe('receipt numbers: format and parse', () => {
  it('prints six digits, more past 999,999', () => {
    expect(receiptNumberFor('hcm-q1', 'reg-01', 123)).toBe('Q1-01-000123');
    expect(receiptNumberFor('hcm-q1', 'reg-01', 1)).toBe('Q1-01-000001');
    expect(receiptNumberFor('hcm-q1', 'reg-01', 999_999)).toBe('Q1-01-999999');
    expect(receiptNumberFor('hcm-q1', 'reg-01', 1_000_000)).toBe('Q1-01-1000000');
  });

  it('takes every sequence the sale schema takes, and no more', () => {
    expect(saleSchema.properties.receiptSeq).toMatchObject({ maximum: MAX_RECEIPT_SEQUENCE });
    expect(receiptNumberFor('hcm-q1', 'reg-01', MAX_RECEIPT_SEQUENCE)).toBe('Q1-01-999999999');
  });

  it('refuses a sequence that is not a whole number from 1', () => {
    for (const sequence of [0, -1, 1.5, Number.NaN, 1_000_000_000]) {
      expect(() => formatReceiptNumber({ storeCode: 'Q1', registerCode: '01', sequence })).toThrow(
        RangeError,
      );
    }
  });

  it('reads back what it prints, whatever the case and spaces around it', () => {
    for (const sequence of [1, 42, 999_999, 1_000_000, 999_999_999]) {
      const text = receiptNumberFor('hcm-q1', 'reg-01', sequence);
      expect(parseReceiptNumber(text)).toEqual({ storeCode: 'Q1', registerCode: '01', sequence });
    }
    expect(parseReceiptNumber('  q1-01-000123 ')).toEqual({
      storeCode: 'Q1',
      registerCode: '01',
      sequence: 123,
    });
  });

  it.each([
    ['a web order number', 'W-10001'],
    ['too few digits', 'Q1-01-12345'],
    ['sequence zero', 'Q1-01-000000'],
    ['zeros past six digits', 'Q1-01-0000123'],
    ['a sale id', 'sale_01M8WCEPXYZ'],
    ['a code too long', 'QUAN1-01-000123'],
    ['diacritics', 'Q1-Ạ1-000123'],
    ['ten digits', 'Q1-01-1234567890'],
  ])('is not a receipt number: %s', (_case, text) => {
    expect(parseReceiptNumber(text)).toBeNull();
  });
});

describe('receipt numbers: the next one', () => {
  it('is one more than the highest this register used, from 1', () => {
    expect(nextReceiptSequence({ known: true, highestUsed: 0 })).toEqual({ ok: true, sequence: 1 });
    expect(nextReceiptSequence({ known: true, highestUsed: 122 })).toEqual({
      ok: true,
      sequence: 123,
    });
  });

  it('is none while the register does not know its highest (a fresh install offline)', () => {
    expect(nextReceiptSequence({ known: false })).toEqual({ ok: false, reason: 'not-known' });
  });

  it('is none past the last nine-digit number', () => {
    expect(nextReceiptSequence({ known: true, highestUsed: 999_999_999 })).toEqual({
      ok: false,
      reason: 'exhausted',
    });
  });

  it("takes the highest of this register's sales only, in any order, ignoring unnumbered ones", () => {
    const sales = [
      { registerId: 'reg-01', receiptSeq: 3 },
      { registerId: 'reg-02', receiptSeq: 90 },
      { registerId: 'reg-01' },
      { registerId: 'reg-01', receiptSeq: 7 },
      { registerId: 'reg-01', receiptSeq: 5 },
    ];
    expect(highestReceiptSequence(sales, 'reg-01')).toBe(7);
    expect(highestReceiptSequence(sales, 'reg-03')).toBe(0);
  });
});

describe("receipt numbers: what a sale's number must be", () => {
  const sale = { storeId: 'hcm-q1', registerId: 'reg-01' };

  it('none at all (a register from before numbers) or its own, as printed', () => {
    expect(receiptNumberProblem(sale)).toBeNull();
    expect(
      receiptNumberProblem({ ...sale, receiptNumber: 'Q1-01-000007', receiptSeq: 7 }),
    ).toBeNull();
  });

  it.each([
    ['a number without its sequence', { receiptNumber: 'Q1-01-000007' }, /both/],
    ['a sequence without its number', { receiptSeq: 7 }, /both/],
    ['another register', { receiptNumber: 'Q1-02-000007', receiptSeq: 7 }, /not one of/],
    ['another store', { receiptNumber: 'HK-01-000007', receiptSeq: 7 }, /not one of/],
    ['a number and sequence apart', { receiptNumber: 'Q1-01-000008', receiptSeq: 7 }, /says 8/],
    ['lower case', { receiptNumber: 'q1-01-000007', receiptSeq: 7 }, /form/],
  ])('refuses %s', (_case, fields, reason) => {
    expect(receiptNumberProblem({ ...sale, ...fields })).toMatch(reason);
  });
});
