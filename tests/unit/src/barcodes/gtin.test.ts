import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGtin,
  compressUpcA,
  detectGtin,
  expandUpcE,
  gs1CheckDigit,
  toGtin14,
} from '../../../../src/barcodes';
import type { GtinCheck, GtinFormat } from '../../../../src/barcodes';

type Expectation =
  { gtin14: string } | { reason: 'length' | 'format' | 'check-digit'; message?: string };

function expectCheck(result: GtinCheck, expected: Expectation): void {
  if ('gtin14' in expected) {
    expect(result).toMatchObject({ ok: true, gtin14: expected.gtin14 });
  } else {
    expect(result).toMatchObject({ ok: false, reason: expected.reason });
    if (expected.message && !result.ok) expect(result.message).toBe(expected.message);
  }
}

describe('symbologies: valid, bad check digit, wrong length', () => {
  const cases: [string, GtinFormat, string, Expectation][] = [
    ['EAN-13, valid', 'ean-13', '4006381333931', { gtin14: '04006381333931' }],
    [
      'EAN-13, bad check digit',
      'ean-13',
      '4006381333932',
      {
        reason: 'check-digit',
        message: 'EAN-13 4006381333932: check digit should be 1, not 2',
      },
    ],
    ['EAN-13, 12 digits', 'ean-13', '400638133393', { reason: 'length' }],
    ['EAN-13, letters', 'ean-13', '40063813339A', { reason: 'format' }],
    ['EAN-8, valid', 'ean-8', '96385074', { gtin14: '00000096385074' }],
    [
      'EAN-8, bad check digit',
      'ean-8',
      '96385075',
      { reason: 'check-digit', message: 'EAN-8 96385075: check digit should be 4, not 5' },
    ],
    ['EAN-8, 7 digits', 'ean-8', '9638507', { reason: 'length' }],
    ['UPC-A, valid', 'upc-a', '036000291452', { gtin14: '00036000291452' }],
    [
      'UPC-A, bad check digit',
      'upc-a',
      '036000291453',
      { reason: 'check-digit', message: 'UPC-A 036000291453: check digit should be 2, not 3' },
    ],
    ['UPC-A, 13 digits', 'upc-a', '0036000291452', { reason: 'length' }],
    ['UPC-E, valid', 'upc-e', '01234565', { gtin14: '00012345000065' }],
    [
      'UPC-E, bad check digit',
      'upc-e',
      '01234567',
      { reason: 'check-digit', message: 'UPC-E 01234567: check digit should be 5, not 7' },
    ],
    ['UPC-E, number system 2', 'upc-e', '21234565', { reason: 'format' }],
    ['UPC-E, 7 digits', 'upc-e', '0123456', { reason: 'length' }],
    ['GTIN-14, valid', 'gtin-14', '09501101020917', { gtin14: '09501101020917' }],
    ['GTIN-14, 15 digits', 'gtin-14', '109501101020916', { reason: 'length' }],
    ['GTIN-14, indicator 1 valid', 'gtin-14', '19501101020914', { gtin14: '19501101020914' }],
    [
      'GTIN-14, bad check digit',
      'gtin-14',
      '09501101020918',
      { reason: 'check-digit', message: 'GTIN-14 09501101020918: check digit should be 7, not 8' },
    ],
  ];
  it.each(cases)('%s', (_name, format, code, expected) => {
    expectCheck(checkGtin(code, format), expected);
  });
});

describe('format by length', () => {
  const cases: [string, string, GtinFormat | null][] = [
    ['13 digits are EAN-13', '4006381333931', 'ean-13'],
    ['12 digits are UPC-A', '036000291452', 'upc-a'],
    ['14 digits are GTIN-14', '09501101020917', 'gtin-14'],
    ['8 digits starting 9 are EAN-8', '96385074', 'ean-8'],
    ['8 digits starting 0 with a UPC-E check digit are UPC-E', '01234565', 'upc-e'],
    ['8 digits starting 0 with only an EAN-8 check digit are EAN-8', '09876545', 'ean-8'],
    ['8 digits valid both ways are read as UPC-E', '01234565', 'upc-e'],
    ['11 digits are nothing', '03600029145', null],
  ];
  it.each(cases)('%s', (_name, code, format) => {
    const result = detectGtin(code);
    if (format === null) expect(result).toMatchObject({ ok: false, reason: 'length' });
    else expect(result).toMatchObject({ ok: true, format });
  });

  it('names both expectations when an 8-digit code fits neither UPC-E nor EAN-8', () => {
    expect(gs1CheckDigit('0987654')).toBe(5);
    expect(detectGtin('09876540')).toEqual({
      ok: false,
      reason: 'check-digit',
      message: 'UPC-E/EAN-8 09876540: check digit should be 7 (UPC-E) or 5 (EAN-8), not 0',
    });
  });
});

describe('GTIN-14 lookup key', () => {
  it('gives one key for the same item printed as UPC-A, EAN-13 and GTIN-14', () => {
    const keys = ['036000291452', '0036000291452', '00036000291452'].map((code) => toGtin14(code));
    expect(new Set(keys)).toEqual(new Set(['00036000291452']));
  });

  it('gives a UPC-E and its UPC-A the same key', () => {
    expect(toGtin14('04252614')).toBe(toGtin14('042100005264'));
  });

  it('throws on an invalid code (catalog import checks first)', () => {
    expect(() => toGtin14('4006381333932')).toThrow(/check digit should be 1/);
  });
});

describe('UPC-E expansion', () => {
  const cases: [string, string, string][] = [
    ['last digit 0: maker 12000, item 00345', '01234505', '012000003455'],
    ['last digit 1: the Wikipedia example', '04252614', '042100005264'],
    ['last digit 2', '01234523', '012200003453'],
    ['last digit 3: maker 12300, item 00045', '01234531', '012300000451'],
    ['last digit 4: maker 12340, item 00005', '01234543', '012340000053'],
    ['last digit 5', '01234565', '012345000065'],
    ['last digit 7', '01234572', '012345000072'],
    ['number system 1', '14252611', '142100005261'],
  ];
  it.each(cases)('%s: %s -> %s', (_name, upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(checkGtin(upcE, 'upc-e')).toMatchObject({ ok: true, gtin14: `00${upcA}` });
  });

  it('appends the check digit when given 7 digits', () => {
    expect(expandUpcE('0123456')).toBe('012345000065');
  });

  it('refuses other number systems and lengths', () => {
    expect(() => expandUpcE('21234565')).toThrow(/number system 0 or 1/);
    expect(() => expandUpcE('012345')).toThrow(/7 or 8 digits/);
  });

  it('compresses back where the zeros allow, else null', () => {
    expect(compressUpcA('042100005264')).toBe('04252614');
    expect(compressUpcA('012345000065')).toBe('01234565');
    expect(compressUpcA('036000291452')).toBeNull();
    expect(compressUpcA('212345000065')).toBeNull();
  });

  it('round-trips: any UPC-E expands to a UPC-A that compresses to the same UPC-A', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('0', '1'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }),
        (numberSystem, six) => {
          const upcA = expandUpcE(numberSystem + six.join(''));
          const compressed = compressUpcA(upcA);
          expect(compressed).not.toBeNull();
          expect(expandUpcE(compressed ?? '')).toBe(upcA);
          expect(checkGtin(compressed ?? '', 'upc-e').ok).toBe(true);
        },
      ),
    );
  });
});
