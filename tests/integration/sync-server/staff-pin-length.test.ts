/**
 * New staff PINs have at least 6 digits (issue #15: 4-digit PINs fell to a copied replica in
 * minutes). The administrator sets a member's PIN through POST /api/v1/admin/staff/:id; the server
 * hashes it and refuses a short one with a message in vi and en. PINs set before the rule (the
 * demo's 4 digits) still sign in until changed: the register checks only the hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../../../src/demo/demo-ids';
import type { StaffDoc } from '../../../src/documents';
import { pinMatches } from '../../../renderer/auth/pin';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;

async function setStaff(
  id: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1/admin/staff/${id}`, {
    method: 'POST',
    headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function staffDoc(id: string): Promise<StaffDoc> {
  const response = await fetch(`${server.url}/db/staff/${id}`, {
    headers: { Authorization: server.adminAuth },
  });
  const { _id, _rev: _ignored, ...rest } = (await response.json()) as Record<string, unknown>;
  return { ...rest, id: _id } as StaffDoc;
}

const NEW_CASHIER = { name: 'Đỗ Văn Nam', role: 'cashier', storeIds: [DEMO_STORE_ID] };

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true, env: { OMNITILL_MIN_PIN_LENGTH: '' } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('staff PIN length', () => {
  it('refuses a new 4-digit PIN, saying so in vi and en', async () => {
    const answer = await setStaff('staff_nam', { ...NEW_CASHIER, pin: '1234' });
    expect(answer.status).toBe(400);
    expect(answer.body.reason).toContain('at least 6 digits');
    expect(answer.body.reason_vi).toContain('ít nhất 6 chữ số');
    expect(
      (
        await fetch(`${server.url}/db/staff/staff_nam`, {
          headers: { Authorization: server.adminAuth },
        })
      ).status,
    ).toBe(404);
  });

  it('stores a 6-digit PIN as a hash the register accepts, never the PIN', async () => {
    const answer = await setStaff('staff_nam', { ...NEW_CASHIER, pin: '482915' });
    expect(answer.status).toBe(200);
    const doc = await staffDoc('staff_nam');
    expect(JSON.stringify(doc)).not.toContain('482915');
    expect(doc.active).toBe(true);
    expect(await pinMatches('482915', doc.pin)).toBe(true);
    expect(await pinMatches('482916', doc.pin)).toBe(false);
  });

  it('keeps an existing 4-digit PIN working when other fields change', async () => {
    const lan = await staffDoc('staff_lan');
    const answer = await setStaff('staff_lan', {
      name: lan.name,
      role: 'supervisor',
      storeIds: lan.storeIds,
    });
    expect(answer.status).toBe(200);
    const after = await staffDoc('staff_lan');
    expect(after.role).toBe('supervisor');
    expect(await pinMatches('1111', after.pin)).toBe(true);
  });

  it('a new member needs a PIN', async () => {
    const answer = await setStaff('staff_mai', { ...NEW_CASHIER, name: 'Mai' });
    expect(answer.status).toBe(400);
    expect(answer.body.reason).toContain('pin');
  });
});
