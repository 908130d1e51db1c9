/**
 * The local sync-server a register starts when no central server is configured seeds the demo
 * store (staff with well-known PINs, one a manager of every store) only when asked: `npm start`
 * asks, a packaged app asks only with `--demo` (else the first-run setup, first-run-setup.test.ts).
 * Runs the real launcher path and server.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REGISTER_CONFIG, loadHostOptions } from '../../../main/host/host-options';
import { withEmbeddedDefaults } from '../../../main/launcher/embedded-defaults';
import {
  adminTokenFor,
  developmentSyncServerCommand,
} from '../../../main/launcher/local-sync-server';
import { REPO_ROOT } from '../../helpers/sync-server-process';

const folders: string[] = [];

async function staffOnLocalServer(seedDemo: boolean): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-embedded-demo-'));
  folders.push(dataDir);
  // A local server's folder that exists already (set up earlier, e.g. by `npm run admin -- migrate`).
  if (!seedDemo) mkdirSync(join(dataDir, 'sync-server'));
  const embedded = await withEmbeddedDefaults(
    { dataDir, config: { ...DEFAULT_REGISTER_CONFIG }, kiosk: false },
    developmentSyncServerCommand(REPO_ROOT),
    0,
    () => undefined,
    { seedDemo },
  );
  try {
    // Without staff nobody could sign in: the register waits for the first-run setup
    // (first-run-setup.test.ts) instead of enrolling; with the demo it is enrolled at once.
    expect(embedded.options.config.deviceSecret === '').toBe(!seedDemo);
    expect(embedded.firstRun === null).toBe(seedDemo);
    const admin = `Basic ${Buffer.from(`admin:${adminTokenFor(dataDir)}`).toString('base64')}`;
    const response = await fetch(`${embedded.localServerUrl ?? ''}/db/staff/_all_docs`, {
      headers: { Authorization: admin },
    });
    const body = (await response.json()) as { rows?: { id: string }[] };
    return (body.rows ?? []).map((row) => row.id).filter((id) => !id.startsWith('_design/'));
  } finally {
    await embedded.stop();
  }
}

describe('the demo store on the embedded sync-server', () => {
  // The demo without its past (sync-server/services/demo-seed.ts): the staff, the store and the
  // enrolment are what is checked, and the past's ~8,500 documents took most of each seed.
  beforeAll(() => {
    vi.stubEnv('OMNITILL_DEMO_HISTORY', 'none');
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('has no staff at all unless the demo store is asked for (on an existing local server)', async () => {
    expect(await staffOnLocalServer(false)).toEqual([]);
  });

  it('has the demo staff when asked (npm start, or a packaged app with --demo)', async () => {
    expect((await staffOnLocalServer(true)).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps what one start was told for that start: register.json gets the enrolment only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-embedded-config-'));
    folders.push(dataDir);
    const start = async (env: NodeJS.ProcessEnv) => {
      const embedded = await withEmbeddedDefaults(
        loadHostOptions({ ...env, OMNITILL_DATA: dataDir }, []),
        developmentSyncServerCommand(REPO_ROOT),
        0,
        () => undefined,
        { seedDemo: true },
      );
      await embedded.stop();
      return embedded.options.config;
    };
    const saved = () =>
      JSON.parse(readFileSync(join(dataDir, 'register.json'), 'utf8')) as Record<string, unknown>;
    // The first start enrols the register and saves who it is, in the default language.
    const first = await start({});
    expect(saved()).toMatchObject({ locale: 'vi-VN', deviceId: first.deviceId });
    // One start in English (the walkthrough's OMNITILL_LOCALE=en-US) is English for that start
    // only: the file is not rewritten with it, nor with the local server's URL.
    const english = await start({ OMNITILL_LOCALE: 'en-US' });
    expect(english.locale).toBe('en-US');
    expect(saved()).toMatchObject({ locale: 'vi-VN', deviceId: first.deviceId });
    expect(saved().serverUrl ?? '').toBe('');
    expect((await start({})).locale).toBe('vi-VN');
  }, 120_000);
});
