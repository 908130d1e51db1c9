/**
 * A register receives only the customers and loyalty entries its store needs (issue #15: every
 * register replicated every customer of the chain with their whole points ledger). Read as an
 * enrolled register of store B would, through every read of the replication protocol, against
 * the real server process on its on-disk store: a customer born at store A, with entries, must
 * not reach B until B needs them (a lookup from B through the server's API), and then must reach
 * B's next pull from its old checkpoint, ledger included. A store set to "all customers"
 * (OMNITILL_ALL_CUSTOMERS) receives everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE_A = 'st-a';
const STORE_B = 'st-b';
const STORE_C = 'st-c';
const NOW = '2026-12-01T08:00:00.000Z';

let server: SyncServerProcess;
let registerB: EnrolledDevice;
let registerC: EnrolledDevice;

interface Row {
  id: string;
  key?: string;
  deleted?: boolean;
  error?: string;
  changes: { rev: string }[];
  doc?: Record<string, unknown>;
  docs?: { ok?: Record<string, unknown> }[];
}
interface Answer {
  results: Row[];
  rows: Row[];
  last_seq: string | number;
}

async function get(path: string, auth: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: auth } });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function post(path: string, auth: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function adminPut(db: string, doc: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/db/${db}/${doc.id as string}`, {
    method: 'PUT',
    headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: doc.id, ...doc }),
  });
  if (response.status !== 201) throw new Error(`${db} ${response.status} ${await response.text()}`);
}

function customer(id: string, storeId: string | undefined, phone: string) {
  return {
    id,
    name: `Khách ${id}`,
    phone,
    origin: storeId ? { channel: 'store', storeId } : { channel: 'web' },
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function adjustment(id: string, customerId: string, points: number) {
  return {
    id,
    customerId,
    kind: 'adjust',
    points,
    channel: 'care',
    sourceId: `care-${id}`,
    idempotencyKey: `adjust:${id}`,
    reason: 'goodwill',
    createdAt: NOW,
  };
}

/** Ids of the documents (not tombstones) an answer carries, wherever they sit in it. */
function held(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => held(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._id === 'string' && record._deleted !== true) found.add(record._id);
    Object.values(record).forEach((item) => held(item, found));
  }
  return found;
}

/** Every read path of the protocol, as the register of `auth` would use them. */
async function readableIds(db: string, ids: readonly string[], auth: string): Promise<string[]> {
  const seen = new Set<string>();
  const changes = await get(`/db/${db}/_changes?style=all_docs&include_docs=true`, auth);
  expect(changes.status).toBe(200);
  held(changes.body, seen);
  const all = await get(`/db/${db}/_all_docs?include_docs=true`, auth);
  expect(all.status).toBe(200);
  for (const row of all.body.rows) if (!row.error) seen.add(row.id);
  held(all.body, seen);
  const keyed = await post(`/db/${db}/_all_docs?include_docs=true`, auth, { keys: ids });
  held(keyed.body, seen);
  const bulk = await post(`/db/${db}/_bulk_get`, auth, { docs: ids.map((id) => ({ id })) });
  expect(bulk.status).toBe(200);
  held(bulk.body, seen);
  for (const id of ids) {
    const one = await get(`/db/${db}/${id}`, auth);
    if (one.status === 200) seen.add(id);
    const revs = await fetch(`${server.url}/db/${db}/${id}?open_revs=all`, {
      headers: { Authorization: auth, Accept: 'application/json' },
    });
    if (revs.status === 200) held(await revs.json(), seen);
  }
  return [...seen].filter((id) => ids.includes(id)).sort();
}

beforeAll(async () => {
  server = await startSyncServerProcess({ env: { OMNITILL_ALL_CUSTOMERS: STORE_C } });
  await server.enrollDevice(STORE_A, 'A till');
  registerB = await server.enrollDevice(STORE_B, 'B till');
  registerC = await server.enrollDevice(STORE_C, 'C till');
  await adminPut('customers', customer('cust_a1', STORE_A, '+84911000001'));
  await adminPut('customers', customer('cust_a2', STORE_A, '+84911000002'));
  await adminPut('customers', customer('cust_b1', STORE_B, '+84911000003'));
  await adminPut('loyalty', adjustment('loy_a1x', 'cust_a1', 10));
  await adminPut('loyalty', adjustment('loy_a2x', 'cust_a2', 20));
  await adminPut('loyalty', adjustment('loy_b1x', 'cust_b1', 30));
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const CUSTOMERS = ['cust_a1', 'cust_a2', 'cust_b1'];
const ENTRIES = ['loy_a1x', 'loy_a2x', 'loy_b1x'];

describe('customers and loyalty entries a register replicates', () => {
  it('a register of store B reads its own store’s customers and their entries, not store A’s', async () => {
    expect(await readableIds('customers', CUSTOMERS, registerB.auth)).toEqual(['cust_b1']);
    expect(await readableIds('loyalty', ENTRIES, registerB.auth)).toEqual(['loy_b1x']);
    const changes = await get('/db/customers/_changes?include_docs=true', registerB.auth);
    expect(changes.body.results.find((row) => row.id === 'cust_a1')).toMatchObject({
      deleted: true,
    });
  });

  it('a customer looked up from store B reaches B’s next pull from its old checkpoint, with the ledger', async () => {
    const customersBefore = await get('/db/customers/_changes', registerB.auth);
    const loyaltyBefore = await get('/db/loyalty/_changes', registerB.auth);
    const found = await fetch(`${server.url}/api/v1/customers?phone=%2B84911000001`, {
      headers: { Authorization: registerB.auth },
    });
    expect(found.status).toBe(200);
    const since = (answer: Answer) => encodeURIComponent(String(answer.last_seq));
    const customersAfter = await get(
      `/db/customers/_changes?include_docs=true&since=${since(customersBefore.body)}`,
      registerB.auth,
    );
    expect([...held(customersAfter.body)]).toEqual(['cust_a1']);
    const loyaltyAfter = await get(
      `/db/loyalty/_changes?include_docs=true&since=${since(loyaltyBefore.body)}`,
      registerB.auth,
    );
    expect([...held(loyaltyAfter.body)]).toEqual(['loy_a1x']);
    expect(await readableIds('customers', CUSTOMERS, registerB.auth)).toEqual([
      'cust_a1',
      'cust_b1',
    ]);
    expect(await readableIds('loyalty', ENTRIES, registerB.auth)).toEqual(['loy_a1x', 'loy_b1x']);
  });

  it('a store set to "all customers" receives every customer and entry', async () => {
    expect(await readableIds('customers', CUSTOMERS, registerC.auth)).toEqual(CUSTOMERS);
    expect(await readableIds('loyalty', ENTRIES, registerC.auth)).toEqual(ENTRIES);
  });

  it('the administrator still reads every customer', async () => {
    const all = await get('/db/customers/_all_docs', server.adminAuth);
    expect(all.body.rows.map((row) => row.id)).toEqual(CUSTOMERS);
  });
});
