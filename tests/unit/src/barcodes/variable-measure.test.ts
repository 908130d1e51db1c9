import { describe, expect, it } from 'vitest';
import {
  barcodeLayoutProblems,
  DEFAULT_BARCODE_LAYOUTS,
  DEFAULT_VARIABLE_MEASURE_LAYOUTS,
  findVariableMeasureLayout,
  makeEan13,
  makeVariableMeasureEan13,
  parseVariableMeasure,
  priceCheckDigit,
  variableMeasureLayoutProblems,
} from '../../../../src/barcodes';
import type { VariableMeasureLayout } from '../../../../src/barcodes';

const weight21: VariableMeasureLayout = {
  prefix: '21',
  itemDigits: 5,
  valueDigits: 5,
  value: 'weight',
  valueCheckDigit: false,
};
const price22: VariableMeasureLayout = {
  prefix: '22',
  itemDigits: 4,
  valueDigits: 6,
  value: 'price',
  valueCheckDigit: false,
};
/** Price with a 4-digit price verifier: 2 + 5 + 1 + 4 digits. */
const priceChecked23: VariableMeasureLayout = {
  prefix: '23',
  itemDigits: 5,
  valueDigits: 4,
  value: 'price',
  valueCheckDigit: true,
};
/** Weight with a 5-digit measure verifier: 2 + 4 + 1 + 5 digits. */
const weightChecked24: VariableMeasureLayout = {
  prefix: '24',
  itemDigits: 4,
  valueDigits: 5,
  value: 'weight',
  valueCheckDigit: true,
};
/** UPC-A type 2 (US scales) written as 13 digits: "0" + "2" + 5 + 1 + 4. */
const upcType2: VariableMeasureLayout = {
  prefix: '02',
  itemDigits: 5,
  valueDigits: 4,
  value: 'price',
  valueCheckDigit: true,
};

describe('variable-measure codes', () => {
  it('reads weight in grams (prefix 21, 5-digit PLU, 5-digit grams)', () => {
    const code = makeEan13('210123401250');
    expect(parseVariableMeasure(code, weight21)).toEqual({
      ok: true,
      prefix: '21',
      plu: '01234',
      measure: { type: 'weight', grams: 1250 },
    });
  });

  it('reads a price in đồng (prefix 22, 4-digit PLU, 6-digit price)', () => {
    const code = makeEan13('221234125000');
    expect(parseVariableMeasure(code, price22)).toEqual({
      ok: true,
      prefix: '22',
      plu: '1234',
      measure: { type: 'price', amount: 125000 },
    });
  });

  it('reads a price with a correct 4-digit price check digit', () => {
    const code = makeEan13(`2300042${priceCheckDigit('2875')}2875`);
    expect(code.slice(7, 8)).toBe('9');
    expect(parseVariableMeasure(code, priceChecked23)).toMatchObject({
      ok: true,
      plu: '00042',
      measure: { type: 'price', amount: 2875 },
    });
  });

  it('rejects a price whose price check digit is wrong, even with a valid EAN-13 check digit', () => {
    const code = makeEan13('230004232875');
    expect(parseVariableMeasure(code, priceChecked23)).toEqual({
      ok: false,
      reason: 'check-digit',
      message: `EAN-13 ${code}: price check digit should be 9, not 3`,
    });
  });

  it('reads a weight with a 5-digit measure check digit', () => {
    const code = makeEan13(`240077${priceCheckDigit('14685')}14685`);
    expect(parseVariableMeasure(code, weightChecked24)).toMatchObject({
      ok: true,
      plu: '0077',
      measure: { type: 'weight', grams: 14685 },
    });
    const wrong = makeEan13('240077014685');
    expect(parseVariableMeasure(wrong, weightChecked24)).toMatchObject({
      ok: false,
      message: `EAN-13 ${wrong}: weight check digit should be 6, not 0`,
    });
  });

  it('makes codes that read back', () => {
    for (const [layout, plu, value] of [
      [weight21, '01234', 1250],
      [price22, '0042', 999_999],
      [priceChecked23, '12345', 1999],
      [weightChecked24, '9876', 500],
      [upcType2, '12345', 299],
    ] as const) {
      const code = makeVariableMeasureEan13(layout, plu, value);
      const parsed = parseVariableMeasure(code, layout);
      expect(parsed).toMatchObject({ ok: true, plu });
      if (!parsed.ok) continue;
      const read = parsed.measure.type === 'weight' ? parsed.measure.grams : parsed.measure.amount;
      expect(read).toBe(value);
    }
  });

  it('refuses to make codes that do not fit', () => {
    expect(() => makeVariableMeasureEan13(weight21, '1234', 1)).toThrow(/5 digits/);
    expect(() => makeVariableMeasureEan13(weight21, '01234', 100_000)).toThrow(/does not fit/);
  });

  it('picks the layout by prefix, longest first', () => {
    const layout210: VariableMeasureLayout = { ...weight21, prefix: '210', itemDigits: 4 };
    const layouts = [weight21, layout210];
    expect(findVariableMeasureLayout('2101234012505', layouts)).toBe(layout210);
    expect(findVariableMeasureLayout('2111234012505', layouts)).toBe(weight21);
    expect(findVariableMeasureLayout('2001234012505', layouts)).toBeUndefined();
  });
});

describe('layout validation', () => {
  it('accepts the defaults', () => {
    expect(DEFAULT_VARIABLE_MEASURE_LAYOUTS.flatMap(variableMeasureLayoutProblems)).toEqual([]);
    expect(barcodeLayoutProblems(DEFAULT_BARCODE_LAYOUTS)).toEqual([]);
  });

  const cases: [string, VariableMeasureLayout, RegExp][] = [
    ['prefix outside 20-29', { ...weight21, prefix: '45' }, /prefix must be 20-29 or 02/],
    ['digits not adding to 12', { ...weight21, valueDigits: 4 }, /take 11 digits, not 12/],
    [
      'check digit over 6 value digits',
      { ...price22, valueCheckDigit: true, itemDigits: 3 },
      /4 or 5 value digits/,
    ],
  ];
  it.each(cases)('reports %s', (_name, layout, problem) => {
    expect(variableMeasureLayoutProblems(layout).join('; ')).toMatch(problem);
  });

  it('reports a prefix given twice and a pattern that does not compile', () => {
    const problems = barcodeLayoutProblems({
      ...DEFAULT_BARCODE_LAYOUTS,
      variableMeasure: [weight21, { ...weight21 }],
      loyaltyCards: [{ pattern: '29(\\d{11}' }],
    });
    expect(problems).toEqual([
      'Prefix 21 has more than one layout',
      'Pattern "29(\\d{11}" is not a valid regular expression',
    ]);
  });
});
