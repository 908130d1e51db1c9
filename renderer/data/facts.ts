/**
 * Reading and writing fact kinds in the register's `facts` collection (src/documents/fact.ts):
 * callers name the kind and get its own documents, without the `factKind` the collection adds.
 */
import { useMemo } from 'react';
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import { asFact, fromFact } from '../../src/documents';
import type { FactOf } from '../../src/documents';
import type { DocumentOf, FactTypeName } from '../../src/documents/registry';
import { useLiveDocs } from '../platform/use-live-docs';
import type { ReplicaDatabase } from './database';

/** `facts` seen as one kind's collection: every query through it selects that kind. */
function kindCollection<Kind extends FactTypeName>(
  db: ReplicaDatabase,
): RxCollection<FactOf<Kind>> {
  return db.facts as unknown as RxCollection<FactOf<Kind>>;
}

/** The documents of one kind matching `selector`. */
export async function findFacts<Kind extends FactTypeName>(
  db: ReplicaDatabase,
  kind: Kind,
  selector: Record<string, unknown> = {},
): Promise<DocumentOf<Kind>[]> {
  const query = { selector: { ...selector, factKind: kind } as MangoQuerySelector<FactOf<Kind>> };
  const docs = await kindCollection<Kind>(db).find(query).exec();
  return docs.map((doc) => fromFact(doc.toJSON() as FactOf<Kind>));
}

/** Stores a new fact of one kind; it replicates to that kind's server database. */
export async function insertFact<Kind extends FactTypeName>(
  db: ReplicaDatabase,
  kind: Kind,
  doc: DocumentOf<Kind>,
): Promise<void> {
  await kindCollection<Kind>(db).insert(asFact(kind, doc));
}

/** The documents of one kind matching `selector`, kept current (platform/use-live-docs.ts). */
export function useLiveFacts<Kind extends FactTypeName>(
  db: ReplicaDatabase,
  kind: Kind,
  selector: Record<string, unknown> = {},
): DocumentOf<Kind>[] {
  const facts = useLiveDocs(kindCollection<Kind>(db), { ...selector, factKind: kind });
  return useMemo(() => facts.map((fact) => fromFact(fact)), [facts]);
}
