/**
 * Sales priced under earlier store settings are not refused. The server keeps every version of a
 * store's settings with the time it came into force, whoever wrote it (the demo seed, a manager
 * through POST /api/v1/store-settings, the admin over /db), and re-prices a pushed sale with the
 * version in force when it completed, then with the others. A sale priced with settings already
 * replaced when it completed is kept and flagged for a manager; only a sale no version reproduces
 * is refused. The history survives a restart.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettingsDoc } from '../../../src/documents';
import type { Promotion } from '../../../src/pricing';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { putDoc, snackSale } from './sale-fixtures';

interface Flag {
  _id: string;
  kind: string;
  summary: string;
  storeId?: string;
  documents: { db: string; id: string }[];
  settings?: { pricedWith: { rev: string }; inForce: { rev: string } };
}

const snacksOff = (percentBp: number): Promotion => ({
  id: 'promo-snacks-10',
  kind: 'item-discount',
  label: { vi: `Bánh kẹo giảm ${percentBp / 100}%`, en: `Snacks ${percentBp / 100}% off` },
  target: { categoryIds: ['snacks'] },
  reward: { kind: 'percent', percentBp },
});

let server: SyncServerProcess;
let register: EnrolledDevice;
/** The seeded settings (snacks 10 % off), and when the manager replaced the promotion. */
let seeded: StoreSettingsDoc;
let beforeChange = '';
let changedSettings: StoreSettingsDoc;

async function settingsNow(): Promise<StoreSettingsDoc> {
  const response = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
    headers: { Authorization: server.adminAuth },
  });
  const { _id, _rev, ...rest } = (await response.json()) as Record<string, unknown>;
  return { ...rest, id: String(_id) } as StoreSettingsDoc;
}

async function flags(): Promise<Flag[]> {
  const response = await fetch(`${server.url}/api/v1/flags`, {
    headers: { Authorization: server.adminAuth },
  });
  return ((await response.json()) as { flags: Flag[] }).flags;
}

const push = (sale: { id: string }) => putDoc(server, register.auth, 'sales-hcm-q1', sale);

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  seeded = await settingsNow();
  beforeChange = new Date().toISOString();
  const changed = await fetch(`${server.url}/api/v1/store-settings`, {
    method: 'POST',
    headers: { Authorization: register.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ staffId: 'staff_ha', pin: '9999', promotions: [snacksOff(2000)] }),
  });
  if (changed.status !== 200) throw new Error(`settings change: ${await changed.text()}`);
  changedSettings = await settingsNow();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  // The restarted server was given the data dir, so it does not remove it itself.
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a sale priced with a promotion the manager has since changed', () => {
  it('the manager changed the promotion through the store-settings route', () => {
    expect(seeded.promotions?.find((p) => p.id === 'promo-snacks-10')).toMatchObject({
      reward: { percentBp: 1000 },
    });
    expect(changedSettings.promotions).toEqual([snacksOff(2000)]);
  });

  it('sold before the change and synced after it: accepted, and not flagged', async () => {
    const sale = snackSale('sale_01HIST0001', register, seeded, beforeChange);
    expect((await push(sale)).status).toBe(201);
    expect((await flags()).map((flag) => flag._id)).not.toContain(
      'flag_stale-settings_sale_01HIST0001',
    );
  });

  it('sold after the change with the old promotion: accepted, and flagged as outdated settings', async () => {
    const sale = snackSale('sale_01HIST0002', register, seeded, new Date().toISOString());
    const pushed = await push(sale);
    expect(pushed.status).toBe(201);
    const flag = (await flags()).find((f) => f._id === 'flag_stale-settings_sale_01HIST0002');
    expect(flag).toMatchObject({
      kind: 'stale-settings',
      storeId: 'hcm-q1',
      documents: [
        { db: 'sales-hcm-q1', id: 'sale_01HIST0002' },
        { db: 'settings', id: 'store_hcm-q1' },
      ],
    });
    expect(flag?.summary).toContain('outdated settings');
    expect(flag?.settings?.pricedWith.rev).not.toBe(flag?.settings?.inForce.rev);
  });

  it('sold with the new promotion: accepted, not flagged', async () => {
    const sale = snackSale('sale_01HIST0003', register, changedSettings, new Date().toISOString());
    expect((await push(sale)).status).toBe(201);
    const ids = (await flags()).map((flag) => flag._id);
    expect(ids).not.toContain('flag_stale-settings_sale_01HIST0003');
    expect(ids).not.toContain('flag_sale-totals_sale_01HIST0003');
  });

  it('totals no version reproduces: refused, naming the nearest version tried', async () => {
    const forged = { ...changedSettings, promotions: [snacksOff(5000)] };
    const sale = snackSale('sale_01HIST0004', register, forged, new Date().toISOString());
    const pushed = await push(sale);
    expect(pushed.status).toBe(403);
    const reason = String(pushed.body.reason);
    expect(reason).toMatch(/no version of store hcm-q1's settings on the server reproduces them/);
    expect(reason).toMatch(/Nearest, the version in force when the sale completed/);
    expect(reason).toContain('Totals differ at priced.');
    const rejections = await fetch(`${server.url}/api/v1/rejections?mine=1`, {
      headers: { Authorization: register.auth },
    });
    const { rejections: list } = (await rejections.json()) as {
      rejections: { docId: string; code: string }[];
    };
    expect(list).toContainEqual(
      expect.objectContaining({ docId: 'sale_01HIST0004', code: 'totals_mismatch' }),
    );
  });

  it('replaced over /db by the admin: the new version counts as well', async () => {
    const current = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
      headers: { Authorization: server.adminAuth },
    });
    const doc = (await current.json()) as Record<string, unknown>;
    const put = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
      method: 'PUT',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...doc, promotions: [snacksOff(3000)] }),
    });
    expect(put.status).toBe(201);
    const thirty = await settingsNow();
    const sale = snackSale('sale_01HIST0005', register, thirty, new Date().toISOString());
    expect((await push(sale)).status).toBe(201);
    // Priced at 20 % after the admin's change to 30 %: kept, and flagged.
    const late = snackSale('sale_01HIST0006', register, changedSettings, new Date().toISOString());
    expect((await push(late)).status).toBe(201);
    const ids = (await flags()).map((flag) => flag._id);
    expect(ids).toContain('flag_stale-settings_sale_01HIST0006');
    expect(ids).not.toContain('flag_stale-settings_sale_01HIST0005');
  });
});

describe('after a restart', () => {
  beforeAll(async () => {
    const { dataDir, port } = server;
    await server.stop({ keepData: true });
    server = await startSyncServerProcess({ dataDir, port });
  }, 60_000);

  it('keeps the history: every version still prices sales, none is recorded twice', async () => {
    // No new version on start: the live settings are already in the history.
    expect(server.output()).not.toContain('in force from');
    const early = snackSale('sale_01HIST0007', register, seeded, beforeChange);
    expect((await push(early)).status).toBe(201);
    const stale = snackSale('sale_01HIST0008', register, seeded, new Date().toISOString());
    expect((await push(stale)).status).toBe(201);
    const ids = (await flags()).map((flag) => flag._id);
    expect(ids).toContain('flag_stale-settings_sale_01HIST0008');
    expect(ids).not.toContain('flag_stale-settings_sale_01HIST0007');
  });
});
