/**
 * After `admin migrate` the registers still hold changes-feed positions of the other kind of
 * store. The server reads such a position as "from the start", so a register that synced with a
 * CouchDB cluster and now talks to the embedded store (or the reverse) reads its feed again and
 * misses nothing. (In the CouchDB run of this suite the cases swap: the foreign position is the
 * embedded store's plain number.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_COUCHDB_URL, startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { coffeeSale, putDoc } from './sale-fixtures';

let server: SyncServerProcess;
let device: EnrolledDevice;
const SALE = 'sale_01KAQ7FC0000000000000000S1';
/** A position the other kind of store would have given. */
const FOREIGN = TEST_COUCHDB_URL
  ? '4071'
  : '4071-g1AAAAB4eJzLYWBgYMpgTmEQTM4vTc5ISXIwNDLXMwBCwxygBFMiQ5L8____';

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  device = await server.enrollDevice('hcm-q1', 'reg-01');
  expect(
    (await putDoc(server, device.auth, 'sales-hcm-q1', coffeeSale(SALE, device, 25_000))).status,
  ).toBe(201);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('a changes-feed position from the other kind of store', () => {
  it('is read from the start: the feed answers, with every document', async () => {
    const response = await fetch(
      `${server.url}/db/sales-hcm-q1/_changes?since=${encodeURIComponent(FOREIGN)}`,
      { headers: { Authorization: device.auth } },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { id: string }[] };
    expect(body.results.map((row) => row.id)).toContain(SALE);
  });

  it('leaves this store’s own positions alone', async () => {
    const first = (await (
      await fetch(`${server.url}/db/sales-hcm-q1/_changes`, {
        headers: { Authorization: device.auth },
      })
    ).json()) as { last_seq: string | number };
    const response = await fetch(
      `${server.url}/db/sales-hcm-q1/_changes?since=${encodeURIComponent(String(first.last_seq))}`,
      { headers: { Authorization: device.auth } },
    );
    const body = (await response.json()) as { results: unknown[] };
    expect(body.results).toEqual([]);
  });
});
