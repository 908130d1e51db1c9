/**
 * The register's `facts` collection: several per-store fact kinds (registry `replica.inFacts`)
 * in one RxDB collection, so the register stays within RxDB's free-tier collection limit with
 * room for new synced types (docs/DATA.md, "Room under the collection limit"). On the server
 * nothing changes: each kind keeps its own database, strict schema and push check. On the
 * register a document carries `factKind`, its type's name, added when pulled and removed when
 * pushed (renderer/data/replication.ts).
 */
import { DOCUMENT_TYPE_NAMES, documentTypeSpec, FACTS_COLLECTION } from './registry';
import type { DocumentOf, FactTypeName } from './registry';
import type { DocumentSchema, JsonSchema } from './json-schema';

/** The kinds kept in `facts`, in registry order. */
export const FACT_TYPE_NAMES = DOCUMENT_TYPE_NAMES.filter(
  (name): name is FactTypeName => documentTypeSpec(name).replica?.inFacts === true,
);

/** A document of one kind as the register keeps it in `facts`. */
export type FactOf<Kind extends FactTypeName> = DocumentOf<Kind> & { factKind: Kind };
/** Any document of `facts`. */
export type FactDoc = { [Kind in FactTypeName]: FactOf<Kind> }[FactTypeName];

/**
 * Every kind's fields in one property list (RxDB closes a collection's schema: a field it does
 * not list is refused). A field two kinds define differently is left open here; the server
 * still validates each kind with its own schema at its door.
 */
function unionOfKinds(): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const kind of FACT_TYPE_NAMES) {
    for (const [field, schema] of Object.entries(documentTypeSpec(kind).schema.properties)) {
      const seen = properties[field];
      properties[field] =
        seen === undefined || JSON.stringify(seen) === JSON.stringify(schema)
          ? schema
          : { description: 'differs by kind: checked by the server' };
    }
  }
  return properties;
}

/**
 * The collection RxDB stores: the kinds' fields, `factKind`, and only `id` and `factKind`
 * required (each kind's own required fields are checked at the server's door). The kinds' fields
 * and schema versions are its content, so changing a kind's schema changes this one too, and the
 * pinned-version test asks for an upgrade of `facts` (docs/DATA.md, "Changing a schema").
 */
export const factsSchema: DocumentSchema = {
  title: 'register facts',
  description: `Kinds: ${FACT_TYPE_NAMES.map(
    (name) => `${name} v${documentTypeSpec(name).schema.version}`,
  ).join(', ')}.`,
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...unionOfKinds(),
    factKind: { type: 'string', maxLength: 32, enum: FACT_TYPE_NAMES },
  },
  required: ['id', 'factKind'],
  indexes: ['factKind'],
};

/** `doc` as `facts` keeps it. */
export function asFact<Kind extends FactTypeName>(kind: Kind, doc: DocumentOf<Kind>): FactOf<Kind> {
  return { ...doc, factKind: kind };
}

/** A document of `facts` as its kind's own schema has it (what the server stores). */
export function fromFact<Kind extends FactTypeName>(fact: FactOf<Kind>): DocumentOf<Kind> {
  const { factKind: _kind, ...doc } = fact;
  return doc as unknown as DocumentOf<Kind>;
}

export { FACTS_COLLECTION };
