/**
 * The web-order intake applies the register's rules, not its own: a weighed line in grams is
 * priced per kilogram (src/pricing's lineAmount), and a phone number written any way the till
 * accepts is accepted and finds the same customer (src/customers' normalizePhone). Against the
 * real server process with the demo catalog (SKU000005 is the mango sold by the kilogram).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

let server: SyncServerProcess;
let register: EnrolledDevice;

async function call(path: string, auth: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const order = (externalId: string, phone: string, line: Record<string, unknown>) =>
  call('/api/v1/orders', server.adminAuth, 'POST', {
    externalId,
    customer: { name: 'Võ Thị C', phone },
    pickupStoreId: 'hcm-q1',
    currency: 'VND',
    lines: [{ name: 'Hàng', taxRateBp: 0, ...line }],
  });

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1');
});

afterAll(async () => {
  await server?.stop();
});

describe('a web order line without its total', () => {
  it('a weighed product (750 g at 65.000 ₫/kg) costs 48.750 ₫, as at the till', async () => {
    const placed = await order('WEIGHED-1', '0977000111', {
      sku: 'SKU000005',
      quantity: 750,
      unitPrice: 65_000,
    });
    expect(placed.status).toBe(201);
    expect(placed.body.total).toBe(48_750);
  });

  it('a product sold by the piece costs the price times the pieces', async () => {
    const placed = await order('PIECES-1', '0977000112', {
      sku: 'SKU000001',
      quantity: 3,
      unitPrice: 25_000,
    });
    expect(placed.status).toBe(201);
    expect(placed.body.total).toBe(75_000);
  });
});

describe('a phone number as people write it', () => {
  const line = { sku: 'SKU000001', quantity: 1, unitPrice: 25_000 };

  it.each([
    ['84901234567', 'PHONE-1'],
    ['901234567', 'PHONE-2'],
    ['+84 901 234 567', 'PHONE-3'],
  ])('%s is accepted and is the same customer', async (phone, externalId) => {
    const placed = await order(externalId, phone, line);
    expect(placed.status).toBe(201);
    const found = await call(`/api/v1/customers?phone=${encodeURIComponent(phone)}`, register.auth);
    expect(found.status).toBe(200);
    const customers = found.body.customers as { id: string; phone: string }[];
    expect(customers.map((customer) => customer.phone)).toEqual(['+84901234567']);
    expect(customers[0]?.id).toBe(placed.body.customerId);
  });
});
