/**
 * The document registry: one entry per replicated document type, the only place that says where
 * a type lives and who may write it. The sync-server's database layout, its schema map and its
 * write-policy tables, and the register's collections, are computed from it (docs/DATA.md,
 * "Adding a document type"), so they cannot disagree. The rules that look inside a document (the
 * push checks, src/ domain problems) stay beside their domain; this says which ones apply.
 */
import { cashMoveSchema } from './cash-move';
import type { CashMoveDoc } from './cash-move';
import { auditEntrySchema } from './audit-entry';
import type { AuditEntryDoc } from './audit-entry';
import { customerSchema } from './customer';
import type { CustomerDoc } from './customer';
import type { DocumentSchema } from './json-schema';
import { loyaltyEntrySchema } from './loyalty-entry';
import type { LoyaltyEntryDoc } from './loyalty-entry';
import { parkedSaleSchema } from './parked-sale';
import type { ParkedSaleDoc } from './parked-sale';
import { pickupSchema } from './pickup';
import type { PickupDoc } from './pickup';
import { productSchema } from './product';
import type { ProductDoc } from './product';
import { returnSchema } from './return';
import type { ReturnDoc } from './return';
import { saleSchema } from './sale';
import type { SaleDoc } from './sale';
import { shiftSchema } from './shift';
import type { ShiftDoc } from './shift';
import { staffSchema } from './staff';
import type { StaffDoc } from './staff';
import { stockMoveSchema } from './stock-move';
import type { StockMoveDoc } from './stock-move';
import { storeSettingsSchema } from './store-settings';
import type { StoreSettingsDoc } from './store-settings';
import { webOrderSchema } from './web-order';
import type { WebOrderDoc } from './web-order';

/**
 * RxDB's free tier keeps 13 collections open per process without waiting (a 14th waits about
 * 2 s, a 15th fails with COL23; STACK.md). Every register collection counts.
 */
export const REGISTER_COLLECTION_LIMIT = 13;

/** `shared`: one server database for the chain. `store`: one per store, `<name>-<storeId>`. */
export type DocumentScope = 'shared' | 'store';

/**
 * What an enrolled register may push through /db (the admin may push anything): nothing, new
 * documents only, or new documents and changes the immutability rule allows.
 */
export type DeviceWrites = 'none' | 'create' | 'any';

/** A stored document, as the write policy sees it. */
export type StoredFields = Readonly<Record<string, unknown>>;

/**
 * Whether a stored document may still change (ARCHITECTURE.md rule 2): never (`true`), always
 * (`false`), or decided by the stored version (a shift changes until it is closed).
 */
export type Immutability = boolean | ((stored: StoredFields) => boolean);

/** How the register keeps a type: one RxDB collection, named like the type. */
export interface ReplicaSpec {
  /** `pull`: the server writes, the register reads. `both`: the register writes too. */
  direction: 'pull' | 'both';
  /** Documents per pull request: larger for big shared collections (STACK.md: about 2x faster). */
  pullBatchSize: number;
  /**
   * The server may not have this database yet (a newer register against an older server): the
   * register asks first and keeps the documents local until it does.
   */
  mayBeMissingOnServer?: boolean;
  /**
   * Kept in the register's one `facts` collection with other kinds instead of a collection of its
   * own (docs/DATA.md, "Room under the collection limit"): for per-store facts the register writes
   * once. Its server database, schema and push check are its own as for any type.
   */
  inFacts?: true;
}

/** The register collection shared by the fact kinds (`replica.inFacts`). */
export const FACTS_COLLECTION = 'facts';

/**
 * In a shared database, the field naming the store a device's document belongs to, which must be
 * the device's own (per-store databases check `storeId` against the database name instead).
 * `required`: the field must be there; otherwise it is checked only when present.
 */
export interface DeviceStoreField {
  path: readonly [string, ...string[]];
  required: boolean;
}

export interface DocumentTypeSpec {
  scope: DocumentScope;
  /** The same object RxDB gets on the register and the validator at the server's door. */
  schema: DocumentSchema;
  deviceWrites: DeviceWrites;
  immutable: Immutability;
  deviceStoreField?: DeviceStoreField;
  /**
   * The server re-derives a device's document before accepting it, in a push check
   * (sync-server/gate/push-checks/, PUSH_CHECKS). `false` for a type devices write means the server
   * trusts its content beyond the schema and the rules above: say why beside the entry.
   */
  pushCheck: boolean;
  /** The register's collection, or null when the register keeps no replica of it. */
  replica: ReplicaSpec | null;
  /** How ids start (`timeOrderedId(prefix…)` or the natural key), for docs and checks. */
  idPrefix: string;
}

declare const documentOfType: unique symbol;

/** A registry entry carrying its document's TypeScript type (for the register's collections). */
export type DocumentTypeEntry<Doc, Spec extends DocumentTypeSpec = DocumentTypeSpec> = Spec & {
  readonly [documentOfType]?: Doc;
};

