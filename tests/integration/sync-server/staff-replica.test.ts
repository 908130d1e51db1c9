/**
 * A register receives only the staff who may work in its store (issue #15: every register of
 * every store replicated every PIN hash, and a Hà Nội replica gave up the Hồ Chí Minh cashiers'
 * PINs). Read as an enrolled Hà Nội register would, through every read of the replication
 * protocol, against the real server process with the demo staff: lan and minh work in hcm-q1 only,
 * tuan in hn-hk, ha (manager) in every store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_STORE_ID, DEMO_STORE_ID } from '../../../src/demo/demo-ids';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;
let hanoi: EnrolledDevice;

interface Row {
  id: string;
  key?: string;
  seq?: unknown;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Record<string, unknown>;
}
/** The fields of CouchDB answers these tests read. */
interface Answer {
  results: Row[];
  rows: Row[];
  last_seq: string | number;
  pin?: unknown;
  _rev?: string;
}

async function get(path: string, auth = hanoi.auth): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: auth } });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: hanoi.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** Ids whose PIN hash the answer carries. */
function pinHolders(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => pinHolders(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._id === 'string' && record.pin !== undefined) found.add(record._id);
    Object.values(record).forEach((item) => pinHolders(item, found));
  }
  return found;
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  hanoi = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'Hà Nội register');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('staff a register replicates', () => {
  it('_changes with docs carries only staff of its store, others as removed', async () => {
    const { status, body } = await get('/db/staff/_changes?style=all_docs&include_docs=true');
    expect(status).toBe(200);
    expect([...pinHolders(body)].sort()).toEqual(['staff_ha', 'staff_tuan']);
    const lan = body.results.find((row) => row.id === 'staff_lan');
    expect(lan?.deleted).toBe(true);
    expect(lan?.doc).toEqual({ _id: 'staff_lan', _rev: lan?.changes[0]?.rev, _deleted: true });
  });

  it('a long-poll _changes is answered filtered too', async () => {
    const { body } = await get('/db/staff/_changes?feed=longpoll&include_docs=true&since=0');
    expect([...pinHolders(body)].sort()).toEqual(['staff_ha', 'staff_tuan']);
  });

  it('_all_docs, _bulk_get and GET of a document hold no other store’s staff', async () => {
    const all = await get('/db/staff/_all_docs?include_docs=true');
    expect(all.status).toBe(200);
    expect(all.body.rows.map((row) => row.id).sort()).toEqual(['staff_ha', 'staff_tuan']);
    const keyed = await post('/db/staff/_all_docs?include_docs=true', {
      keys: ['staff_lan', 'staff_tuan'],
    });
    expect([...pinHolders(keyed.body)]).toEqual(['staff_tuan']);
    expect(keyed.body.rows[0]).toEqual({ key: 'staff_lan', error: 'not_found' });
    const bulk = await post('/db/staff/_bulk_get', {
      docs: [{ id: 'staff_lan' }, { id: 'staff_minh' }, { id: 'staff_tuan' }],
    });
    expect(bulk.status).toBe(200);
    expect([...pinHolders(bulk.body)]).toEqual(['staff_tuan']);
    expect((await get('/db/staff/staff_lan')).status).toBe(404);
    expect((await get('/db/staff/staff_lan?open_revs=all')).status).toBe(404);
    expect((await get('/db/staff/staff_tuan')).body.pin).toBeDefined();
  });

  it('a member moved to another store reaches the old store’s register as removed', async () => {
    const before = await get('/db/staff/_changes');
    const tuan = (await get('/db/staff/staff_tuan', server.adminAuth)).body;
    const moved = await fetch(`${server.url}/db/staff/staff_tuan`, {
      method: 'PUT',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...tuan, storeIds: [DEMO_STORE_ID] }),
    });
    expect(moved.status).toBe(201);
    const after = await get(
      `/db/staff/_changes?include_docs=true&since=${encodeURIComponent(String(before.body.last_seq))}`,
    );
    expect(after.body.results).toHaveLength(1);
    expect(after.body.results[0]).toMatchObject({ id: 'staff_tuan', deleted: true });
    expect(pinHolders(after.body).size).toBe(0);
    expect((await get('/db/staff/staff_tuan')).status).toBe(404);
  });

  it('the administrator still reads every member', async () => {
    const all = await get('/db/staff/_all_docs', server.adminAuth);
    expect(all.body.rows.length).toBe(4);
  });
});
