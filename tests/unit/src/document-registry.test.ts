/**
 * The document registry (src/documents/registry.ts) is the one place a document type is declared;
 * the server's layout, schemas and write-policy tables and the register's collections are
 * computed from it. These pins are the values from before the registry existed: deriving them
 * must change nothing a register or the server can observe.
 */
import { readFileSync } from 'node:fs';
import type { RxCollection } from 'rxdb';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COLLECTIONS } from '../../../renderer/data/collections';
import type { ReplicaCollections } from '../../../renderer/data/database';
import type { Principal } from '../../../sync-server/access/auth';
import { COLLECTION_SCHEMAS } from '../../../sync-server/storage/collection-schemas';
import {
  KNOWN_DATABASES_HINT,
  parseDatabaseName,
  SHARED_COLLECTIONS,
  STORE_COLLECTIONS,
  storeDatabaseNames,
} from '../../../sync-server/storage/database-layout';
import type { Collection } from '../../../sync-server/storage/database-layout';
import type { DocumentValidator } from '../../../sync-server/gate/document-validator';
import { PUSH_CHECKS } from '../../../sync-server/gate/push-checks/push-checks';
import { decideWrite, IMMUTABLE_FACTS } from '../../../sync-server/gate/write-policy';
import * as documents from '../../../src/documents';
import type { DocumentTypeSpec } from '../../../src/documents';
import { DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES, registryProblems } from '../../../src/documents';

const ALL: readonly Collection[] = [...SHARED_COLLECTIONS, ...STORE_COLLECTIONS];
const device: Principal = { kind: 'device', id: 'dev_1', storeId: 'hcm-q1', name: 'reg-01' };
const shop: Principal = { kind: 'shop', id: 'shop_1', name: 'web shop' };
/** Schema checks are the validator's business; these pins are about the tables. */
const anySchema = { validate: () => null } as unknown as DocumentValidator;

function databaseOf(collection: Collection) {
  const name = (SHARED_COLLECTIONS as readonly string[]).includes(collection)
    ? collection
    : `${collection}-hcm-q1`;
  const database = parseDatabaseName(name);
  if (!database) throw new Error(`${name} does not parse`);
  return database;
}

function decide(
  principal: Principal,
  collection: Collection,
  doc: Record<string, unknown>,
  current?: Record<string, unknown>,
) {
  return decideWrite(anySchema, {
    principal,
    database: databaseOf(collection),
    doc: { _id: 'x_1', storeId: 'hcm-q1', ...doc },
    current: current ? { _id: 'x_1', _rev: '1-a', storeId: 'hcm-q1', ...current } : undefined,
    settingsHistory: undefined,
  });
}

describe('the server database layout', () => {
  it('has the shared and per-store databases of docs/DATA.md, in order', () => {
    expect(SHARED_COLLECTIONS).toEqual(['products', 'staff', 'settings', 'customers', 'loyalty']);
    expect(STORE_COLLECTIONS).toEqual([
      'orders',
      'sales',
      'returns',
      'stock',
      'shifts',
      'pickups',
      'cashmoves',
      'parked',
      'audit',
    ]);
    expect(storeDatabaseNames('hcm-q1')).toEqual(
      STORE_COLLECTIONS.map((collection) => `${collection}-hcm-q1`),
    );
    expect(KNOWN_DATABASES_HINT).toBe(
      'Known databases: products, staff, settings, customers, loyalty, and orders-, sales-, returns-, stock-, shifts-, pickups-, cashmoves-, parked-, audit-<storeId>.',
    );
  });

  it('parses only layout names', () => {
    expect(parseDatabaseName('loyalty')).toEqual({
      kind: 'shared',
      name: 'loyalty',
      collection: 'loyalty',
    });
    expect(parseDatabaseName('audit-hcm-q1')).toEqual({
      kind: 'store',
      name: 'audit-hcm-q1',
      collection: 'audit',
      storeId: 'hcm-q1',
    });
    expect(parseDatabaseName('products-hcm-q1')).toBeNull();
    expect(parseDatabaseName('sales')).toBeNull();
    expect(parseDatabaseName('facts-hcm-q1')).toBeNull();
  });

  it('validates each database with the schema object the register uses', () => {
    expect(COLLECTION_SCHEMAS).toEqual({
      products: documents.productSchema,
      staff: documents.staffSchema,
      settings: documents.storeSettingsSchema,
      customers: documents.customerSchema,
      loyalty: documents.loyaltyEntrySchema,
      orders: documents.webOrderSchema,
      pickups: documents.pickupSchema,
      sales: documents.saleSchema,
      returns: documents.returnSchema,
      stock: documents.stockMoveSchema,
      shifts: documents.shiftSchema,
      cashmoves: documents.cashMoveSchema,
      parked: documents.parkedSaleSchema,
      audit: documents.auditEntrySchema,
    });
    for (const collection of ALL) {
      expect(COLLECTION_SCHEMAS[collection]).toBe(
        {
          products: documents.productSchema,
          staff: documents.staffSchema,
          settings: documents.storeSettingsSchema,
          customers: documents.customerSchema,
          loyalty: documents.loyaltyEntrySchema,
          orders: documents.webOrderSchema,
          pickups: documents.pickupSchema,
          sales: documents.saleSchema,
          returns: documents.returnSchema,
          stock: documents.stockMoveSchema,
          shifts: documents.shiftSchema,
          cashmoves: documents.cashMoveSchema,
          parked: documents.parkedSaleSchema,
          audit: documents.auditEntrySchema,
        }[collection],
      );
    }
  });
});

