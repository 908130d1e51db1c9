/**
 * A completed document never gets a second version, not even as a conflict branch: attacks by
 * enrolled devices against the real sync-server process, then what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess, TEST_COUCHDB_URL } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { coffeeSale } from '../sale-fixtures';

const DB = 'sales-hcm-q1';
let server: SyncServerProcess;
let register: EnrolledDevice;
let otherRegister: EnrolledDevice;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  otherRegister = await server.enrollDevice('hcm-q1', 'reg-02');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const saleAt = () => new Date(Date.now() - 60_000).toISOString();

function asCouch(doc: { id: string }): Record<string, unknown> {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}

async function bulkDocs(
  auth: string,
  docs: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/db/${DB}/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ docs, ...extra }),
  });
  return { status: response.status, body: await response.json() };
}

/** The stored document with its conflict branches, read as the administrator. */
async function storedWithConflicts(id: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${server.url}/db/${DB}/${id}?conflicts=true`, {
    headers: { Authorization: server.adminAuth },
  });
  if (response.status === 404) return null;
  return (await response.json()) as Record<string, unknown>;
}

describe('one version per completed sale', () => {
  it('refuses new_edits=false from a register: no revision of its choosing is stored', async () => {
    const sale = asCouch(coffeeSale('sale_versions_0001', register, 25_000, { at: saleAt() }));
    const first = await bulkDocs(register.auth, [{ ...sale, _rev: '1-aaaa' }], {
      new_edits: false,
    });
    expect(first.status).toBe(403);
    expect(JSON.stringify(first.body)).toContain('new_edits');
    expect(await storedWithConflicts('sale_versions_0001')).toBeNull();
  });

  it('keeps the first of two versions of one id in one request and refuses the second', async () => {
    const sale = asCouch(coffeeSale('sale_versions_0002', register, 25_000, { at: saleAt() }));
    const forged = { ...sale, staffId: 'staff_minh' };
    const reply = await bulkDocs(register.auth, [sale, forged]);
    expect(reply.status).toBe(201);
    const rows = reply.body as { id: string; ok?: boolean; error?: string; rejected?: boolean }[];
    expect(rows[0]?.ok).toBe(true);
    expect(rows[0]?.error).toBeUndefined();
    expect(rows[1]).toMatchObject({ error: 'forbidden', rejected: true });
    const stored = await storedWithConflicts('sale_versions_0002');
    expect(stored?.staffId).toBe('staff_lan');
    expect(stored?._conflicts).toBeUndefined();
  });

  it('stores exactly one version when two registers push the same id at once', async () => {
    for (let round = 0; round < 10; round++) {
      const id = `sale_versions_race${String(round).padStart(2, '0')}`;
      const at = saleAt();
      const mine = asCouch(coffeeSale(id, register, 25_000, { at }));
      const theirs = asCouch(coffeeSale(id, otherRegister, 25_000, { at }));
      const replies = await Promise.all([
        bulkDocs(register.auth, [mine]),
        bulkDocs(otherRegister.auth, [theirs]),
      ]);
      const rows = replies.map((reply) => (reply.body as { ok?: boolean; error?: string }[])[0]);
      const written = rows.filter((row) => row?.ok === true && row.error === undefined);
      // The embedded store serialises the two writes: one conflict. A CouchDB cluster may take
      // both as branches; the gate then removes every losing branch (and records it), so a
      // register told "ok" whose branch lost pulls the kept version.
      if (TEST_COUCHDB_URL) expect(written.length).toBeGreaterThanOrEqual(1);
      else expect(written).toHaveLength(1);
      const stored = await storedWithConflicts(id);
      expect(stored?._conflicts).toBeUndefined();
      expect([register.deviceId, otherRegister.deviceId]).toContain(stored?.deviceId);
    }
  });

  it('refuses a changed copy of a stored sale, with or without its revision', async () => {
    const sale = asCouch(coffeeSale('sale_versions_0003', register, 25_000, { at: saleAt() }));
    await bulkDocs(register.auth, [sale]);
    const stored = await storedWithConflicts('sale_versions_0003');
    const changed = { ...sale, staffId: 'staff_minh' };
    const withRev = await bulkDocs(register.auth, [{ ...changed, _rev: stored?._rev }]);
    const withoutRev = await bulkDocs(register.auth, [changed]);
    for (const reply of [withRev, withoutRev]) {
      expect((reply.body as { error?: string }[])[0]?.error).toBe('conflict');
    }
    const after = await storedWithConflicts('sale_versions_0003');
    expect(after?._rev).toBe(stored?._rev);
    expect(after?.staffId).toBe('staff_lan');
    expect(after?._conflicts).toBeUndefined();
  });
});
