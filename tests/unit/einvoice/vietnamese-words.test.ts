/**
 * The amount in words (TgTTTBChu): the conventions docs/INVOICES.md names (nghìn, linh, mốt,
 * lăm, tỷ) at the amounts where they differ.
 */
import { describe, expect, it } from 'vitest';
import { EInvoiceError, signedDongWords, vietnameseDongWords } from '../../../src/einvoice';

describe('amount in Vietnamese words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [125_000, 'Một trăm hai mươi lăm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_284_000, 'Một triệu hai trăm tám mươi bốn nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [2_005_000_000, 'Hai tỷ không trăm linh năm triệu đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%i đồng is "%s"', (amount, words) => {
    expect(vietnameseDongWords(amount)).toBe(words);
  });

  it('refuses what is not a whole, non-negative amount', () => {
    expect(() => vietnameseDongWords(-1)).toThrow(EInvoiceError);
    expect(() => vietnameseDongWords(1.5)).toThrow('whole, non-negative number of đồng');
  });

  it("reads an adjusting invoice's decrease with Âm first", () => {
    expect(signedDongWords(-6_000)).toBe('Âm sáu nghìn đồng');
    expect(signedDongWords(-1_000_005)).toBe('Âm một triệu không trăm linh năm đồng');
    expect(signedDongWords(6_000)).toBe('Sáu nghìn đồng');
    expect(signedDongWords(0)).toBe('Không đồng');
  });
});
