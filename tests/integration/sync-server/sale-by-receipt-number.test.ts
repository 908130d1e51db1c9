/**
 * GET /api/v1/sales?number=Q1-01-000123 against a real sync-server process: a customer returns at
 * another store with the number printed on the receipt, and that store's register asks the server
 * (sync-server/api/sale-routes.ts, the `rcpt:` key of the server index).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { receiptNumberFor } from '../../../src/receipt/receipt-number';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { buildSale, lineOf, product, push, readAsAdmin } from './adversarial/sale-attack-fixtures';

let server: SyncServerProcess;
let q1: EnrolledDevice;
let hanoi: EnrolledDevice;
let sold: SaleDoc;

async function find(number: string, auth: string) {
  const response = await fetch(`${server.url}/api/v1/sales?number=${encodeURIComponent(number)}`, {
    headers: { Authorization: auth },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1', 'reg-01');
  hanoi = await server.enrollDevice('hn-hk', 'reg-01');
  const settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
  const sale = buildSale({
    id: 'sale_rcptfind0001',
    device: q1,
    settings,
    cart: { lines: [lineOf(product('SKU000001'), 'l1')] },
  });
  sold = { ...sale, receiptNumber: receiptNumberFor('hcm-q1', 'reg-01', 1), receiptSeq: 1 };
  const [row] = await push(server, q1, [sold]);
  expect(row?.error, row?.reason).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('a sale found by its receipt number on the server', () => {
  it('is found by another store’s register, typed lower-case with spaces around it', async () => {
    expect(sold.receiptNumber).toBe('Q1-01-000001');
    const reply = await find('  q1-01-000001 ', hanoi.auth);
    expect(reply.status).toBe(200);
    expect(reply.body.sale).toMatchObject({ id: sold.id, receiptNumber: 'Q1-01-000001' });
    expect(reply.body.returns).toEqual([]);
  });

  it('answers a malformed number with a 400 that shows the format', async () => {
    for (const typed of ['Q1-01-123', 'Q1 01 000001', 'sale_rcptfind0001']) {
      const reply = await find(typed, hanoi.auth);
      expect(reply.status, typed).toBe(400);
      expect(reply.body).toMatchObject({ error: 'bad_request', field: 'number' });
      expect(reply.body.reason).toContain('e.g. Q1-01-000123');
    }
  });

  it('answers 404 for a number no store has synced, and 401 without credentials', async () => {
    const reply = await find('Q1-01-000002', hanoi.auth);
    expect(reply.status).toBe(404);
    expect(reply.body.reason).toContain('No sale Q1-01-000002');
    expect((await find('Q1-01-000001', '')).status).toBe(401);
  });
});
