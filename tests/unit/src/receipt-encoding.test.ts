import { describe, expect, it } from 'vitest';
import { decodeCp1258, encodeCp1258 } from '../../../src/receipt/encoding/cp1258-encoding';
import { encodeTcvn3 } from '../../../src/receipt/encoding/tcvn3-encoding';
import { decodeRuns, encodeVietnamese } from '../../../src/receipt/encoding/vietnamese-encoding';
import { VIETNAMESE_CODEPAGES } from '../../../src/receipt/encoding/encoded-text';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const EVERY_LETTER = [
  ...VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC'))),
  'đ',
].flatMap((letter) => [letter, letter.toUpperCase()]);

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe.each(VIETNAMESE_CODEPAGES)('%s', (codepage) => {
  it('round-trips every Vietnamese letter with every tone mark, capital and small', () => {
    expect(EVERY_LETTER).toHaveLength(146);
    for (const letter of EVERY_LETTER) {
      const encoded = encodeVietnamese(letter, codepage);
      expect(encoded.unmapped, letter).toEqual([]);
      expect(decodeRuns(encoded.runs), letter).toBe(letter);
    }
  });

  it('round-trips the sample sentence, and text typed decomposed', () => {
    const text = 'Cảm ơn quý khách! Hẹn gặp lại. ĐÃ THANH TOÁN';
    expect(decodeRuns(encodeVietnamese(text, codepage).runs)).toBe(text);
    expect(decodeRuns(encodeVietnamese(text.normalize('NFD'), codepage).runs)).toBe(text);
  });

  it('never passes control characters on: they would be printer commands', () => {
    const encoded = encodeVietnamese('a\u001bb\nc', codepage);
    expect(encoded.unmapped).toEqual(['\u001b', '\n']);
    expect(decodeRuns(encoded.runs)).toBe('a?b?c');
  });
});

describe('Windows-1258', () => {
  it('sends base letter then combining tone where no precomposed letter exists', () => {
    // ậ = â (E2) + dot below (F2); ả = a + hook (D2); Ự = Ư (DD) + dot below (F2)
    expect(hex(encodeCp1258('ậảỰ').runs[0]?.bytes ?? new Uint8Array())).toBe('e2f261d2ddf2');
  });

  it('uses the precomposed byte where the table has one', () => {
    expect(hex(encodeCp1258('áÁđ₫').runs[0]?.bytes ?? new Uint8Array())).toBe('e1c1f0fe');
  });

  it('turns characters it has no place for into ? and reports them', () => {
    const encoded = encodeCp1258('Giá 5€ 中');
    expect(encoded.unmapped).toEqual(['中']);
    expect(decodeCp1258(encoded.runs[0]?.bytes ?? [])).toBe('Giá 5€ ?');
  });
});

describe('TCVN-3', () => {
  it('puts small letters in table 1 and capitals in table 2 at the same positions', () => {
    const encoded = encodeTcvn3('ấẤ');
    expect(encoded.runs.map((run) => [run.table, hex(run.bytes)])).toEqual([
      ['tcvn3', 'ca'],
      ['tcvn3-capitals', 'ca'],
    ]);
  });

  it('encodes the sample with known bytes', () => {
    const encoded = encodeTcvn3('Cảm ơn');
    expect(encoded.runs.map((run) => hex(run.bytes))).toEqual(['43b66d20ac6e']);
  });

  it('keeps ASCII in the current table and reports ₫ and € as unmapped', () => {
    const encoded = encodeTcvn3('Tổng 5₫ €');
    expect(encoded.unmapped).toEqual(['₫', '€']);
    expect(decodeRuns(encoded.runs)).toBe('Tổng 5? ?');
    expect(encoded.runs).toHaveLength(1);
  });
});
