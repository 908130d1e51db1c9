/**
 * The register's collections as they were before the `facts` collection: pickups and cash moves
 * in collections of their own, in registry order (docs/DATA.md, "Room under the collection
 * limit"). For the tests of the replica upgrade.
 */
import { COLLECTIONS } from '../../../../renderer/data/collections';
import { documentTypeSpec, FACT_TYPE_NAMES } from '../../../../src/documents';
import type { DocumentSchema } from '../../../../src/documents';

export function collectionsBeforeFacts(): { name: string; schema: DocumentSchema }[] {
  return COLLECTIONS.flatMap((spec): { name: string; schema: DocumentSchema }[] =>
    spec.name === 'facts'
      ? FACT_TYPE_NAMES.map((kind) => ({ name: kind, schema: documentTypeSpec(kind).schema }))
      : [spec],
  );
}
