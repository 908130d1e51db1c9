/**
 * The registers' part of the e-invoice configuration, written into the store settings at start
 * (the document registers replicate): the configured store gets its section, validated as any
 * settings write, a restart with the same file writes nothing, and a store taken out of the file
 * (or the file unset) loses the section, so its registers stop printing codes. Two instances
 * starting together both start; a lookup address other than http(s) is refused in the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreSettingsDoc } from '../../../../src/documents';
import { parseEInvoiceConfig } from '../../../../sync-server/einvoice/einvoice-config';
import { publishRegisterInvoicing } from '../../../../sync-server/einvoice/register-invoicing';
import { DocumentValidator } from '../../../../sync-server/gate/document-validator';
import type { SettingsHistory } from '../../../../sync-server/history/settings-history';
import { PouchDocumentStore } from '../../../../sync-server/storage/pouch-document-store';
import { storeSettings } from '../../renderer/sale-fixtures';

/** express-pouchdb installs `allDbs`; without it, the store lists what it was asked to open. */
class TestStore extends PouchDocumentStore {
  private readonly names = new Set<string>();

  override async ensureDatabase(name: string): Promise<void> {
    this.names.add(name);
    await super.ensureDatabase(name);
  }

  override listDatabases(): Promise<string[]> {
    return Promise.resolve([...this.names].sort());
  }
}

const config = parseEInvoiceConfig({
  provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
  stores: {
    'hcm-q1': {
      from: '2026-12-04',
      seller: { name: 'Công ty TNHH Omnitill', taxCode: '0312345678', address: '12 Lê Lợi' },
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: { 'reg-02': 2, 'reg-01': 1 },
      lookupUrl: 'https://hoadon.example.vn/tra-cuu?ma={code}',
    },
  },
});

const dirs: string[] = [];
const open: TestStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function storeWithSettings(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-einvoice-settings-'));
  dirs.push(dir);
  const store = new TestStore(dir);
  open.push(store);
  await store.ensureDatabase('settings');
  const q1 = storeSettings();
  const other: StoreSettingsDoc = { ...q1, id: 'store_hn-hk', storeId: 'hn-hk' };
  await store.bulkDocs(
    'settings',
    [q1, other].map(({ id, ...body }) => ({ _id: id, ...body })),
    true,
  );
  return store;
}

async function settingsOf(store: TestStore, storeId: string): Promise<StoreSettingsDoc> {
  const id = `store_${storeId}`;
  const doc = (await store.getCurrent('settings', [id])).get(id);
  return doc as unknown as StoreSettingsDoc;
}

describe('e-invoice settings for the registers', () => {
  it('writes the configured store its section once, and takes it away with the configuration', async () => {
    const store = await storeWithSettings();
    const refreshed: string[] = [];
    const history = {
      refresh: (storeId: string) => {
        refreshed.push(storeId);
        return Promise.resolve([]);
      },
    } as unknown as SettingsHistory;
    const validator = new DocumentValidator();

    expect(await publishRegisterInvoicing(store, validator, history, config)).toEqual(['hcm-q1']);
    expect((await settingsOf(store, 'hcm-q1')).einvoice).toEqual({
      from: '2026-12-04',
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: [
        { registerId: 'reg-01', number: 1 },
        { registerId: 'reg-02', number: 2 },
      ],
      lookupUrl: 'https://hoadon.example.vn/tra-cuu?ma={code}',
    });
    expect((await settingsOf(store, 'hn-hk')).einvoice).toBeUndefined();
    // Recorded as a settings version, as every server write of settings is.
    expect(refreshed).toEqual(['hcm-q1']);

    // A restart on the same file changes nothing.
    expect(await publishRegisterInvoicing(store, validator, history, config)).toEqual([]);

    // E-invoices turned off: the registers must stop printing codes.
    expect(await publishRegisterInvoicing(store, validator, history, undefined)).toEqual([
      'hcm-q1',
    ]);
    expect((await settingsOf(store, 'hcm-q1')).einvoice).toBeUndefined();
  });

  it('lets two instances starting together write it, one of them', async () => {
    const store = await storeWithSettings();
    const history = { refresh: () => Promise.resolve([]) } as unknown as SettingsHistory;
    const validator = new DocumentValidator();
    const both = await Promise.all([
      publishRegisterInvoicing(store, validator, history, config),
      publishRegisterInvoicing(store, validator, history, config),
    ]);
    expect(both.flat()).toEqual(['hcm-q1']);
    expect((await settingsOf(store, 'hcm-q1')).einvoice?.sellerBlock).toBe('AB12C');
  });

  it('refuses a lookup address that is not http(s)', () => {
    expect(() =>
      parseEInvoiceConfig({
        provider: { name: 'local', url: 'http://127.0.0.1:9/invoices' },
        stores: {
          'hcm-q1': {
            from: '2026-12-04',
            seller: { name: 'Công ty', taxCode: '0312345678', address: '12 Lê Lợi' },
            sellerBlock: 'AB12C',
            series: 'AA',
            registers: { 'reg-01': 1 },
            lookupUrl: 'javascript:alert(1)',
          },
        },
      }),
    ).toThrow(/lookupUrl must be an http\(s\) address/);
  });
});
