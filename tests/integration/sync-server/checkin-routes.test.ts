/**
 * Pickup check-ins at the server: a kiosk checks a customer in for a web order, every register
 * of the pickup store sees it (and no other store's), checking in twice is one check-in, and a
 * served check-in leaves the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

describe('pickup check-ins', () => {
  let server: SyncServerProcess;
  let kiosk: EnrolledDevice;
  let register: EnrolledDevice;
  let elsewhere: EnrolledDevice;

  const call = async (path: string, auth: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const listed = async (device: EnrolledDevice) =>
    ((await call('/checkins', device.auth)).body.checkins as { orderNumber: string }[]).map(
      (checkin) => checkin.orderNumber,
    );

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    kiosk = await server.enrollDevice('hcm-q1', 'kiosk-1');
    register = await server.enrollDevice('hcm-q1', 'reg-01');
    elsewhere = await server.enrollDevice('hn-hk', 'reg-hn');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('shows a kiosk check-in to the registers of the pickup store only', async () => {
    const first = await call('/checkins', kiosk.auth, { orderId: 'W-10001' });
    expect(first.status).toBe(201);
    expect(first.body.checkin).toMatchObject({
      orderId: 'ord_demo0001',
      orderNumber: 'W-10001',
      storeId: 'hcm-q1',
    });
    expect(await listed(register)).toEqual(['W-10001']);
    expect(await listed(elsewhere)).toEqual([]);
  });

  it('takes a second check-in for the same order as the same one', async () => {
    const again = await call('/checkins', kiosk.auth, { orderId: 'ord_demo0001' });
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(await listed(register)).toEqual(['W-10001']);
  });

  it('refuses an order of another store and an unknown order, saying why', async () => {
    const other = await call('/checkins', kiosk.auth, { orderId: 'W-10003' });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).toMatch(/hn-hk/);
    const unknown = await call('/checkins', kiosk.auth, { orderId: 'W-99999' });
    expect(unknown.status).toBe(404);
    const empty = await call('/checkins', kiosk.auth, {});
    expect(empty.status).toBe(400);
  });

  it('drops a served check-in from the list', async () => {
    const served = await call('/checkins/ord_demo0001/served', register.auth, {});
    expect(served.status).toBe(200);
    expect(await listed(register)).toEqual([]);
  });
});
