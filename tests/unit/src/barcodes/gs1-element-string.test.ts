import { describe, expect, it } from 'vitest';
import {
  applicationIdentifierAt,
  formatGs1HumanReadable,
  formatGs1Transmitted,
  gs1FullYear,
  GS,
  parseDigitalLink,
  parseGs1Date,
  parseGs1ElementString,
  splitAimIdentifier,
} from '../../../../src/barcodes';
import type { Gs1Parse } from '../../../../src/barcodes';

const TODAY = '2025-06-15';

function valuesOf(parse: Gs1Parse): Record<string, string> {
  if (!parse.ok) throw new Error(parse.message);
  return Object.fromEntries(parse.elements.map((element) => [element.ai, element.value]));
}

describe('GS1 dates', () => {
  const cases: [string, string, string, boolean, string | RegExp][] = [
    ['a plain date', '260101', TODAY, false, '2026-01-01'],
    ['Feb 29 in a leap year (2028)', '280229', TODAY, false, '2028-02-29'],
    ['Feb 29 in a non-leap year (2027)', '270229', TODAY, false, /2027-02 has no day 29/],
    ['Feb 29 in 2000 (divisible by 400)', '000229', TODAY, false, '2000-02-29'],
    ['day 00 is the end of the month', '250200', TODAY, true, '2025-02-28'],
    ['day 00 in a leap February', '280200', TODAY, true, '2028-02-29'],
    ['day 00 of a 30-day month', '250400', TODAY, true, '2025-04-30'],
    ['day 00 where it is not allowed', '250200', TODAY, false, /day 00 is not allowed/],
    ['month 13', '251301', TODAY, true, /no month 13/],
    ['month 00', '250001', TODAY, true, /no month 00/],
    ['day 31 in April', '250431', TODAY, true, /2025-04 has no day 31/],
    ['not six digits', '25011', TODAY, true, /is not YYMMDD/],
  ];
  it.each(cases)('%s', (_name, yymmdd, today, dayOptional, expected) => {
    const result = parseGs1Date(yymmdd, today, dayOptional);
    if (typeof expected === 'string') expect(result).toMatchObject({ ok: true, iso: expected });
    else expect(result.ok ? '' : result.message).toMatch(expected);
  });

  it('reports whether the day was given', () => {
    expect(parseGs1Date('250200', TODAY, true)).toMatchObject({ dayGiven: false });
    expect(parseGs1Date('250201', TODAY, true)).toMatchObject({ dayGiven: true });
  });

  it('refuses a today that is not a date', () => {
    expect(() => parseGs1Date('250101', '2025-02-30', true)).toThrow(/not a yyyy-mm-dd date/);
  });

  // GS1 GenSpecs 7.12: 51..99 years ahead is the previous century, 50..99 behind the next one.
  const centuries: [number, number, number][] = [
    [25, 2025, 2025],
    [75, 2025, 2075],
    [76, 2025, 1976],
    [99, 2025, 1999],
    [0, 2025, 2000],
    [10, 2060, 2110],
    [11, 2060, 2011],
    [98, 2001, 1998],
    [50, 2000, 2050],
    [51, 2000, 1951],
  ];
  it.each(centuries)('YY %i in %i is %i', (twoDigit, currentYear, expected) => {
    expect(gs1FullYear(twoDigit, currentYear)).toBe(expected);
  });
});

describe('Application Identifier table', () => {
  it('finds 2-, 3- and 4-digit AIs, with decimals for 310n and 392n', () => {
    expect(applicationIdentifierAt('0109501101020917')?.ai).toBe('01');
    expect(applicationIdentifierAt('400ABC')?.ai).toBe('400');
    expect(applicationIdentifierAt('3103001250')).toMatchObject({ ai: '3103', decimals: 3 });
    expect(applicationIdentifierAt('392212500')).toMatchObject({ ai: '3922', decimals: 2 });
    expect(applicationIdentifierAt('99ABC')?.title).toBe('INTERNAL');
    expect(applicationIdentifierAt('2351234')).toBeUndefined();
  });
});

