/**
 * What the omnichannel flows need of customers reaching registers (issue #15), against the real
 * server process with the demo data: a web order for pickup at Hoàn Kiếm names a Quận 1
 * customer, who must then reach the Hoàn Kiếm register's next pull with their points ledger,
 * although both sit far behind its checkpoint. With the demo, both demo stores receive every
 * customer unless OMNITILL_ALL_CUSTOMERS says otherwise (here: no store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_STORE_ID } from '../../../src/demo/demo-ids';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { waitFor } from '../../helpers/wait-for';

/** Demo customer 11: born at Quận 1 (hcm-q1), with points. */
const CUSTOMER = 'cust_demo0000011';
const PHONE = '+84900000011';

let server: SyncServerProcess;
let hanoi: EnrolledDevice;

interface Changes {
  results: { id: string; deleted?: boolean; doc?: Record<string, unknown> }[];
  last_seq: string | number;
}

async function changes(db: string, since: string | number = 0): Promise<Changes> {
  const response = await fetch(
    `${server.url}/db/${db}/_changes?include_docs=true&since=${encodeURIComponent(String(since))}`,
    { headers: { Authorization: hanoi.auth } },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Changes;
}

/** What a pull would store: the documents that are not removed. */
const received = (answer: Changes) =>
  answer.results.filter((row) => row.deleted !== true).map((row) => row.doc ?? {});

beforeAll(async () => {
  server = await startSyncServerProcess({
    seedDemo: true,
    env: { OMNITILL_ALL_CUSTOMERS: '' },
  });
  hanoi = await server.enrollDevice(DEMO_OTHER_STORE_ID, 'Hà Nội register');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('a customer a web order brings to a store', () => {
  it('reaches the pickup store’s next pull, with their ledger', async () => {
    const customersBefore = await changes('customers');
    const loyaltyBefore = await changes('loyalty');
    expect(received(customersBefore).map((doc) => doc._id)).not.toContain(CUSTOMER);
    expect(received(loyaltyBefore).filter((doc) => doc.customerId === CUSTOMER)).toEqual([]);

    const placed = await fetch(`${server.url}/api/v1/orders`, {
      method: 'POST',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        externalId: 'SCOPE-1',
        customer: { name: 'Khách 11', phone: PHONE },
        pickupStoreId: DEMO_OTHER_STORE_ID,
        currency: 'VND',
        lines: [{ sku: 'SKU000001', name: 'Cà phê', quantity: 1, unitPrice: 25_000, taxRateBp: 0 }],
      }),
    });
    expect(placed.status).toBe(201);
    expect(((await placed.json()) as { customerId: string }).customerId).toBe(CUSTOMER);

    const customersAfter = await waitFor(
      async () => {
        const answer = await changes('customers', customersBefore.last_seq);
        return received(answer).some((doc) => doc._id === CUSTOMER) && answer;
      },
      { description: 'the customer in the Hà Nội register’s next pull' },
    );
    expect(received(customersAfter).map((doc) => doc._id)).toEqual([CUSTOMER]);
    const ledger = received(await changes('loyalty', loyaltyBefore.last_seq));
    expect(ledger.length).toBeGreaterThan(0);
    expect(new Set(ledger.map((doc) => doc.customerId))).toEqual(new Set([CUSTOMER]));
  });
});
