/**
 * The first-run setup of a register with its own local sync-server and no demo (issue #15), on
 * the real launcher path and server: the host, not the page, writes the store and its first
 * manager and enrols the register. Attacks first: another screen, bad input, a second setup.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHost } from '../../../main/host/device-host';
import type { DeviceHost } from '../../../main/host/device-host';
import { DEFAULT_REGISTER_CONFIG, readRegisterConfig } from '../../../main/host/host-options';
import { withEmbeddedDefaults } from '../../../main/launcher/embedded-defaults';
import type { EmbeddedDefaults } from '../../../main/launcher/embedded-defaults';
import {
  adminTokenFor,
  developmentSyncServerCommand,
} from '../../../main/launcher/local-sync-server';
import type { AppConfig } from '../../../src/ipc/contract';
import { firstRunStoreSettings } from '../../../src/setup/first-run';
import type { FirstRunInput } from '../../../src/setup/first-run';
import { REPO_ROOT } from '../../helpers/sync-server-process';

const SETUP: FirstRunInput & { locale: 'vi-VN' | 'en-US' } = {
  storeId: 'dn-hai-chau',
  storeName: 'Tạp hóa Hải Châu',
  timeZone: 'Asia/Ho_Chi_Minh',
  registerId: 'quay-1',
  managerName: 'Võ Thị Mai',
  pin: '482913',
  pinAgain: '482913',
  sellerTaxCode: '0401234567',
  locale: 'en-US',
};

describe('the first-run setup on a new local sync-server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-first-run-'));
  let embedded: EmbeddedDefaults;
  let host: DeviceHost;
  const admin = () => `Basic ${Buffer.from(`admin:${adminTokenFor(dataDir)}`).toString('base64')}`;
  const staffIds = async (): Promise<string[]> => {
    const response = await fetch(`${embedded.localServerUrl ?? ''}/db/staff/_all_docs`, {
      headers: { Authorization: admin() },
    });
    const body = (await response.json()) as { rows?: { id: string }[] };
    return (body.rows ?? []).map((row) => row.id).filter((id) => !id.startsWith('_design/'));
  };

  beforeAll(async () => {
    embedded = await withEmbeddedDefaults(
      { dataDir, config: { ...DEFAULT_REGISTER_CONFIG }, kiosk: false },
      developmentSyncServerCommand(REPO_ROOT),
      0,
      () => undefined,
      { seedDemo: false },
    );
    host = await createDeviceHost({
      host: embedded.options,
      shell: 'browser',
      firstRun: embedded.firstRun,
    });
  }, 60_000);
  afterAll(async () => {
    await host.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the local server empty and unenrolled, and says setup is needed', async () => {
    expect(embedded.firstRun).not.toBeNull();
    expect(embedded.options.config.deviceSecret).toBe('');
    expect(await staffIds()).toEqual([]);
    expect(await host.invoke('setup/status', null, 'cashier')).toEqual({
      ok: true,
      value: { needed: true },
    });
  });

  it('refuses the kiosk and customer-display screens', async () => {
    for (const role of ['kiosk', 'customer-display'] as const) {
      const result = await host.invoke('setup/complete', SETUP, role);
      expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    }
    expect(await staffIds()).toEqual([]);
  });

  it('refuses a weak PIN, a mismatched PIN and a bad store id, in the page language', async () => {
    const refused = async (change: Partial<typeof SETUP>) => {
      const result = await host.invoke('setup/complete', { ...SETUP, ...change }, 'cashier');
      if (result.ok) throw new Error('accepted');
      expect(result.code).toBe('bad-request');
      return result.message;
    };
    expect(await refused({ pin: '1111', pinAgain: '1111' })).toMatch(/at least 6 digits/);
    expect(await refused({ pin: '1111', pinAgain: '1111', locale: 'vi-VN' })).toMatch(
      /ít nhất 6 chữ số/,
    );
    expect(await refused({ pinAgain: '482914' })).toMatch(/two PINs differ/);
    expect(await refused({ storeId: 'Store 1' })).toMatch(/store id may hold only/);
    expect(await refused({ storeId: '../_users' })).toMatch(/store id/);
    expect(await refused({ sellerTaxCode: '12345' })).toMatch(/tax code/);
    expect(await staffIds()).toEqual([]);
  });

  it('creates exactly one manager whose PIN signs in, and enrols the register', async () => {
    // A setup cut short after the store's settings were written is simply run again.
    const settingsUrl = `${embedded.localServerUrl ?? ''}/db/settings/store_dn-hai-chau`;
    const cutShort = firstRunStoreSettings(
      { ...SETUP, storeName: 'Cut short' },
      new Date().toISOString(),
    );
    const leftOver = await fetch(settingsUrl, {
      method: 'PUT',
      headers: { Authorization: admin(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...cutShort, _id: cutShort.id, id: undefined }),
    });
    expect(leftOver.status).toBe(201);

    // Two submits at once (a double tap): one setup, one manager.
    const [result, twin] = await Promise.all([
      host.invoke('setup/complete', SETUP, 'cashier'),
      host.invoke('setup/complete', SETUP, 'cashier'),
    ]);
    expect(result).toEqual({ ok: true, value: { storeId: 'dn-hai-chau', registerId: 'quay-1' } });
    expect(twin).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await staffIds()).toEqual(['staff_dn-hai-chau-manager']);
    const settings = (await (
      await fetch(settingsUrl, { headers: { Authorization: admin() } })
    ).json()) as { name: string; timeZone: string; receipt: { header: string[] } };
    expect(settings).toMatchObject({
      name: 'Tạp hóa Hải Châu',
      timeZone: 'Asia/Ho_Chi_Minh',
      receipt: { header: ['Tạp hóa Hải Châu', 'MST: 0401234567'] },
    });

    const saved = JSON.parse(readFileSync(join(dataDir, 'register.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(saved).toMatchObject({ storeId: 'dn-hai-chau', registerId: 'quay-1' });
    expect(saved.deviceSecret).not.toBe('');

    // The page learns who it is, with a page secret, never the device's own.
    const answered = await host.invoke('app/config', null, 'cashier');
    if (!answered.ok) throw new Error(answered.message);
    const config = { value: answered.value as AppConfig };
    expect(config.value).toMatchObject({ storeId: 'dn-hai-chau', deviceId: saved.deviceId });
    expect(config.value.deviceSecret).not.toBe(saved.deviceSecret);

    // The page's signed request, through the host, reaches the server as the new register, and
    // the manager's PIN is accepted there for a manager's change (an empty one).
    const pageAuth = `Basic ${Buffer.from(`${config.value.deviceId}:${config.value.deviceSecret}`).toString('base64')}`;
    const deviceAuth = host.serverAccess.authorize(pageAuth);
    expect(deviceAuth).not.toBeNull();
    const change = (pin: string) =>
      fetch(`${embedded.localServerUrl ?? ''}/api/v1/store-settings`, {
        method: 'POST',
        headers: { Authorization: deviceAuth ?? '', 'Content-Type': 'application/json' },
        body: JSON.stringify({ staffId: 'staff_dn-hai-chau-manager', pin }),
      });
    const signedIn = await change('482913');
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ by: 'staff_dn-hai-chau-manager' });
    expect((await change('000000')).status).toBeGreaterThanOrEqual(400);

    // The register's PIN key came with the new credentials: PINs are checked offline from now.
    const mac = await host.invoke('auth/pin-mac', { hash: `${'A'.repeat(43)}=` }, 'cashier');
    expect(mac.ok).toBe(true);
  });

  it('refuses a second setup and says how to start over', async () => {
    expect(await host.invoke('setup/status', null, 'cashier')).toEqual({
      ok: true,
      value: { needed: false },
    });
    const again = await host.invoke(
      'setup/complete',
      { ...SETUP, storeId: 'other', managerName: 'Someone else' },
      'cashier',
    );
    expect(again).toMatchObject({ ok: false, code: 'bad-request' });
    if (!again.ok) expect(again.message).toMatch(/set up already[\s\S]*delete the data folder/);
    expect(await staffIds()).toEqual(['staff_dn-hai-chau-manager']);
  });

  it('a restart finds the store set up: no setup, the register enrolled as saved', async () => {
    await host.close();
    await embedded.stop();
    embedded = await withEmbeddedDefaults(
      {
        dataDir,
        config: readRegisterConfig(dataDir),
        kiosk: false,
      },
      developmentSyncServerCommand(REPO_ROOT),
      0,
      () => undefined,
      { seedDemo: false },
    );
    host = await createDeviceHost({ host: embedded.options, shell: 'browser', firstRun: null });
    expect(embedded.firstRun).toBeNull();
    expect(embedded.options.config).toMatchObject({ storeId: 'dn-hai-chau', registerId: 'quay-1' });
  }, 60_000);
});
