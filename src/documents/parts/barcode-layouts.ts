/**
 * The `barcodeLayouts` section of store settings, typed and schema'd: how a store's own codes are
 * built. src/barcodes reads them (defaults, problems, the scan classifier).
 */
import type { JsonSchema } from '../json-schema';

export interface CodePattern {
  /** Regular expression source, matched against the whole scan (anchors are added). */
  pattern: string;
  /** The check digit the code's last digit carries, verified when the pattern matches. */
  checkDigit?: 'gs1' | 'luhn';
  /** What the settings screen calls it, e.g. "Membership card 2019". */
  label?: string;
}

export interface VariableMeasureLayout {
  /** Leading digits that select this layout: "20"-"29" (optionally a third digit) or "02". */
  prefix: string;
  /** Digits of the item reference, matched against `ProductDoc.plu`. */
  itemDigits: number;
  /** Digits of the value field. */
  valueDigits: number;
  /** `price`: minor units of the store's currency. `weight`: grams. */
  value: 'price' | 'weight';
  /** A GS1 price/measure verifier digit sits before the value (4- or 5-digit values only). */
  valueCheckDigit: boolean;
}

export interface BarcodeLayouts {
  variableMeasure: VariableMeasureLayout[];
  loyaltyCards: CodePattern[];
  giftCards: CodePattern[];
  staffBadges: CodePattern[];
  /** Store coupons; GS1 coupons (EAN-13 prefixes 99 and 981-984, AI 255) need no pattern. */
  coupons: CodePattern[];
}

const codePatternSchema: JsonSchema = {
  type: 'object',
  properties: {
    pattern: { type: 'string', minLength: 1, maxLength: 200 },
    checkDigit: { type: 'string', enum: ['gs1', 'luhn'] },
    label: { type: 'string', maxLength: 100 },
  },
  required: ['pattern'],
  additionalProperties: false,
};

const patternList: JsonSchema = { type: 'array', items: codePatternSchema, maxItems: 20 };

export const barcodeLayoutsSchema: JsonSchema = {
  type: 'object',
  properties: {
    variableMeasure: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        properties: {
          prefix: { type: 'string', pattern: '^(2[0-9][0-9]?|02[0-9]?)$' },
          itemDigits: { type: 'integer', minimum: 1, maximum: 10 },
          valueDigits: { type: 'integer', minimum: 1, maximum: 10 },
          value: { type: 'string', enum: ['price', 'weight'] },
          valueCheckDigit: { type: 'boolean' },
        },
        required: ['prefix', 'itemDigits', 'valueDigits', 'value', 'valueCheckDigit'],
        additionalProperties: false,
      },
    },
    loyaltyCards: patternList,
    giftCards: patternList,
    staffBadges: patternList,
    coupons: patternList,
  },
  required: ['variableMeasure', 'loyaltyCards', 'giftCards', 'staffBadges', 'coupons'],
  additionalProperties: false,
};
