/**
 * The cash-register invoice code (M1-27-AB12C-00100000042) and symbol (1C27MAA): written and
 * read back, bad input refused with what to fix, and no two registers of a seller ever making
 * the same code from their own counters (docs/INVOICES.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EInvoiceError,
  formatInvoiceCode,
  formatInvoiceSymbol,
  formatTemplateAndSymbol,
  parseInvoiceCode,
  parseInvoiceSymbol,
} from '../../../src/einvoice';
import type { InvoiceCode } from '../../../src/einvoice';

const code = (overrides: Partial<InvoiceCode> = {}): InvoiceCode => ({
  form: 1,
  year: 2027,
  sellerBlock: 'AB12C',
  registerNumber: 1,
  sequence: 42,
  ...overrides,
});

function refusal(run: () => unknown): EInvoiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof EInvoiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('invoice code', () => {
  it('writes M{form}-{YY}-{block}-{register 3}{sequence 8}', () => {
    expect(formatInvoiceCode(code())).toBe('M1-27-AB12C-00100000042');
    expect(
      formatInvoiceCode(code({ form: 2, year: 2026, registerNumber: 123, sequence: 99_999_999 })),
    ).toBe('M2-26-AB12C-12399999999');
  });

  it('reads a code back into its parts', () => {
    expect(parseInvoiceCode(' M1-27-AB12C-00100000042 ')).toEqual(code());
    expect(parseInvoiceCode('M2-30-ZZ9Z9-99900000001')).toEqual(
      code({ form: 2, year: 2030, sellerBlock: 'ZZ9Z9', registerNumber: 999, sequence: 1 }),
    );
  });

  it.each([
    ['M3-27-AB12C-00100000042', 'M1 or M2'],
    ['M1-2027-AB12C-00100000042', 'M1 or M2'],
    ['M1-27-ab12c-00100000042', '5-character block'],
    ['M1-27-AB12-00100000042', '5-character block'],
    ['M1-27-AB12C-0010000004', '11 digits'],
    ['M1-27-AB12C-00000000042', 'register 000'],
    ['M1-27-AB12C-00100000000', 'sequence 0'],
    ['', 'not a cash-register invoice code'],
  ])('refuses %j, saying what is wrong (%s)', (text, said) => {
    const error = refusal(() => parseInvoiceCode(text));
    expect(error.code).toBe('invalid-code');
    expect(error.message).toContain(said);
  });

  it('refuses to write what cannot be a code, naming the field', () => {
    expect(refusal(() => formatInvoiceCode(code({ sellerBlock: 'AB-1C' }))).message).toContain(
      '5 capital letters or digits',
    );
    expect(refusal(() => formatInvoiceCode(code({ registerNumber: 0 }))).message).toContain(
      'Register number 0',
    );
    expect(refusal(() => formatInvoiceCode(code({ registerNumber: 1000 }))).message).toContain(
      'from 1 to 999',
    );
    expect(refusal(() => formatInvoiceCode(code({ sequence: 0 }))).message).toContain('from 1');
    expect(refusal(() => formatInvoiceCode(code({ sequence: 1.5 }))).message).toContain('whole');
    expect(refusal(() => formatInvoiceCode(code({ year: 1999 }))).message).toContain('2000-2099');
    expect(refusal(() => formatInvoiceCode(code({ form: 3 as 1 }))).message).toContain('use 1');
    const exhausted = refusal(() => formatInvoiceCode(code({ sequence: 100_000_000 })));
    expect(exhausted.code).toBe('sequence-exhausted');
    expect(exhausted.message).toContain('register number not used before');
  });

  it('two registers of one seller never make the same code, and every code reads back', () => {
    const part = fc.record({
      registerNumber: fc.integer({ min: 1, max: 999 }),
      sequence: fc.integer({ min: 1, max: 99_999_999 }),
    });
    fc.assert(
      fc.property(part, part, (a, b) => {
        const first = formatInvoiceCode(code(a));
        const second = formatInvoiceCode(code(b));
        const same = a.registerNumber === b.registerNumber && a.sequence === b.sequence;
        expect(first === second).toBe(same);
        expect(first).toHaveLength(23);
        expect(parseInvoiceCode(first)).toEqual(code(a));
      }),
    );
  });
});

describe('invoice symbol', () => {
  it('writes C{YY}M{series}, the template digit before it when printed', () => {
    expect(formatInvoiceSymbol(2027, 'AA')).toBe('C27MAA');
    expect(formatTemplateAndSymbol({ form: 1, year: 2026, series: 'BH' })).toBe('1C26MBH');
  });

  it('reads a symbol with or without its template digit', () => {
    expect(parseInvoiceSymbol('1C27MAA')).toEqual({ form: 1, year: 2027, series: 'AA' });
    expect(parseInvoiceSymbol('2C26MBH')).toEqual({ form: 2, year: 2026, series: 'BH' });
    expect(parseInvoiceSymbol('C26MBH', 2)).toEqual({ form: 2, year: 2026, series: 'BH' });
  });

  it.each([
    ['1C27TAA', 'not a cash-register invoice symbol'], // T: not generated from a register
    ['1K27MAA', 'not a cash-register invoice symbol'], // K: without a tax-authority code
    ['3C27MAA', 'not a cash-register invoice symbol'],
    ['1C27Maa', 'not a cash-register invoice symbol'],
  ])('refuses %j', (text, said) => {
    const error = refusal(() => parseInvoiceSymbol(text));
    expect(error.code).toBe('invalid-symbol');
    expect(error.message).toContain(said);
  });

  it('refuses a series that is not two capital letters', () => {
    expect(refusal(() => formatInvoiceSymbol(2027, 'A1')).message).toContain('two capital letters');
    expect(refusal(() => formatInvoiceSymbol(2027, 'AAA')).code).toBe('invalid-symbol');
  });
});
