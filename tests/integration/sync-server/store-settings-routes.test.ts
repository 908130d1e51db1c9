/**
 * A store manager changes the receipt header and footer, the promotions, the low-stock thresholds and the quick keys from a
 * register: the server checks the manager's PIN and role, writes the server-owned documents, and
 * the change is there for every register to pull. A cashier's PIN, a wrong PIN or another store's manager are
 * refused, and repeated wrong PINs lock the register out for a while.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDoc, StoreSettingsDoc } from '../../../src/documents';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

describe('store settings changed from a register', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;
  let otherStore: EnrolledDevice;

  const post = async (device: EnrolledDevice, body: unknown) => {
    const response = await fetch(`${server.url}/api/v1/store-settings`, {
      method: 'POST',
      headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const read = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}/db/${path}`, {
      headers: { Authorization: server.adminAuth },
    });
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    register = await server.enrollDevice('hcm-q1', 'reg-01');
    otherStore = await server.enrollDevice('hn-hk', 'reg-hn');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a cashier's PIN and a wrong PIN, saying why", async () => {
    const receipt = { header: ['Omnitill'], footer: ['Cảm ơn!'] };
    const cashier = await post(register, { staffId: 'staff_lan', pin: '1111', receipt });
    expect(cashier.status).toBe(403);
    expect(JSON.stringify(cashier.body)).toMatch(/may not change/);
    const wrong = await post(register, { staffId: 'staff_ha', pin: '0000', receipt });
    expect(wrong.status).toBe(403);
    const settings = await read<StoreSettingsDoc>('settings/store_hcm-q1');
    expect(settings.receipt.footer).not.toEqual(['Cảm ơn!']);
  });

  it("writes the manager's receipt header and footer into the store's settings", async () => {
    const receipt = {
      header: ['Omnitill Quận 1', '12 Lê Lợi'],
      footer: ['Cảm ơn quý khách!', 'Hẹn gặp lại.'],
    };
    const done = await post(register, { staffId: 'staff_ha', pin: '9999', receipt });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ changed: ['receipt'], by: 'staff_ha' });
    const settings = await read<StoreSettingsDoc>('settings/store_hcm-q1');
    expect(settings.receipt).toEqual(receipt);
  });

  it('sets low-stock thresholds: a default, SKUs of their own, cleared with null', async () => {
    const first = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      stock: { defaultThreshold: 8, thresholds: { SKU000002: 20, SKU000001: 3 } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ changed: ['stock'] });
    const second = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      stock: { thresholds: { SKU000001: null, SKU000003: 0 } },
    });
    expect(second.status).toBe(200);
    const settings = await read<StoreSettingsDoc>('settings/store_hcm-q1');
    expect(settings.stock).toEqual({
      defaultThreshold: 8,
      thresholds: [
        { sku: 'SKU000002', minimum: 20 },
        { sku: 'SKU000003', minimum: 0 },
      ],
    });
    // Another store's settings are not touched.
    expect((await read<StoreSettingsDoc>('settings/store_hn-hk')).stock).toBeUndefined();

    const bad = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      stock: { thresholds: { SKU000002: -1 } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/stock\.thresholds\.SKU000002 must be a whole number/);
    expect((await read<StoreSettingsDoc>('settings/store_hcm-q1')).stock).toEqual(settings.stock);
  });

  it("sets this store's quick keys in the order given, and refuses an unknown SKU", async () => {
    const before = await read<ProductDoc & { _rev: string }>('products/prod_SKU000010');
    const unknown = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      quickKeys: ['SKU000010', 'NOPE'],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/No product has SKU NOPE/);
    const done = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      quickKeys: ['SKU000010', 'SKU000001'],
    });
    expect(done.status).toBe(200);
    expect((await read<StoreSettingsDoc>('settings/store_hcm-q1')).quickKeys).toEqual([
      'SKU000010',
      'SKU000001',
    ]);
    // The shared catalog and the other store's grid are left alone.
    expect((await read<StoreSettingsDoc>('settings/store_hn-hk')).quickKeys).toBeUndefined();
    expect((await read<ProductDoc & { _rev: string }>('products/prod_SKU000010'))._rev).toBe(
      before._rev,
    );
  });

  it("replaces the store's promotions, and refuses one pricing could not apply", async () => {
    const incomplete = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      promotions: [
        {
          id: 'promo-2for1',
          kind: 'buy-x-get-y',
          label: { vi: 'Mua 1 tặng 1', en: 'Buy 1 get 1' },
          target: { categoryIds: ['snacks'] },
        },
      ],
    });
    expect(incomplete.status).toBe(400);
    // `problem` and `part` (from the one check) let the register say it beside the right field.
    expect(incomplete.body).toMatchObject({
      field: 'promotions[0]',
      problem: 'buy-get',
      part: 'buyGet',
    });
    expect(String(incomplete.body.reason)).toContain('buyQuantity');
    const promotion = {
      id: 'promo-2for1',
      kind: 'buy-x-get-y',
      label: { vi: 'Mua 1 tặng 1', en: 'Buy 1 get 1' },
      target: { categoryIds: ['snacks'] },
      buyQuantity: 1,
      getQuantity: 1,
      getPercentBp: 10000,
    };
    const done = await post(register, {
      staffId: 'staff_ha',
      pin: '9999',
      promotions: [promotion],
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ changed: ['promotions'] });
    expect((await read<StoreSettingsDoc>('settings/store_hcm-q1')).promotions).toEqual([promotion]);
  });

  it('locks a register out after repeated wrong PINs', async () => {
    let last = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      last = (
        await post(otherStore, {
          staffId: 'staff_ha',
          pin: '0000',
          receipt: { header: [], footer: [] },
        })
      ).status;
    }
    expect(last).toBe(429);
  });
});
