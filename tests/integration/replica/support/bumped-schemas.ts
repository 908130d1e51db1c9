/**
 * A "next app version" of the replica for the schema-migration tests: the shift and sale
 * schemas one version past the shipped ones, each with one new optional field and its upgrade, the rest as shipped.
 * Test-only: the shipped schemas stay at their own versions.
 */
import { COLLECTIONS } from '../../../../renderer/data/collections';
import { replicaSchemas } from '../../../../renderer/data/migrations';
import type { ReplicaSchema } from '../../../../renderer/data/migrations';
import { DOCUMENT_UPGRADES, saleSchema, shiftSchema } from '../../../../src/documents';
import type { DocumentSchema, DocumentUpgrade, DocumentUpgrades } from '../../../../src/documents';

export function withOptionalField(schema: DocumentSchema, field: string): DocumentSchema {
  return {
    ...schema,
    version: schema.version + 1,
    properties: { ...schema.properties, [field]: { type: 'string', maxLength: 64 } },
  };
}

/** The shift's new `drawerId` defaults to its register; one already there is left alone. */
export const fillDrawerId: DocumentUpgrade = (doc) =>
  doc.drawerId === undefined ? { ...doc, drawerId: doc.registerId } : doc;

/** A new optional field needs no change to the documents already stored. */
export const unchanged: DocumentUpgrade = (doc) => doc;

export function nextVersionSchemas(
  upgrades: { shift?: DocumentUpgrade; sale?: DocumentUpgrade } = {},
): ReplicaSchema[] {
  const bumped = new Map<string, DocumentSchema>([
    ['shifts', withOptionalField(shiftSchema, 'drawerId')],
    ['sales', withOptionalField(saleSchema, 'receiptEmail')],
  ]);
  const table: Record<string, DocumentUpgrades> = {
    ...DOCUMENT_UPGRADES,
    [shiftSchema.title]: {
      ...DOCUMENT_UPGRADES[shiftSchema.title],
      [shiftSchema.version + 1]: upgrades.shift ?? fillDrawerId,
    },
    [saleSchema.title]: {
      ...DOCUMENT_UPGRADES[saleSchema.title],
      [saleSchema.version + 1]: upgrades.sale ?? unchanged,
    },
  };
  return replicaSchemas(
    COLLECTIONS.map((spec) => ({ name: spec.name, schema: bumped.get(spec.name) ?? spec.schema })),
    table,
  );
}

/** The shipped schemas with one changed but its version left as it was: the bricking mistake. */
export function changedWithoutBump(): ReplicaSchema[] {
  return replicaSchemas(
    COLLECTIONS.map((spec) =>
      spec.name === 'shifts'
        ? { name: spec.name, schema: { ...withOptionalField(spec.schema, 'drawerId'), version: 0 } }
        : spec,
    ),
  );
}
