import type { CurrencyCode, Minor } from '../money';
import {
  currencyField,
  idField,
  isoTimeField,
  localizedTextField,
  minorField,
} from './json-schema';
import type { DocumentSchema } from './json-schema';

/** A catalog item. Written by the server only (catalog import); every register holds all of them. */
export interface ProductDoc {
  id: string; // `prod_<sku>`
  sku: string;
  /** GTINs and in-store codes exactly as printed (8, 12, 13 or 14 digits). */
  barcodes: string[];
  name: { vi: string; en: string };
  /** Lower-case, diacritics-free Vietnamese and English names and the SKU, for search. */
  searchText: string;
  categoryId: string;
  /** `unit`: price per piece. `weight`: price per kilogram, quantities in grams. */
  pricing: 'unit' | 'weight';
  /** In the store's pricing mode (VAT-inclusive or exclusive, see StoreSettings). */
  unitPrice: Minor;
  currency: CurrencyCode;
  taxRateId: string;
  /** Item reference carried in in-store variable-measure barcodes (prefix 20-29). */
  plu?: string;
  /** Final-sale items cannot be returned. */
  finalSale?: boolean;
  /** Shown on the quick-keys grid when set (lower first). */
  quickKey?: number;
  active: boolean;
  updatedAt: string;
}

export const productSchema: DocumentSchema = {
  title: 'product',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    sku: { type: 'string', maxLength: 64 },
    barcodes: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 20 },
    name: localizedTextField,
    searchText: { type: 'string', maxLength: 600 },
    categoryId: { type: 'string', maxLength: 64 },
    pricing: { type: 'string', enum: ['unit', 'weight'] },
    unitPrice: minorField,
    currency: currencyField,
    taxRateId: { type: 'string', maxLength: 32 },
    plu: { type: 'string', maxLength: 16 },
    finalSale: { type: 'boolean' },
    quickKey: { type: 'integer', minimum: 0, maximum: 1000 },
    active: { type: 'boolean' },
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'sku',
    'barcodes',
    'name',
    'searchText',
    'categoryId',
    'pricing',
    'unitPrice',
    'currency',
    'taxRateId',
    'active',
    'updatedAt',
  ],
  additionalProperties: false,
  indexes: ['sku'],
};
