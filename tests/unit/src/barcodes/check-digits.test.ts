import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gs1CheckDigit,
  hasValidGs1CheckDigit,
  hasValidLuhnCheckDigit,
  isValidGtin,
  luhnCheckDigit,
  makeEan13,
  priceCheckDigit,
} from '../../../../src/barcodes';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

describe('GS1 mod-10 check digit', () => {
  const cases: [string, string, number][] = [
    ['EAN-13 (Stabilo)', '400638133393', 1],
    ['EAN-13 (GS1 example)', '590123412345', 7],
    ['EAN-8', '9638507', 4],
    ['UPC-A', '03600029145', 2],
    ['GTIN-14', '0950110102091', 7],
    ['SSCC', '10614141234567890', 8],
    ['all zeros', '000000000000', 0],
  ];
  it.each(cases)('%s: %s -> %i', (_name, body, expected) => {
    expect(gs1CheckDigit(body)).toBe(expected);
    expect(hasValidGs1CheckDigit(`${body}${expected}`)).toBe(true);
    expect(hasValidGs1CheckDigit(`${body}${(expected + 1) % 10}`)).toBe(false);
  });

  it('refuses non-digits in the body', () => {
    expect(() => gs1CheckDigit('12a4')).toThrow(/digits only/);
    expect(hasValidGs1CheckDigit('12a4')).toBe(false);
  });
});

describe('makeEan13 and isValidGtin', () => {
  it('appends the check digit', () => {
    expect(makeEan13('400638133393')).toBe('4006381333931');
    expect(() => makeEan13('40063813339')).toThrow(/12 digits/);
  });

  it('accepts GTIN-8, -12, -13, -14 with a correct check digit only', () => {
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('09501101020917')).toBe(true);
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('400638133393')).toBe(false); // 12 digits, wrong check digit
    expect(isValidGtin('1234567')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('any 12 digits plus their check digit validate', () => {
    fc.assert(
      fc.property(digits(12), (body) => {
        const code = makeEan13(body);
        expect(code).toHaveLength(13);
        expect(isValidGtin(code)).toBe(true);
      }),
    );
  });

  it('changing any single digit invalidates the code', () => {
    fc.assert(
      fc.property(
        digits(12),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const code = makeEan13(body);
          const changed = (Number(code[position]) + shift) % 10;
          const altered = code.slice(0, position) + String(changed) + code.slice(position + 1);
          expect(isValidGtin(altered)).toBe(false);
        },
      ),
    );
  });
});

describe('Luhn check digit (card patterns)', () => {
  it('matches the ISO/IEC 7812 example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(hasValidLuhnCheckDigit('79927398713')).toBe(true);
    expect(hasValidLuhnCheckDigit('79927398710')).toBe(false);
  });
});

describe('price check digit (GS1 GenSpecs 7.9.3)', () => {
  const cases: [string, string, number][] = [
    ['4-digit price, GS1 example', '2875', 9],
    ['5-digit price, GS1 example', '14685', 6],
    ['4-digit zero', '0000', 0],
    ['5-digit zero', '00000', 0],
  ];
  it.each(cases)('%s: %s -> %i', (_name, value, expected) => {
    expect(priceCheckDigit(value)).toBe(expected);
  });

  it('covers 4 or 5 digits only', () => {
    expect(() => priceCheckDigit('123')).toThrow(/4 or 5 digits/);
    expect(() => priceCheckDigit('123456')).toThrow(/4 or 5 digits/);
  });

  it('catches every single-digit change of a 4- or 5-digit value', () => {
    fc.assert(
      fc.property(
        fc.oneof(digits(4), digits(5)),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (value, at, shift) => {
          const position = at % value.length;
          const changed = (Number(value[position]) + shift) % 10;
          const altered = value.slice(0, position) + String(changed) + value.slice(position + 1);
          expect(priceCheckDigit(altered)).not.toBe(priceCheckDigit(value));
        },
      ),
    );
  });
});
