/**
 * The register's collections and replications, computed from the document registry
 * (src/documents/registry.ts): thirteen types replicate as before, in twelve collections, pickups
 * and cash moves sharing `facts` (docs/DATA.md, "Room under the collection limit").
 */
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, REPLICATIONS } from '../../../renderer/data/collections';
import { COLLECTION_SCHEMAS } from '../../../sync-server/storage/collection-schemas';
import type { Collection } from '../../../sync-server/storage/database-layout';
import * as documents from '../../../src/documents';

describe("the register's collections", () => {
  it('replicate the thirteen types as before, pickups and cash moves through facts', () => {
    expect(
      REPLICATIONS.map((spec) => ({
        type: spec.type,
        collection: spec.collection,
        serverDb: spec.serverDb('hcm-q1'),
        direction: spec.direction,
        pullBatchSize: spec.pullBatchSize,
        mayBeMissingOnServer: spec.mayBeMissingOnServer ?? false,
      })),
    ).toEqual(
      [
        ['products', 'products', 'pull', 500],
        ['staff', 'staff', 'pull', 100],
        ['settings', 'settings', 'pull', 100],
        ['customers', 'customers', 'both', 500],
        ['loyalty', 'loyalty', 'both', 500],
        ['orders', 'orders-hcm-q1', 'pull', 200],
        ['sales', 'sales-hcm-q1', 'both', 200],
        ['returns', 'returns-hcm-q1', 'both', 200],
        ['stock', 'stock-hcm-q1', 'both', 200],
        ['shifts', 'shifts-hcm-q1', 'both', 200],
        ['pickups', 'pickups-hcm-q1', 'both', 200, 'facts'],
        ['cashmoves', 'cashmoves-hcm-q1', 'both', 200, 'facts'],
        ['parked', 'parked-hcm-q1', 'both', 200, undefined, true],
      ].map(([type, serverDb, direction, pullBatchSize, collection, mayBeMissingOnServer]) => ({
        type,
        collection: collection ?? type,
        serverDb,
        direction,
        pullBatchSize,
        mayBeMissingOnServer: mayBeMissingOnServer ?? false,
      })),
    );
    expect(REPLICATIONS.filter((spec) => spec.factKind).map((spec) => spec.factKind)).toEqual([
      'pickups',
      'cashmoves',
    ]);
  });

  it('open twelve collections: one per type, and facts for the fact kinds', () => {
    expect(COLLECTIONS.map((spec) => spec.name)).toEqual([
      'products',
      'staff',
      'settings',
      'customers',
      'loyalty',
      'orders',
      'sales',
      'returns',
      'stock',
      'shifts',
      'facts',
      'parked',
    ]);
    for (const spec of COLLECTIONS) {
      expect(spec.schema).toBe(
        spec.name === 'facts' ? documents.factsSchema : COLLECTION_SCHEMAS[spec.name as Collection],
      );
    }
  });
});
