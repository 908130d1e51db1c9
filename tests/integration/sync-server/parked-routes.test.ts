/**
 * POST /api/v1/parked/{id}/resume against the real server process: two registers of the store
 * claim the same parked sale at the same moment and exactly one wins; the other is told who
 * resumed it, at which register and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkedSaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { putDoc } from './sale-fixtures';

let server: SyncServerProcess;
let registerOne: EnrolledDevice;
let registerTwo: EnrolledDevice;
let hanoi: EnrolledDevice;

function parkedSale(id: string, device: EnrolledDevice): ParkedSaleDoc {
  return {
    id,
    storeId: device.storeId,
    registerId: 'reg-01',
    deviceId: device.deviceId,
    staffId: 'staff_minh',
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU000050',
          sku: 'SKU000050',
          name: 'Bánh quy',
          categoryId: 'snacks',
          pricing: 'unit',
          unitPrice: minor(40_000),
          quantity: 2,
          taxRateId: 'vat8',
        },
      ],
    },
    label: 'chị Mai',
    totalWhenParked: minor(80_000),
    lineCount: 1,
    status: 'parked',
    parkedAt: '2026-11-24T03:40:00.000Z',
  };
}

async function resume(id: string, auth: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/v1/parked/${id}/resume`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function storedParked(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/db/parked-hcm-q1/${id}`, {
    headers: { Authorization: server.adminAuth },
  });
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  registerOne = await server.enrollDevice('hcm-q1', 'register 1');
  registerTwo = await server.enrollDevice('hcm-q1', 'register 2');
  hanoi = await server.enrollDevice('hn-hk');
});

afterAll(async () => {
  await server?.stop();
});

describe('two registers resuming the same parked sale', () => {
  it('lets exactly one of two concurrent claims win; the other learns who, where and when', async () => {
    const id = 'park_01TWOCLAIMS';
    expect(
      (await putDoc(server, registerOne.auth, 'parked-hcm-q1', parkedSale(id, registerOne))).status,
    ).toBe(201);

    const replies = await Promise.all([
      resume(id, registerOne.auth, { staffId: 'staff_minh', registerId: 'reg-01' }),
      resume(id, registerTwo.auth, { staffId: 'staff_lan', registerId: 'reg-02' }),
    ]);
    const won = replies.filter((reply) => reply.status === 200);
    const lost = replies.filter((reply) => reply.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);

    const winner = (won[0]?.body.parked ?? {}) as ParkedSaleDoc;
    expect(winner.status).toBe('resumed');
    const loser = lost[0]?.body ?? {};
    expect(loser.error).toBe('already_resumed');
    expect(loser.closed).toEqual(winner.closed);
    const winnerName = winner.closed?.staffId === 'staff_lan' ? 'Nguyễn Thị Lan' : 'Trần Văn Minh';
    expect(loser.staffName).toBe(winnerName);
    expect(loser.reason).toContain(`at register ${winner.closed?.registerId} by ${winnerName}`);

    const stored = await storedParked(id);
    expect(stored).toMatchObject({ status: 'resumed', closed: winner.closed });
  });

  it('answers the winner’s retry with the same claim, and refuses any later one', async () => {
    const id = 'park_01RETRY';
    await putDoc(server, registerOne.auth, 'parked-hcm-q1', parkedSale(id, registerOne));
    const first = await resume(id, registerTwo.auth, {
      staffId: 'staff_lan',
      registerId: 'reg-02',
    });
    expect(first.status).toBe(200);
    expect(first.body.replayed).toBe(false);
    const retry = await resume(id, registerTwo.auth, {
      staffId: 'staff_lan',
      registerId: 'reg-02',
    });
    expect(retry.status).toBe(200);
    expect(retry.body.replayed).toBe(true);
    expect(retry.body.parked).toEqual(first.body.parked);

    const late = await resume(id, registerOne.auth, {
      staffId: 'staff_minh',
      registerId: 'reg-01',
    });
    expect(late.status).toBe(409);
    expect(late.body.reason).toContain('at register reg-02 by Nguyễn Thị Lan');
  });

  it('refuses a register whose edit of an already resumed parked sale arrives by replication', async () => {
    const id = 'park_01REPLICATED';
    await putDoc(server, registerOne.auth, 'parked-hcm-q1', parkedSale(id, registerOne));
    expect(
      (await resume(id, registerTwo.auth, { staffId: 'staff_lan', registerId: 'reg-02' })).status,
    ).toBe(200);
    const stored = await storedParked(id);
    const edit = await fetch(`${server.url}/db/parked-hcm-q1/${id}`, {
      method: 'PUT',
      headers: { Authorization: registerOne.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...stored,
        closed: { at: '2026-11-24T03:42:00.000Z', staffId: 'staff_minh', registerId: 'reg-01' },
      }),
    });
    expect(edit.status).toBe(403);
  });

  it('answers 404 for a sale the server does not hold, 403 to another store, 400 without a cashier', async () => {
    const missing = await resume('park_01NOTSYNCED', registerOne.auth, {
      staffId: 'staff_minh',
      registerId: 'reg-01',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.reason).toContain('has not synced yet');

    const id = 'park_01OTHERSTORE';
    await putDoc(server, registerOne.auth, 'parked-hcm-q1', parkedSale(id, registerOne));
    const other = await resume(id, hanoi.auth, {
      staffId: 'staff_tuan',
      registerId: 'reg-01',
      storeId: 'hcm-q1',
    });
    expect(other.status).toBe(403);
    // Without naming the store, another store's register looks in its own store: not there.
    expect(
      (await resume(id, hanoi.auth, { staffId: 'staff_tuan', registerId: 'reg-01' })).status,
    ).toBe(404);

    const noCashier = await resume(id, registerOne.auth, { registerId: 'reg-01' });
    expect(noCashier.status).toBe(400);
    expect(noCashier.body.field).toBe('staffId');
    expect(
      (await resume(id, server.adminAuth, { staffId: 'staff_minh', registerId: 'reg-01' })).status,
    ).toBe(403);
    expect((await storedParked(id)).status).toBe('parked');
  });
});
