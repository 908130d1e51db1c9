/**
 * Two sync-server processes on one Apache CouchDB cluster (`npm run test:couchdb`): the server's
 * PIN lockout (5 wrong PINs, 60 s) is one count per register in CouchDB, so a register that
 * alternates its guesses between the instances behind a load balancer, or sends a burst to both
 * at once, gets no more guesses than against one (issue #15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_COUCHDB_URL,
  couchdbPrefixOf,
  startSyncServerProcess,
} from '../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';

let a: SyncServerProcess;
let b: SyncServerProcess;
let alternating: EnrolledDevice;
let bursting: EnrolledDevice;

async function changeSettings(
  server: SyncServerProcess,
  device: EnrolledDevice,
  pin: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${server.url}/api/v1/store-settings`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ staffId: 'staff_ha', pin, receipt: { header: [], footer: [] } }),
  });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  if (!TEST_COUCHDB_URL) {
    throw new Error(
      'These tests need a CouchDB cluster: run them with `npm run test:couchdb` (it starts one from ../shared/couchdb), or set OMNITILL_TEST_COUCHDB_URL.',
    );
  }
  a = await startSyncServerProcess({ seedDemo: true });
  alternating = await a.enrollDevice('hcm-q1', 'reg-alternating');
  bursting = await a.enrollDevice('hcm-q1', 'reg-bursting');
  // The second instance reads the devices enrolled so far when it starts.
  b = await startSyncServerProcess({ couchdbPrefix: couchdbPrefixOf(a.dataDir) });
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('the PIN lockout across two instances on one CouchDB cluster', () => {
  it('locks a register out after 5 wrong PINs alternated between the instances', async () => {
    const replies = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      replies.push(await changeSettings(attempt % 2 ? b : a, alternating, `00${attempt}0`));
    }
    expect(
      replies.map((reply) => reply.status),
      JSON.stringify(replies),
    ).toEqual([403, 403, 403, 403, 403]);
    // The sixth guess, and even the manager's real PIN, through either instance.
    expect((await changeSettings(a, alternating, '0050')).status).toBe(429);
    expect((await changeSettings(b, alternating, '9999')).status).toBe(429);
  }, 60_000);

  it('checks no more than 5 PINs of a burst spread over both instances', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        changeSettings(n % 2 ? b : a, bursting, String(1000 + n)),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    // Every reply is a refusal of the PIN or the lockout (no 5xx from the retried writes).
    expect(
      statuses.every((status) => status === 403 || status === 429),
      JSON.stringify(replies),
    ).toBe(true);
    expect(statuses.filter((status) => status === 403).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 403).length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