describe('the write policy tables', () => {
  it('lets devices write their facts, customers and loyalty entries, and nothing else', () => {
    const readOnly = ALL.filter((collection) => {
      const decision = decide(device, collection, {});
      return decision.kind === 'reject' && decision.code === 'read_only';
    });
    expect(readOnly).toEqual(['products', 'staff', 'settings', 'orders']);
  });

  it('lets a device create a customer but not change one', () => {
    const decision = decide(device, 'customers', { name: 'B' }, { name: 'A' });
    expect(decision).toMatchObject({ kind: 'reject', code: 'create_only' });
  });

  it('ties a device to its store: the database, a ledger entry, a customer origin', () => {
    expect(decide(device, 'sales', { storeId: 'hn-hk' })).toMatchObject({
      code: 'not_your_store',
    });
    expect(decide(device, 'loyalty', { storeId: 'hn-hk' })).toMatchObject({
      code: 'not_your_store',
    });
    expect(decide(device, 'customers', { origin: { storeId: 'hn-hk' } })).toMatchObject({
      code: 'not_your_store',
    });
    expect(decide(device, 'customers', { origin: { channel: 'store' } }).kind).toBe('write');
  });

  it('keeps facts immutable, a parked sale once resumed, a shift once closed', () => {
    const immutable = ALL.filter((collection) => {
      const decision = decide(shop, collection, { changed: 2 }, { changed: 1 });
      return decision.kind === 'reject' && decision.code === 'immutable';
    });
    expect(immutable).toEqual([
      'loyalty',
      'sales',
      'returns',
      'stock',
      'pickups',
      'cashmoves',
      // A stored parked sale without a status is not "parked" any more.
      'parked',
      'audit',
    ]);
    // The gate removes a losing branch of these on a CouchDB cluster.
    expect([...IMMUTABLE_FACTS].sort()).toEqual(
      ['sales', 'returns', 'loyalty', 'stock', 'pickups', 'cashmoves', 'audit'].sort(),
    );
    const status = (collection: Collection, stored: string) =>
      decide(shop, collection, { status: 'x' }, { status: stored }).kind;
    expect(status('parked', 'parked')).toBe('write');
    expect(status('parked', 'resumed')).toBe('reject');
    expect(status('shifts', 'open')).toBe('write');
    expect(status('shifts', 'closed')).toBe('reject');
  });
});

