/**
 * The `stock` section of store settings, typed and schema'd: a store's low-stock thresholds.
 * src/stock reads and changes it (stock-settings.ts).
 */
import type { JsonSchema } from '../json-schema';

export interface StockSettings {
  /** Applies to every SKU the store stocks that has no threshold of its own. */
  defaultThreshold: number;
  /** Per-SKU thresholds, sorted by SKU. */
  thresholds: { sku: string; minimum: number }[];
}

export const MAX_STOCK_THRESHOLDS = 5000;
/** Units, or grams for weighed items: a tonne is past any shelf. */
export const MAX_THRESHOLD = 1_000_000;

export const stockSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    defaultThreshold: { type: 'integer', minimum: 0, maximum: MAX_THRESHOLD },
    thresholds: {
      type: 'array',
      maxItems: MAX_STOCK_THRESHOLDS,
      items: {
        type: 'object',
        properties: {
          sku: { type: 'string', minLength: 1, maxLength: 64 },
          minimum: { type: 'integer', minimum: 0, maximum: MAX_THRESHOLD },
        },
        required: ['sku', 'minimum'],
        additionalProperties: false,
      },
    },
  },
  required: ['defaultThreshold', 'thresholds'],
  additionalProperties: false,
};
