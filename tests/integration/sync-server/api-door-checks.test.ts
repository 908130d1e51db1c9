/**
 * The domain API checks every request at the door against its contract entry (src/api): a
 * malformed one is a JSON 400 that names the field and says what to send, before any handler
 * runs, and never silently ignores a field it does not understand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

describe('requests checked at the API door', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;

  const send = async (method: string, path: string, auth: string, body?: string) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: (await response.json()) as { error?: string; reason?: string; field?: string },
    };
  };

  beforeAll(async () => {
    server = await startSyncServerProcess({ seedDemo: true });
    register = await server.enrollDevice('hcm-q1', 'reg-01');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    [
      'a stored-value hold in a currency nobody uses',
      'POST',
      '/stored-value/holds',
      {
        number: 'ret_01KAQ5V0000000000000000NT1',
        amount: 1000,
        saleId: 'sale_1',
        idempotencyKey: 'k1',
        currency: 'XYZ',
      },
      'currency',
    ],
    [
      'a loyalty hold whose sale id is not text',
      'POST',
      '/loyalty/holds',
      { customerId: 'cust_demo0011', points: 5, idempotencyKey: 'k2', sourceId: 42 },
      'sourceId',
    ],
    [
      'a loyalty hold of "ten" points',
      'POST',
      '/loyalty/holds',
      { customerId: 'cust_demo0011', points: 'ten', idempotencyKey: 'k3' },
      'points',
    ],
    [
      'a parked-sale claim naming its store as a number',
      'POST',
      '/parked/park_01X/resume',
      { staffId: 'staff_lan', registerId: 'reg-01', storeId: 7 },
      'storeId',
    ],
    [
      'a report for a store given twice',
      'GET',
      `/reports?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&storeId=a&storeId=b`,
      undefined,
      'storeId',
    ],
    ['a stock look-up without a SKU', 'GET', '/stock', undefined, 'sku'],
  ])('refuses %s with a 400 naming the field', async (_case, method, path, body, field) => {
    const reply = await send(
      method,
      path,
      register.auth,
      body === undefined ? undefined : JSON.stringify(body),
    );
    expect(reply.status).toBe(400);
    expect(reply.type).toMatch(/application\/json/);
    expect(reply.body).toMatchObject({ error: 'bad_request', field });
    expect(reply.body.reason).toContain(field);
  });

  it('refuses a body that is not an object with what to send', async () => {
    const reply = await send('POST', '/loyalty/holds/hold_1/confirm', register.auth, '"yes"');
    expect(reply.status).toBe(400);
    expect(reply.body.reason).toMatch(/Send a JSON object/);
  });
});
