/**
 * Schema versions of the register's replica. Every collection is created with its schema's
 * upgrades (src/documents/document-upgrades.ts) as RxDB migration strategies, and the stored
 * documents are upgraded right after the collections open, before replication starts.
 *
 * RxDB copies an old version's documents into the new version's storage and removes the old
 * storage only once every document made it, keeping each document's last-write time and the
 * replication checkpoints: a sale not yet pushed is still waiting to push afterwards, and a
 * sale pushed already is not sent again. If an upgrade fails, the old storage stays as it was,
 * the replica is closed and start-up stops with a ReplicaMigrationError on screen; the next
 * start (or the next app version) tries again.
 */
import {
  addRxPlugin,
  getAllCollectionDocuments,
  getPrimaryKeyOfInternalDocument,
  getSingleDocument,
  INTERNAL_CONTEXT_MIGRATION_STATUS,
  writeSingle,
} from 'rxdb';
import type {
  MigrationStrategies,
  RxCollection,
  RxCollectionCreator,
  RxDatabase,
  RxDocument,
  RxJsonSchema,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  asFact,
  DOCUMENT_UPGRADES,
  documentTypeSpec,
  FACT_TYPE_NAMES,
  FACTS_COLLECTION,
  upgradeProblems,
  upgradesFor,
} from '../../src/documents';
import type { DocumentOf, FactTypeName } from '../../src/documents';
import type { DocumentSchema, DocumentUpgrades, StoredDocument } from '../../src/documents';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** Documents upgraded per write: a register may hold 100,000 products. */
const MIGRATION_BATCH_SIZE = 200;

export interface ReplicaSchema {
  /** The collection's name on the register. */
  name: string;
  schema: DocumentSchema;
  upgrades: DocumentUpgrades;
}

/** The schema and upgrades of each collection: the app's own, or a test's variant. */
export function replicaSchemas(
  specs: readonly { name: string; schema: DocumentSchema }[],
  upgradeTable: Readonly<Record<string, DocumentUpgrades>> = DOCUMENT_UPGRADES,
): ReplicaSchema[] {
  return specs.map((spec) => ({
    name: spec.name,
    schema: spec.schema,
    upgrades: upgradesFor(spec.schema, upgradeTable),
  }));
}

/**
 * RxDB's collection creators. Throws before any collection opens when a schema's version has no
 * upgrade: RxDB would otherwise fail half-way, at the first old document it meets.
 */
export function collectionCreators(
  schemas: readonly ReplicaSchema[],
): Record<string, RxCollectionCreator> {
  const problems = schemas.flatMap((entry) => upgradeProblems(entry.schema, entry.upgrades));
  if (problems.length > 0) {
    throw new Error(`The replica's schema upgrades are incomplete: ${problems.join('; ')}.`);
  }
  const creators: Record<string, RxCollectionCreator> = {};
  for (const entry of schemas) {
    const migrationStrategies: MigrationStrategies = {};
    for (const [version, upgrade] of Object.entries(entry.upgrades)) {
      migrationStrategies[Number(version)] = (doc: StoredDocument) => upgrade(doc);
    }
    creators[entry.name] = {
      // The same schema object the sync-server validates with; RxDB reads the subset it knows.
      schema: structuredClone(entry.schema) as unknown as RxJsonSchema<unknown>,
      migrationStrategies,
      // migrateReplica upgrades them one collection after the other, with a clear error.
      autoMigrate: false,
    };
  }
  return creators;
}

