/**
 * The subset of JSON Schema our document schemas use. The same objects are handed to RxDB on the
 * register (as RxJsonSchema) and to the validator at the sync-server's door, so the two can never
 * disagree about what a document looks like.
 */
export interface JsonSchema {
  type?:
    | 'object'
    | 'array'
    | 'string'
    | 'integer'
    | 'number'
    | 'boolean'
    | 'null'
    | readonly ('string' | 'integer' | 'number' | 'boolean' | 'null' | 'object')[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  oneOf?: readonly JsonSchema[];
  multipleOf?: number;
  description?: string;
}

/** A collection's schema in the shape RxDB takes (`version`, `primaryKey`, `indexes`). */
export interface DocumentSchema extends JsonSchema {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Readonly<Record<string, JsonSchema>>;
  required: readonly string[];
  indexes?: readonly (string | readonly string[])[];
}

/** Shared field schemas. */
export const idField = {
  type: 'string',
  maxLength: 128,
  pattern: '^[a-z][a-z0-9-]*_[0-9A-Za-z_.-]+$',
} as const;
export const storeIdField = { type: 'string', maxLength: 64, pattern: '^[a-z0-9-]+$' } as const;
export const isoTimeField = { type: 'string', maxLength: 40, format: 'date-time' } as const;
export const minorField = { type: 'integer', minimum: -1e15, maximum: 1e15 } as const;
export const currencyField = {
  type: 'string',
  enum: ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'SGD', 'THB', 'CNY'],
} as const;
export const textField = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
export const localizedTextField: JsonSchema = {
  type: 'object',
  properties: { vi: { type: 'string', maxLength: 200 }, en: { type: 'string', maxLength: 200 } },
  required: ['vi', 'en'],
  additionalProperties: false,
};
