/**
 * The `barcodeLayouts` section of store settings: how this store's own codes are built. Written
 * by the server with the rest of the settings; the register falls back to the defaults while a
 * store has none.
 */
import type { JsonSchema } from '../documents/json-schema';
import { codePatternProblems } from './code-pattern';
import type { CodePattern } from './code-pattern';
import {
  DEFAULT_VARIABLE_MEASURE_LAYOUTS,
  variableMeasureLayoutProblems,
} from './variable-measure';
import type { VariableMeasureLayout } from './variable-measure';

export interface BarcodeLayouts {
  variableMeasure: VariableMeasureLayout[];
  loyaltyCards: CodePattern[];
  giftCards: CodePattern[];
  staffBadges: CodePattern[];
  /** Store coupons; GS1 coupons (EAN-13 prefixes 99 and 981-984, AI 255) need no pattern. */
  coupons: CodePattern[];
}

/** No card patterns by default: a wrong guess would turn products into cards. */
export const DEFAULT_BARCODE_LAYOUTS: Readonly<BarcodeLayouts> = {
  variableMeasure: [...DEFAULT_VARIABLE_MEASURE_LAYOUTS],
  loyaltyCards: [],
  giftCards: [],
  staffBadges: [],
  coupons: [],
};

/** Everything wrong with a store's layouts, for the settings screen and the sync-server. */
export function barcodeLayoutProblems(layouts: BarcodeLayouts): string[] {
  const problems = layouts.variableMeasure.flatMap(variableMeasureLayoutProblems);
  const prefixes = layouts.variableMeasure.map((layout) => layout.prefix);
  for (const prefix of new Set(prefixes)) {
    if (prefixes.filter((other) => other === prefix).length > 1) {
      problems.push(`Prefix ${prefix} has more than one layout`);
    }
  }
  for (const pattern of [
    ...layouts.loyaltyCards,
    ...layouts.giftCards,
    ...layouts.staffBadges,
    ...layouts.coupons,
  ]) {
    problems.push(...codePatternProblems(pattern));
  }
  return problems;
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
