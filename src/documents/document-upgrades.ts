/**
 * How a stored document written under an older version of its schema becomes one of the current
 * version. A register keeps its replica across app updates: when a schema changes, its `version`
 * goes up by one and an upgrade for that version is added here, and the register's replica
 * upgrades its stored documents at start-up, before replication (renderer/data/migrations.ts).
 * The rules for changing a schema are in docs/DATA.md ("Changing a schema").
 */
import type { DocumentSchema } from './json-schema';

export type StoredDocument = Record<string, unknown>;

/**
 * Turns a document of version `n - 1` into version `n`. Pure, and never drops a document: a
 * register may hold sales the server has not seen yet. It must leave alone a field that is
 * already there: a register still on the older version stores what the server sends it as is,
 * new fields included.
 */
export type DocumentUpgrade = (doc: StoredDocument) => StoredDocument;

/** Keyed by the version each upgrade produces: 1, 2 … up to the schema's `version`. */
export type DocumentUpgrades = Readonly<Record<number, DocumentUpgrade>>;

/**
 * Every schema's upgrades, keyed by the schema's `title`. Example, for a shift schema at
 * version 1 that added an optional `drawerId`:
 *
 *   shift: { 1: (doc) => doc },  // an optional field needs no change to old documents
 */
export const DOCUMENT_UPGRADES: Readonly<Record<string, DocumentUpgrades>> = {
  // 1: low-stock thresholds (`stock`) and the store's own `quickKeys`, both optional: a store
  // without them uses the default threshold and the catalog's quick keys.
  // 2: the store's optional `timeZone`; absent, src/store-clock reads Asia/Ho_Chi_Minh, so old
  // documents stay as the server wrote them (the server alone writes settings).
  // 3: the optional `bankTransfer` account (VietQR); absent, the store takes no bank transfers.
  // 4: a tax category's optional `kind` and dated `changes`; absent, it is a rate that never
  // changes, which is what every older category was (docs/TAX.md).
  // 5: the transfer account's optional `bankName`; absent, screens and bills show the BIN.
  // 6: the optional `einvoice` section; absent, the store issues no e-invoices.
  'store settings': {
    1: (doc) => doc,
    2: (doc) => doc,
    3: (doc) => doc,
    4: (doc) => doc,
    5: (doc) => doc,
    6: (doc) => doc,
  },
  // 1: the pickup's optional `shiftId` and `tenders` (how the balance was paid, for the shift).
  pickup: { 1: (doc) => doc },
  // 1: the bank-transfer tender (VietQR) and its optional fields; older sales have none.
  // 2: the optional receipt number (`receiptNumber`, `receiptSeq`): a sale made before it keeps
  // none (numbers are never made up afterwards: they would not be those printed).
  sale: { 1: (doc) => doc, 2: (doc) => doc },
  // 1: a member's `pin` may be a device-keyed verifier (what registers now receive); a replica's
  // older members keep their hash until the server sends the member again (docs/SECURITY.md).
  staff: { 1: (doc) => doc },
};

export function upgradesFor(
  schema: DocumentSchema,
  table: Readonly<Record<string, DocumentUpgrades>> = DOCUMENT_UPGRADES,
): DocumentUpgrades {
  return table[schema.title] ?? {};
}

/** What is wrong with a schema's upgrades: a version without its upgrade, or one too many. */
export function upgradeProblems(schema: DocumentSchema, upgrades: DocumentUpgrades): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(schema.version) || schema.version < 0) {
    problems.push(`${schema.title}: version ${schema.version} is not a whole number ≥ 0`);
    return problems;
  }
  for (let version = 1; version <= schema.version; version++) {
    if (typeof upgrades[version] !== 'function') {
      problems.push(`${schema.title}: no upgrade to version ${version}`);
    }
  }
  for (const key of Object.keys(upgrades)) {
    const version = Number(key);
    if (!Number.isSafeInteger(version) || version < 1 || version > schema.version) {
      problems.push(
        `${schema.title}: an upgrade to version ${key}, past version ${schema.version}`,
      );
    }
  }
  return problems;
}

/** A document of `fromVersion` run through every upgrade up to the schema's version. */
export function upgradeDocument(
  doc: StoredDocument,
  fromVersion: number,
  schema: DocumentSchema,
  upgrades: DocumentUpgrades,
): StoredDocument {
  let current = doc;
  for (let version = fromVersion + 1; version <= schema.version; version++) {
    const upgrade = upgrades[version];
    if (!upgrade) throw new Error(`${schema.title}: no upgrade to version ${version}`);
    current = upgrade(current);
  }
  return current;
}