/** An upgrade of the stored documents failed; they are still there, in their old version. */
export class ReplicaMigrationError extends Error {
  override readonly name = 'ReplicaMigrationError';
  constructor(
    readonly collection: string,
    readonly fromVersion: number | null,
    readonly toVersion: number,
    readonly reason: string,
  ) {
    const versions = `${fromVersion ?? '?'} → ${toVersion}`;
    super(
      `Không nâng cấp được dữ liệu trên máy (${collection}, phiên bản ${versions}). ` +
        'Dữ liệu cũ và các giao dịch chưa đồng bộ vẫn được giữ nguyên; quầy chưa đồng bộ. ' +
        'Hãy gọi hỗ trợ kỹ thuật. / ' +
        `The register's local data could not be upgraded (${collection}, version ${versions}). ` +
        'The old data and the sales not yet synced are kept as they were, and nothing was ' +
        `synced. Call support. Cause: ${reason}`,
    );
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // RxDB's DM4 carries the strategy's own error in its parameters.
  const { code, parameters } = error as {
    code?: string;
    parameters?: { error?: { message?: string } };
  };
  const inner = parameters?.error?.message;
  if (inner) return code ? `${code}: ${inner}` : inner;
  return error.message.split('\n').find((text) => text.trim()) ?? String(code);
}

async function storedVersion(collection: RxCollection): Promise<number | null> {
  const meta = await collection.getMigrationState().oldCollectionMeta;
  return meta?.data.schema.version ?? null;
}

/**
 * RxDB keeps a failed upgrade's status, and the next attempt at the same version reads that old
 * ERROR and gives up before trying. So a failed status is set back to running before the
 * collections open (each one reads its status once, when it is created).
 */
export async function forgetFailedUpgrades(
  database: RxDatabase,
  schemas: readonly ReplicaSchema[],
): Promise<void> {
  for (const entry of schemas) {
    if (entry.schema.version === 0) continue;
    const id = getPrimaryKeyOfInternalDocument(
      `${entry.name}-v-${entry.schema.version}`,
      INTERNAL_CONTEXT_MIGRATION_STATUS,
    );
    const previous = await getSingleDocument(database.internalStore, id);
    const status = previous?.data as { status?: string; error?: unknown } | undefined;
    if (!previous || status?.status !== 'ERROR') continue;
    const { error: _error, ...rest } = status;
    await writeSingle(
      database.internalStore,
      {
        previous,
        document: {
          ...previous,
          data: { ...rest, status: 'RUNNING', count: { total: 0, handled: 0, percent: 0 } },
        },
      },
      INTERNAL_CONTEXT_MIGRATION_STATUS,
    );
  }
}

/**
 * Opens the replica's collections and upgrades what they hold, before anything reads or
 * replicates it. Throws a ReplicaMigrationError (with the database closed) when an upgrade fails.
 */
export async function addReplicaCollections(
  database: RxDatabase,
  schemas: readonly ReplicaSchema[],
): Promise<void> {
  await forgetFailedUpgrades(database, schemas);
  // Fact kinds a replica still keeps in collections of their own move into `facts` first.
  await moveFactsOfOldReplica(database, schemas);
  const creators = collectionCreators(
    schemas.filter((entry) => database.collections[entry.name] === undefined),
  );
  await database.addCollections(creators);
  await migrateReplica(database);
}

/**
 * Upgrades every collection whose stored documents are of an older schema version. On a
 * failure it closes the database (nothing may write to a half-upgraded collection, and
 * replication must not start) and throws a ReplicaMigrationError.
 */
export async function migrateReplica(
  database: RxDatabase,
  collections: readonly RxCollection[] = Object.values<RxCollection>(database.collections),
  log: Pick<Console, 'info'> = console,
): Promise<void> {
  for (const collection of collections) {
    if (!(await collection.migrationNeeded())) continue;
    const toVersion = collection.schema.version;
    const fromVersion = await storedVersion(collection);
    const started = Date.now();
    log.info(`Replica: upgrading ${collection.name} from version ${fromVersion} to ${toVersion}.`);
    try {
      const status = (await collection.migratePromise(MIGRATION_BATCH_SIZE)) as {
        count?: { total?: number };
      };
      log.info(
        `Replica: ${collection.name} is at version ${toVersion} ` +
          `(${status.count?.total ?? 0} documents, ${Date.now() - started} ms).`,
      );
    } catch (error) {
      await database.close();
      throw new ReplicaMigrationError(collection.name, fromVersion, toVersion, reasonOf(error));
    }
  }
}

/**
 * A replica from before the `facts` collection (docs/DATA.md, "Room under the collection limit")
 * keeps pickups and cash moves in collections of their own. Before the other collections open,
 * those are opened (and upgraded) once more, their documents copied into `facts` with their kind,
 * and then removed. A copied document the server lacks is pushed by the kind's new replication,
 * which starts from no checkpoint; one the server holds is left as it is. Any failure leaves the
 * old collections as they were and stops start-up, as a failed upgrade does.
 */
async function moveFactsOfOldReplica(
  database: RxDatabase,
  schemas: readonly ReplicaSchema[],
): Promise<void> {
  const facts = schemas.find((entry) => entry.name === FACTS_COLLECTION);
  if (!facts) return;
  const opened = new Set(schemas.map((entry) => entry.name));
  const stored = new Set(
    (await getAllCollectionDocuments(database.internalStore)).map((doc) => doc.data.name),
  );
  const kinds = FACT_TYPE_NAMES.filter((kind) => stored.has(kind) && !opened.has(kind));
  if (kinds.length === 0) return;
  const old = replicaSchemas(
    kinds.map((kind) => ({ name: kind, schema: documentTypeSpec(kind).schema })),
  );
  await database.addCollections(collectionCreators([...old, facts]));
  const oldCollections = kinds.map((kind) => database.collections[kind] as RxCollection);
  await migrateReplica(database, oldCollections);
  const target = database.collections[FACTS_COLLECTION] as RxCollection;
  try {
    for (const [index, kind] of kinds.entries()) {
      await copyInto(target, kind, oldCollections[index] as RxCollection);
    }
  } catch (error) {
    await database.close();
    throw new ReplicaMigrationError(FACTS_COLLECTION, null, facts.schema.version, reasonOf(error));
  }
  for (const collection of oldCollections) await collection.remove();
  console.info(`Replica: ${kinds.join(' and ')} moved into ${FACTS_COLLECTION}.`);
}

async function copyInto(
  target: RxCollection,
  kind: FactTypeName,
  from: RxCollection<DocumentOf<FactTypeName>>,
): Promise<void> {
  const docs: RxDocument<DocumentOf<FactTypeName>>[] = await from.find().exec();
  for (let start = 0; start < docs.length; start += MIGRATION_BATCH_SIZE) {
    const batch = docs
      .slice(start, start + MIGRATION_BATCH_SIZE)
      .map((doc) => asFact(kind, doc.toJSON() as DocumentOf<FactTypeName>));
    const { error } = await target.bulkUpsert(batch);
    if (error.length > 0) throw new Error(`${error.length} ${kind} could not be copied`);
  }
  const copied = await target.count({ selector: { factKind: kind } }).exec();
  if (copied < docs.length) throw new Error(`${kind}: ${copied} of ${docs.length} copied`);
}
