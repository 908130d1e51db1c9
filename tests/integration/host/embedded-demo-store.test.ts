/**
 * The local sync-server a register starts when no central server is configured seeds the demo
 * store (staff with well-known PINs, one a manager of every store) only when asked: `npm start`
 * asks, a packaged app asks only with `--demo`. Runs the real launcher path and server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGISTER_CONFIG } from '../../../main/host/host-options';
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
  const embedded = await withEmbeddedDefaults(
    { dataDir, config: { ...DEFAULT_REGISTER_CONFIG }, kiosk: false },
    developmentSyncServerCommand(REPO_ROOT),
    0,
    () => undefined,
    { seedDemo },
  );
  try {
    expect(embedded.options.config.deviceSecret).not.toBe('');
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
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('has no staff at all unless the demo store is asked for', async () => {
    expect(await staffOnLocalServer(false)).toEqual([]);
  });

  it('has the demo staff when asked (npm start, or a packaged app with --demo)', async () => {
    expect((await staffOnLocalServer(true)).length).toBeGreaterThanOrEqual(4);
  });
});