function documentType<Doc>() {
  return <const Spec extends DocumentTypeSpec>(spec: Spec): DocumentTypeEntry<Doc, Spec> => spec;
}

const pullShared = (pullBatchSize: number): ReplicaSpec => ({ direction: 'pull', pullBatchSize });
const perStore: ReplicaSpec = { direction: 'both', pullBatchSize: 200 };

/**
 * Every document type, in the order the register opens and replicates them. Adding one is an
 * entry here, its schema (and upgrades) in src/documents, its push check if devices write it,
 * and the docs: docs/DATA.md, "Adding a document type".
 */
export const DOCUMENT_TYPES = {
  products: documentType<ProductDoc>()({
    scope: 'shared',
    schema: productSchema,
    deviceWrites: 'none',
    pushCheck: false,
    immutable: false,
    replica: { direction: 'pull', pullBatchSize: 500 },
    idPrefix: 'prod_',
  }),
  staff: documentType<StaffDoc>()({
    scope: 'shared',
    schema: staffSchema,
    deviceWrites: 'none',
    pushCheck: false,
    immutable: false,
    replica: pullShared(100),
    idPrefix: 'staff_',
  }),
  settings: documentType<StoreSettingsDoc>()({
    scope: 'shared',
    schema: storeSettingsSchema,
    deviceWrites: 'none',
    pushCheck: false,
    immutable: false,
    replica: pullShared(100),
    idPrefix: 'store_',
  }),
  customers: documentType<CustomerDoc>()({
    scope: 'shared',
    schema: customerSchema,
    // Registers create profiles at the counter; changes are the server's.
    deviceWrites: 'create',
    pushCheck: true,
    immutable: false,
    deviceStoreField: { path: ['origin', 'storeId'], required: false },
    replica: { direction: 'both', pullBatchSize: 500 },
    idPrefix: 'cust_',
  }),
  loyalty: documentType<LoyaltyEntryDoc>()({
    scope: 'shared',
    schema: loyaltyEntrySchema,
    deviceWrites: 'any',
    pushCheck: true,
    immutable: true,
    deviceStoreField: { path: ['storeId'], required: true },
    replica: { direction: 'both', pullBatchSize: 500 },
    idPrefix: 'loy_',
  }),
  orders: documentType<WebOrderDoc>()({
    scope: 'store',
    schema: webOrderSchema,
    deviceWrites: 'none',
    pushCheck: false,
    immutable: false,
    replica: { direction: 'pull', pullBatchSize: 200 },
    idPrefix: 'ord_',
  }),
  sales: documentType<SaleDoc>()({
    scope: 'store',
    schema: saleSchema,
    deviceWrites: 'any',
    pushCheck: true,
    immutable: true,
    replica: perStore,
    idPrefix: 'sale_',
  }),
  returns: documentType<ReturnDoc>()({
    scope: 'store',
    schema: returnSchema,
    deviceWrites: 'any',
    pushCheck: true,
    immutable: true,
    replica: perStore,
    idPrefix: 'ret_',
  }),
  stock: documentType<StockMoveDoc>()({
    scope: 'store',
    schema: stockMoveSchema,
    deviceWrites: 'any',
    pushCheck: true,
    immutable: true,
    replica: perStore,
    idPrefix: 'stk_',
  }),
  shifts: documentType<ShiftDoc>()({
    scope: 'store',
    schema: shiftSchema,
    deviceWrites: 'any',
    // Not re-derived yet: the counted cash is the register's word (docs/DATA.md, known gaps).
    pushCheck: false,
    // Written at opening and at closing; history once closed.
    immutable: (stored) => stored.status === 'closed',
    replica: perStore,
    idPrefix: 'shift_',
  }),
  pickups: documentType<PickupDoc>()({
    scope: 'store',
    schema: pickupSchema,
    deviceWrites: 'any',
    pushCheck: true,
    immutable: true,
    replica: { ...perStore, inFacts: true },
    idPrefix: 'pick_',
  }),
  cashmoves: documentType<CashMoveDoc>()({
    scope: 'store',
    schema: cashMoveSchema,
    deviceWrites: 'any',
    // Not re-derived yet: the amount is the register's word (docs/DATA.md, known gaps).
    pushCheck: false,
    immutable: true,
    replica: { ...perStore, inFacts: true },
    idPrefix: 'cash_',
  }),
  parked: documentType<ParkedSaleDoc>()({
    scope: 'store',
    schema: parkedSaleSchema,
    deviceWrites: 'any',
    // A parked cart is not a fact: the sale that resumes it is checked when pushed.
    pushCheck: false,
    // A parked sale changes once: resumed or discarded, then it is history.
    immutable: (stored) => stored.status !== 'parked',
    // Replicated so another register of the same store can resume it.
    replica: { ...perStore, mayBeMissingOnServer: true },
    idPrefix: 'park_',
  }),
  audit: documentType<AuditEntryDoc>()({
    scope: 'store',
    schema: auditEntrySchema,
    deviceWrites: 'any',
    // A record of what happened at the till, kept as the register wrote it.
    pushCheck: false,
    immutable: true,
    // Pushed by plain PUTs from an outbox in the replica's local documents: no collection slot.
    replica: null,
    idPrefix: 'audit_',
  }),
} as const;

