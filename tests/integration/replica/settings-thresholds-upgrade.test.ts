/**
 * The first shipped schema change: store settings at version 1 carry the low-stock thresholds.
 * A register whose replica holds its settings under version 0 opens after the update with the
 * document there, and takes the new field when the server sends it.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import { replicaSchemas } from '../../../renderer/data/migrations';
import { pickupSchema, storeSettingsSchema } from '../../../src/documents';
import type { DocumentSchema, JsonSchema, StoreSettingsDoc } from '../../../src/documents';
import { storeSettings } from '../../unit/renderer/sale-fixtures';
import { collectionsBeforeFacts } from './support/before-facts';

/**
 * Store settings as version 0 shipped them: no `stock` (nor the later `timeZone`, `bankTransfer`,
 * nor a tax category's `kind` and dated `changes`).
 */
function settingsVersion0(): DocumentSchema {
  const {
    stock: _stock,
    timeZone: _timeZone,
    bankTransfer: _bankTransfer,
    ...properties
  } = storeSettingsSchema.properties;
  const tax = properties.tax as JsonSchema;
  const rates = tax.properties?.rates as JsonSchema;
  const rate = rates.items as JsonSchema;
  const { kind: _kind, changes: _changes, ...rateFields } = rate.properties ?? {};
  const ratesV0 = { ...rates, items: { ...rate, properties: rateFields } };
  return {
    ...storeSettingsSchema,
    version: 0,
    properties: {
      ...properties,
      tax: { ...tax, properties: { ...tax.properties, rates: ratesV0 } },
    },
  };
}

/** Pickups as version 0 shipped them (with the settings' version 0): no shift or tenders. */
function pickupsVersion0(): DocumentSchema {
  const { shiftId: _shiftId, tenders: _tenders, ...properties } = pickupSchema.properties;
  return { ...pickupSchema, version: 0, properties };
}

describe('store settings version 0 → 1 on a register', () => {
  it('opens the older replica with its settings and then stores thresholds', async () => {
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const name = `settings-upgrade-${Date.now()}`;
    const shipped = replicaSchemas(
      collectionsBeforeFacts().map((spec) =>
        spec.name === 'settings'
          ? { name: spec.name, schema: settingsVersion0() }
          : spec.name === 'pickups'
            ? { name: spec.name, schema: pickupsVersion0() }
            : spec.name === 'sales' || spec.name === 'staff'
              ? // Sales and staff were at version 0 then too (sales 1 adds the bank-transfer
                // tender, staff 1 the PIN verifier).
                { name: spec.name, schema: { ...spec.schema, version: 0 } }
              : spec,
      ),
      {}, // the shipped version had no upgrades
    );
    const settings: StoreSettingsDoc = storeSettings();
    const before = await openReplica(name, storage, shipped);
    await before.settings.insert(settings);
    await before.close();

    const after = await openReplica(name, storage);
    try {
      // Through every upgrade since: 1 (thresholds), 2 (time zone), 3 (bank), 4 (tax schedule).
      expect(after.settings.schema.version).toBe(storeSettingsSchema.version);
      const stored = (await after.settings.findOne(settings.id).exec())?.toJSON();
      expect(stored).toEqual(settings);
      const stock = { defaultThreshold: 3, thresholds: [{ sku: 'SKU000001', minimum: 12 }] };
      await after.settings.upsert({ ...settings, stock, updatedAt: '2026-11-24T01:00:00.000Z' });
      expect((await after.settings.findOne(settings.id).exec())?.toJSON().stock).toEqual(stock);
    } finally {
      await after.close();
    }
  });
});