describe('the registry itself', () => {
  it('has no problems and fits the register collection limit', () => {
    expect(registryProblems(DOCUMENT_TYPES)).toEqual([]);
    expect(COLLECTIONS.length).toBeLessThanOrEqual(documents.REGISTER_COLLECTION_LIMIT - 1);
  });

  it('leaves room: the next fact kinds take no collection, and one slot is free', () => {
    const pickup = DOCUMENT_TYPES.pickups as DocumentTypeSpec;
    const sale = DOCUMENT_TYPES.sales as DocumentTypeSpec;
    const kind = (title: string, idPrefix: string): DocumentTypeSpec => ({
      ...pickup,
      schema: { ...pickup.schema, title },
      idPrefix,
    });
    const own = (title: string, idPrefix: string): DocumentTypeSpec => ({
      ...sale,
      schema: { ...sale.schema, title },
      idPrefix,
    });
    const next = {
      ...DOCUMENT_TYPES,
      einvoices: kind('e-invoice record', 'einv_'),
      confirmations: kind('payment confirmation', 'pconf_'),
    };
    expect(registryProblems(next)).toEqual([]);
    expect(registryProblems({ ...next, tills: own('till', 'till_') })).toEqual([]);
    expect(
      registryProblems({ ...next, tills: own('till', 'till_'), menus: own('menu', 'menu_') }),
    ).toEqual(["the register would open 14 collections, past RxDB's free-tier limit of 13"]);
  });

  it('names the types the server re-derives with a push check, and no others', () => {
    expect(Object.keys(PUSH_CHECKS).sort()).toEqual(
      DOCUMENT_TYPE_NAMES.filter(
        (name) => (DOCUMENT_TYPES[name] as DocumentTypeSpec).pushCheck,
      ).sort(),
    );
  });

  it('types each register collection with its document', () => {
    expectTypeOf<ReplicaCollections['sales']>().toEqualTypeOf<RxCollection<documents.SaleDoc>>();
    expectTypeOf<ReplicaCollections['parked']>().toEqualTypeOf<
      RxCollection<documents.ParkedSaleDoc>
    >();
    expectTypeOf<keyof ReplicaCollections>().toEqualTypeOf<(typeof COLLECTIONS)[number]['name']>();
  });

  it('refuses an entry the server or the register could not serve', () => {
    const sale = DOCUMENT_TYPES.sales as DocumentTypeSpec;
    const bad: Record<string, DocumentTypeSpec> = {
      'e-invoices': { ...sale, schema: { ...sale.schema, title: 'e-invoice' } },
      sales: sale,
      copies: { ...sale, idPrefix: 'copy' },
      menus: {
        ...sale,
        pushCheck: false,
        schema: { ...sale.schema, title: 'menu' },
        idPrefix: 'menu_',
        deviceWrites: 'none',
      },
      prices: {
        ...sale,
        schema: { ...sale.schema, title: 'price' },
        idPrefix: 'price_',
        deviceWrites: 'none',
        replica: { direction: 'pull', pullBatchSize: 100 },
      },
      tills: {
        ...sale,
        schema: { ...sale.schema, title: 'till' },
        idPrefix: 'till_',
        scope: 'shared',
      },
    };
    expect(registryProblems(bad)).toEqual([
      'e-invoices: a type name is lower-case letters only',
      'copies: schema title "sale" is sales\'s too',
      'copies: id prefix must look like "x_"',
      'menus: the register pushes it but devices may not write it',
      'prices: a push check for a type devices may not write never runs',
      "tills: devices write a shared database, so name their store's field",
    ]);
    const many = Object.fromEntries(
      Array.from({ length: 14 }, (_, index) => [
        `t${String.fromCharCode(97 + index)}`,
        { ...sale, schema: { ...sale.schema, title: `t${index}` } },
      ]),
    );
    expect(registryProblems(many)).toEqual([
      "the register would open 14 collections, past RxDB's free-tier limit of 13",
    ]);
  });

  it('counts the fact kinds as one collection, and refuses a kind that could not share it', () => {
    const pickup = DOCUMENT_TYPES.pickups as DocumentTypeSpec;
    const sale = DOCUMENT_TYPES.sales as DocumentTypeSpec;
    const facts = Object.fromEntries(
      Array.from({ length: 20 }, (_, index) => [
        `f${String.fromCharCode(97 + index)}`,
        { ...pickup, schema: { ...pickup.schema, title: `f${index}` }, idPrefix: 'f_' },
      ]),
    );
    const own = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [
        `t${String.fromCharCode(97 + index)}`,
        { ...sale, schema: { ...sale.schema, title: `t${index}` } },
      ]),
    );
    expect(registryProblems({ ...facts, ...own })).toEqual([]);
    const inFacts = { ...pickup.replica!, inFacts: true as const };
    expect(
      registryProblems({
        shifts: { ...(DOCUMENT_TYPES.shifts as DocumentTypeSpec), replica: inFacts },
        staff: {
          ...(DOCUMENT_TYPES.staff as DocumentTypeSpec),
          replica: { ...inFacts, direction: 'pull' },
        },
        parked: {
          ...(DOCUMENT_TYPES.parked as DocumentTypeSpec),
          immutable: true,
          replica: { ...inFacts, mayBeMissingOnServer: true },
        },
      }),
    ).toEqual([
      'shifts: a fact kind is written once (immutable)',
      "staff: a fact kind lives in a store's database",
      'staff: a fact kind is written once (immutable)',
      'staff: the register pushes a fact kind',
      "parked: a fact kind's database is one every server has",
    ]);
  });

  it("matches docs/DATA.md's table of databases and collections", () => {
    const text = readFileSync(new URL('../../../docs/DATA.md', import.meta.url), 'utf8');
    const rows = text
      .split('\n')
      .filter((line) => /^\| (\w+|\(none\)) +\| `/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const documented = rows.map((cells) => ({
      collection: cells[1],
      database: cells[2]?.replaceAll('`', ''),
      prefix: cells[5]?.replaceAll('`', '').replace(/<.*$/, ''),
    }));
    expect(documented).toEqual(
      DOCUMENT_TYPE_NAMES.map((name) => {
        const spec = DOCUMENT_TYPES[name] as DocumentTypeSpec;
        return {
          collection: spec.replica ? name : '(none)',
          database: spec.scope === 'shared' ? name : `${name}-<storeId>`,
          prefix: spec.idPrefix,
        };
      }),
    );
  });
});