type Types = typeof DOCUMENT_TYPES;
export type DocumentTypeName = keyof Types;
/** The TypeScript type of a registered type's documents. */
export type DocumentOf<Name extends DocumentTypeName> = NonNullable<
  Types[Name][typeof documentOfType]
>;
export type SharedTypeName = {
  [Name in DocumentTypeName]: Types[Name]['scope'] extends 'shared' ? Name : never;
}[DocumentTypeName];
export type StoreTypeName = Exclude<DocumentTypeName, SharedTypeName>;
/** The types the register keeps a collection of. */
export type ReplicatedTypeName = {
  [Name in DocumentTypeName]: Types[Name]['replica'] extends null ? never : Name;
}[DocumentTypeName];

/** The types kept in the register's `facts` collection. */
export type FactTypeName = {
  [Name in DocumentTypeName]: Types[Name]['replica'] extends { inFacts: true } ? Name : never;
}[DocumentTypeName];
/** The register's collections: one per replicated type, and `facts` for the fact kinds. */
export type RegisterCollectionName =
  Exclude<ReplicatedTypeName, FactTypeName> | typeof FACTS_COLLECTION;

export const DOCUMENT_TYPE_NAMES = Object.keys(DOCUMENT_TYPES) as readonly DocumentTypeName[];

/** The registry's entry of a type, seen through the common shape. */
export function documentTypeSpec(name: DocumentTypeName): DocumentTypeSpec {
  return DOCUMENT_TYPES[name];
}

/** Whether a stored document of this type may no longer change (for anyone but the admin). */
export function isStoredImmutable(name: DocumentTypeName, stored: StoredFields): boolean {
  const { immutable } = documentTypeSpec(name);
  return typeof immutable === 'function' ? immutable(stored) : immutable;
}

/** Types whose every stored document is a fact written once. */
export function alwaysImmutableTypes(): DocumentTypeName[] {
  return DOCUMENT_TYPE_NAMES.filter((name) => documentTypeSpec(name).immutable === true);
}

/** What is wrong with a registry: checked by a test, so a bad entry never ships. */
export function registryProblems(types: Readonly<Record<string, DocumentTypeSpec>>): string[] {
  const problems: string[] = [];
  const titles = new Map<string, string>();
  const collections = new Set<string>();
  for (const [name, spec] of Object.entries(types)) {
    // Store databases are `<name>-<storeId>`: a dash in the name would make them ambiguous.
    if (!/^[a-z]+$/.test(name)) problems.push(`${name}: a type name is lower-case letters only`);
    const other = titles.get(spec.schema.title);
    if (other) problems.push(`${name}: schema title "${spec.schema.title}" is ${other}'s too`);
    titles.set(spec.schema.title, name);
    if (!/^[a-z]+_$/.test(spec.idPrefix)) problems.push(`${name}: id prefix must look like "x_"`);
    if (spec.replica) {
      collections.add(spec.replica.inFacts ? FACTS_COLLECTION : name);
      if (spec.replica.inFacts) problems.push(...factKindProblems(name, spec));
      if (spec.replica.direction === 'both' && spec.deviceWrites === 'none') {
        problems.push(`${name}: the register pushes it but devices may not write it`);
      }
      if (spec.replica.direction === 'pull' && spec.deviceWrites !== 'none') {
        problems.push(`${name}: devices may write it but the register only pulls it`);
      }
    }
    if (spec.pushCheck && spec.deviceWrites === 'none') {
      problems.push(`${name}: a push check for a type devices may not write never runs`);
    }
    if (spec.deviceStoreField && spec.scope !== 'shared') {
      problems.push(`${name}: a store database checks storeId itself; drop deviceStoreField`);
    }
    if (spec.scope === 'shared' && spec.deviceWrites !== 'none' && !spec.deviceStoreField) {
      problems.push(`${name}: devices write a shared database, so name their store's field`);
    }
  }
  if (collections.size > REGISTER_COLLECTION_LIMIT) {
    problems.push(
      `the register would open ${collections.size} collections, past RxDB's free-tier limit of ${REGISTER_COLLECTION_LIMIT}`,
    );
  }
  return problems;
}

/**
 * A fact kind shares one register collection with the others: it must be a store's document the
 * register writes once and pushes, so no replica ever needs to change or merge one.
 */
function factKindProblems(name: string, spec: DocumentTypeSpec): string[] {
  const problems: string[] = [];
  if (spec.scope !== 'store') problems.push(`${name}: a fact kind lives in a store's database`);
  if (spec.immutable !== true) problems.push(`${name}: a fact kind is written once (immutable)`);
  if (spec.replica?.direction !== 'both') problems.push(`${name}: the register pushes a fact kind`);
  if (spec.replica?.mayBeMissingOnServer) {
    problems.push(`${name}: a fact kind's database is one every server has`);
  }
  return problems;
}
