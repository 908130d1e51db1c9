/**
 * The server's own PIN checks (a manager's PIN for store settings, a supervisor's for a transfer
 * confirmed by hand) lock a register out after 5 wrong PINs for 60 s (issue #15). The attack:
 * restart the server to start counting again, or fire many guesses at once so they are all
 * checked before the first failure is counted. Neither may give a sixth guess.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_COUCHDB_URL,
  couchdbPrefixOf,
  dropCouchDatabases,
  startSyncServerProcess,
} from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-pin-lockout-'));
let server: SyncServerProcess;

/** The last lockout answer's Retry-After header (seconds), to check the wait is told. */
let lastRetryAfter: string | null = null;

async function changeSettings(device: EnrolledDevice, pin: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/store-settings`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ staffId: 'staff_ha', pin, receipt: { header: [], footer: [] } }),
  });
  await response.body?.cancel();
  lastRetryAfter = response.headers.get('Retry-After');
  return response.status;
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true, dataDir });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  // The data dir was ours, so the helper leaves a CouchDB run's databases: drop them here.
  if (TEST_COUCHDB_URL) await dropCouchDatabases(TEST_COUCHDB_URL, couchdbPrefixOf(dataDir));
});

describe("the server's PIN lockout", () => {
  it('still holds after the server restarts, even for the right PIN', async () => {
    const register = await server.enrollDevice('hcm-q1', 'reg-restart');
    const wrong: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++)
      wrong.push(await changeSettings(register, '0000'));
    expect(wrong).toEqual([403, 403, 403, 403, 403]);
    expect(await changeSettings(register, '0000')).toBe(429);
    // The register is told how long to wait, in whole seconds, at most the 60 s lockout.
    expect(Number(lastRetryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(lastRetryAfter)).toBeLessThanOrEqual(60);

    await server.stop();
    server = await startSyncServerProcess({ seedDemo: true, dataDir });

    expect(await changeSettings(register, '0001')).toBe(429);
    // The manager's real PIN too: during a lockout no PIN is checked at all.
    expect(await changeSettings(register, '9999')).toBe(429);
    // Another register of the store is not locked out by this one's guesses.
    const other = await server.enrollDevice('hcm-q1', 'reg-other');
    expect(await changeSettings(other, '9999')).toBe(200);
  }, 120_000);

  it('checks no more than 5 PINs of a burst sent all at once', async () => {
    const register = await server.enrollDevice('hcm-q1', 'reg-burst');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => changeSettings(register, String(1000 + n))),
    );
    expect(statuses.filter((status) => status === 403)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  }, 60_000);
});
