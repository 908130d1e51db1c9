import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DocumentSchema } from '../../src/documents';
import { COLLECTION_SCHEMAS } from '../storage/collection-schemas';
import type { Collection } from '../storage/database-layout';

/** Largest document accepted, measured as JSON (CouchDB's max_document_size is similar). */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Fields CouchDB keeps beside the body; they are not part of the schema. */
const COUCH_FIELDS = new Set([
  '_id',
  '_rev',
  '_deleted',
  '_revisions',
  '_conflicts',
  '_attachments',
]);

/** RxDB-only keys of our schemas that are not JSON Schema keywords. */
function toJsonSchema(schema: DocumentSchema): Record<string, unknown> {
  const { version: _version, primaryKey: _primaryKey, indexes: _indexes, ...jsonSchema } = schema;
  return jsonSchema;
}

function describe(error: ErrorObject, title: string): string {
  const at = error.instancePath || '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${at}/${String(error.params.additionalProperty)}": the ${title} schema has no such field; remove it`;
    case 'required':
      return `missing field "${at}/${String(error.params.missingProperty)}", which a ${title} must have`;
    default:
      return `field "${at || '/'}" ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Validates documents arriving at /db against the collection's schema, compiled once per
 * collection. The document is seen as the register holds it: CouchDB's `_id` becomes the
 * schema's primary key and the `_` fields are set aside.
 */
export class DocumentValidator {
  private readonly compiled = new Map<Collection, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: false, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    for (const [collection, schema] of Object.entries(COLLECTION_SCHEMAS)) {
      if (schema) this.compiled.set(collection as Collection, ajv.compile(toJsonSchema(schema)));
    }
  }

  hasSchema(collection: Collection): boolean {
    return this.compiled.has(collection);
  }

  /** The body of a CouchDB document as the register holds it (primary key `id`). */
  static bodyOf(doc: Record<string, unknown>): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc)) {
      if (!COUCH_FIELDS.has(key)) body[key] = value;
    }
    if (body.id === undefined) body.id = doc._id;
    return body;
  }

  /** null when valid, else a sentence naming the field and what is wrong with it. */
  validate(collection: Collection, doc: Record<string, unknown>): string | null {
    const validate = this.compiled.get(collection);
    const title = COLLECTION_SCHEMAS[collection]?.title ?? collection;
    if (!validate) {
      return `the server has no schema for ${collection} yet, so it accepts none from devices`;
    }
    if (doc.id !== undefined && doc.id !== doc._id) {
      return `"id" (${JSON.stringify(doc.id)}) differs from "_id" (${JSON.stringify(doc._id)}); they must be the same`;
    }
    if (validate(DocumentValidator.bodyOf(doc))) return null;
    const [first] = validate.errors ?? [];
    return first ? `${title} schema: ${describe(first, title)}` : `${title} schema: invalid`;
  }
}

export function documentBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}