describe('GS1 element strings', () => {
  const expected = { '01': '09501101020917', '17': '260101', '10': 'ABC123', '21': 'S42' };

  it('reads the transmitted form, GS after variable-length fields', () => {
    const text = `01095011010209171726010110ABC123${GS}21S42`;
    expect(valuesOf(parseGs1ElementString(text, TODAY))).toEqual(expected);
  });

  it('reads a leading GS (FNC1 in first position) and a trailing one', () => {
    const text = `${GS}01095011010209171726010110ABC123${GS}21S42${GS}`;
    expect(valuesOf(parseGs1ElementString(text, TODAY))).toEqual(expected);
  });

  it('reads the human-readable form with parentheses', () => {
    const text = '(01)09501101020917(17)260101(10)ABC123(21)S42';
    expect(valuesOf(parseGs1ElementString(text, TODAY))).toEqual(expected);
  });

  it('forgives spaces around the parentheses', () => {
    const text = '(01) 09501101020917 (17) 260101 (10) ABC123 (21) S42';
    expect(valuesOf(parseGs1ElementString(text, TODAY))).toEqual(expected);
  });

  it('keeps an unknown "(..)" inside a human-readable value as data', () => {
    const parse = parseGs1ElementString('(01)09501101020917(10)AB(77)C', TODAY);
    expect(valuesOf(parse)['10']).toBe('AB(77)C');
  });

  it('types dates, weights and prices', () => {
    const text = `01095011010209171525020031030012503922125000${GS}10L1`;
    const parse = parseGs1ElementString(text, TODAY);
    expect(parse.ok && parse.elements).toEqual([
      { ai: '01', title: 'GTIN', value: '09501101020917' },
      { ai: '15', title: 'BEST BEFORE or BEST BY', value: '250200', date: '2025-02-28' },
      { ai: '3103', title: 'NET WEIGHT (kg)', value: '001250', decimals: 3 },
      { ai: '3922', title: 'PRICE', value: '125000', decimals: 2 },
      { ai: '10', title: 'BATCH/LOT', value: 'L1' },
    ]);
  });

  it('reads the SSCC with its content and count', () => {
    const text = '0010614141234567890802095011010209173724';
    expect(valuesOf(parseGs1ElementString(text, TODAY))).toEqual({
      '00': '106141412345678908',
      '02': '09501101020917',
      '37': '24',
    });
  });

  it('formats back to both forms', () => {
    const parse = parseGs1ElementString('(01)09501101020917(10)ABC123(17)260101', TODAY);
    if (!parse.ok) throw new Error(parse.message);
    expect(formatGs1HumanReadable(parse.elements)).toBe('(01)09501101020917(10)ABC123(17)260101');
    expect(formatGs1Transmitted(parse.elements)).toBe(`010950110102091710ABC123${GS}17260101`);
  });

  const failures: [string, string, string, RegExp][] = [
    [
      'GTIN check digit',
      '0109501101020918',
      'check-digit',
      /GTIN 09501101020918: check digit should be 7, not 8/,
    ],
    [
      'SSCC check digit',
      '00106141412345678909',
      'check-digit',
      /SSCC 106141412345678909: check digit should be 8/,
    ],
    ['impossible date', '010950110102091717270229', 'date', /2027-02 has no day 29/],
    ['month 13', '(01)09501101020917(17)251301', 'date', /no month 13/],
    ['short fixed field', '01095011010209', 'length', /expected 14/],
    ['letters in a numeric field', '(01)0950110102091X', 'format', /digits only/],
    ['batch over 20 characters', '10ABCDEFGHIJKLMNOPQRSTU', 'length', /at most 20 .*missing GS/],
    ['character outside set 82', '(10)AB#1', 'format', /character set 82/],
    ['unknown AI', '2351234', 'unknown-ai', /No known Application Identifier/],
    ['unknown AI in parentheses', '(235)1234', 'unknown-ai', /\(235\)/],
    ['the same AI twice, disagreeing', '(10)A(10)B', 'structure', /appears twice/],
  ];
  it.each(failures)('rejects %s', (_name, text, reason, message) => {
    const parse = parseGs1ElementString(text, TODAY);
    expect(parse).toMatchObject({ ok: false, reason });
    expect(parse.ok ? '' : parse.message).toMatch(message);
  });
});

describe('AIM symbology identifiers', () => {
  const cases: [string, string, string, boolean][] = [
    [']E04006381333931', 'ean-upc', ']E0', false],
    [']E496385074', 'ean-upc', ']E4', false],
    [']C10109501101020917', 'code-128', ']C1', true],
    [']C0ABC', 'code-128', ']C0', false],
    [']d20109501101020917', 'data-matrix', ']d2', true],
    [']d1HELLO', 'data-matrix', ']d1', false],
    [']Q30109501101020917', 'qr-code', ']Q3', true],
    [']Q1OMNITILL:ORDER:ord_X', 'qr-code', ']Q1', false],
    [']e00109501101020917', 'gs1-databar', ']e0', true],
    [']I109501101020917', 'itf', ']I1', false],
  ];
  it.each(cases)('%s is %s', (text, symbology, identifier, gs1) => {
    const { aim, data } = splitAimIdentifier(text);
    expect(aim).toMatchObject({ symbology, identifier, gs1 });
    expect(data).toBe(text.slice(3));
  });

  it('leaves data without an identifier alone', () => {
    expect(splitAimIdentifier('4006381333931')).toEqual({ aim: null, data: '4006381333931' });
    expect(splitAimIdentifier(']')).toEqual({ aim: null, data: ']' });
    expect(splitAimIdentifier(']Y0ABC')).toEqual({ aim: null, data: ']Y0ABC' });
  });
});

describe('GS1 Digital Link', () => {
  it('reads the primary key, path qualifiers and query attributes', () => {
    expect(
      parseDigitalLink('https://id.gs1.org/01/09501101020917/10/AB-12/21/S%2F1?17=260101&x=1'),
    ).toEqual([
      ['01', '09501101020917'],
      ['10', 'AB-12'],
      ['21', 'S/1'],
      ['17', '260101'],
    ]);
  });

  it('pads a GTIN-13 and accepts the "gtin" alias', () => {
    expect(parseDigitalLink('https://example.com/shop/gtin/4006381333931')).toEqual([
      ['01', '04006381333931'],
    ]);
  });

  it('is null for other URLs', () => {
    expect(parseDigitalLink('https://example.com/orders/ord_1')).toBeNull();
    expect(parseDigitalLink('not a url')).toBeNull();
    expect(parseDigitalLink('https://example.com/news/01/2024/tet')).toBeNull();
  });
});
