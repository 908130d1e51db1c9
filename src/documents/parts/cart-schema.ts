/** JSON schemas for the cart input and the priced cart, as stored inside sale documents. */
import { minorField } from '../json-schema';
import type { JsonSchema } from '../json-schema';

const amount: JsonSchema = minorField;
const nonNegative: JsonSchema = { ...minorField, minimum: 0 };
const shortText = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const basisPoints: JsonSchema = { type: 'integer', minimum: 0, maximum: 10000 };
const localized: JsonSchema = {
  type: 'object',
  properties: { vi: shortText(100), en: shortText(100) },
  required: ['vi', 'en'],
  additionalProperties: false,
};

/** A manual discount; `percentBp` goes with kind percent, `amount` with kind amount. */
export const manualDiscountSchema: JsonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['percent', 'amount'] },
    percentBp: basisPoints,
    amount: nonNegative,
    reason: shortText(200),
    approvedBy: shortText(128),
  },
  required: ['kind'],
  additionalProperties: false,
};

export const cartLineInputSchema: JsonSchema = {
  type: 'object',
  properties: {
    lineId: shortText(64),
    productId: shortText(128),
    sku: shortText(64),
    name: shortText(200),
    categoryId: shortText(64),
    pricing: { type: 'string', enum: ['unit', 'weight'] },
    unitPrice: nonNegative,
    quantity: { type: 'integer', minimum: 1, maximum: 1000000 },
    grams: { type: 'integer', minimum: 1, maximum: 100000000 },
    taxRateId: shortText(32),
    discount: manualDiscountSchema,
    override: {
      type: 'object',
      properties: { unitPrice: nonNegative, reason: shortText(200), approvedBy: shortText(128) },
      required: ['unitPrice', 'reason', 'approvedBy'],
      additionalProperties: false,
    },
    finalSale: { type: 'boolean' },
  },
  required: [
    'lineId',
    'productId',
    'sku',
    'name',
    'categoryId',
    'pricing',
    'unitPrice',
    'quantity',
    'taxRateId',
  ],
  additionalProperties: false,
};

export const cartInputSchema: JsonSchema = {
  type: 'object',
  properties: {
    lines: { type: 'array', items: cartLineInputSchema, maxItems: 1000 },
    orderDiscount: manualDiscountSchema,
  },
  required: ['lines'],
  additionalProperties: false,
};

export const taxBreakdownEntrySchema: JsonSchema = {
  type: 'object',
  properties: {
    taxRateId: shortText(32),
    rateBp: basisPoints,
    taxable: amount,
    tax: amount,
    total: amount,
  },
  required: ['taxRateId', 'rateBp', 'taxable', 'tax', 'total'],
  additionalProperties: false,
};

const moneyFields = (names: readonly string[]): Record<string, JsonSchema> =>
  Object.fromEntries(names.map((name) => [name, amount]));

const lineAmounts = [
  'unitPrice',
  'listAmount',
  'gross',
  'promotionDiscount',
  'lineDiscount',
  'orderDiscount',
  'net',
  'taxable',
  'tax',
  'total',
] as const;

export const pricedLineSchema: JsonSchema = {
  type: 'object',
  properties: {
    lineId: shortText(64),
    ...moneyFields(lineAmounts),
    promotions: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        properties: { promotionId: shortText(64), label: localized, amount },
        required: ['promotionId', 'label', 'amount'],
        additionalProperties: false,
      },
    },
    taxRateId: shortText(32),
    rateBp: basisPoints,
  },
  required: ['lineId', ...lineAmounts, 'promotions', 'taxRateId', 'rateBp'],
  additionalProperties: false,
};

const totalAmounts = [
  'listAmount',
  'gross',
  'promotionDiscount',
  'lineDiscount',
  'orderDiscount',
  'net',
  'taxable',
  'tax',
  'total',
] as const;

export const pricedCartSchema: JsonSchema = {
  type: 'object',
  properties: {
    currency: {
      type: 'string',
      enum: ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'SGD', 'THB', 'CNY'],
    },
    pricesIncludeTax: { type: 'boolean' },
    lines: { type: 'array', items: pricedLineSchema, maxItems: 1000 },
    totals: {
      type: 'object',
      properties: moneyFields(totalAmounts),
      required: totalAmounts,
      additionalProperties: false,
    },
    taxBreakdown: { type: 'array', items: taxBreakdownEntrySchema, maxItems: 20 },
  },
  required: ['currency', 'pricesIncludeTax', 'lines', 'totals', 'taxBreakdown'],
  additionalProperties: false,
};
