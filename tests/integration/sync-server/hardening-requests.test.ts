/**
 * Bounded work per request (issue #15): bodies nested 10,000 and 1,000,000 deep, too many values,
 * invalid UTF-8, Mango queries with `$regex`, and `_local` documents, sent as an enrolled register
 * (or the admin) would, against the real server process. Each answer is CouchDB-shaped JSON 4xx,
 * never a 500 or an HTML page, and nothing is stored altered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE = 'hcm-q1';
let server: SyncServerProcess;
let register: EnrolledDevice;

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
  ms: number;
}

async function send(
  path: string,
  method: string,
  body: string | Uint8Array<ArrayBuffer> | undefined,
  auth = register.auth,
  contentType = 'application/json',
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: auth, 'Content-Type': contentType },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { unparsed: text.slice(0, 200) };
  }
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: parsed,
    ms,
  };
}

const nested = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);

function expectJsonRefusal(answer: Answer, status: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.type).toContain('application/json');
  expect(typeof answer.body.error).toBe('string');
  expect(typeof answer.body.reason).toBe('string');
}

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice(STORE);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('deeply nested JSON', () => {
  for (const depth of [10_000, 1_000_000]) {
    it(`answers 400 JSON to a body nested ${depth} deep on _bulk_docs, a document PUT and _local`, async () => {
      const deep = nested(depth);
      const targets: [string, string, string][] = [
        [`/db/stock-${STORE}/_bulk_docs`, 'POST', `{"docs":[{"_id":"stk_deep","x":${deep}}]}`],
        [`/db/stock-${STORE}/stk_deep_put`, 'PUT', `{"x":${deep}}`],
        [`/db/stock-${STORE}/_local/deep`, 'PUT', `{"x":${deep}}`],
      ];
      for (const [path, method, body] of targets) {
        const answer = await send(path, method, body);
        expectJsonRefusal(answer, 400);
        expect(answer.body.reason).toMatch(/nests deeper than/);
        console.log(
          `${method} ${path} nested ${depth}: ${answer.status} in ${answer.ms.toFixed(1)} ms`,
        );
      }
      const stored = await send(`/db/stock-${STORE}/_local/deep`, 'GET', undefined);
      expect(stored.status).toBe(404);
    });
  }

  it('refuses a body of more values than a batch ever holds with 413', async () => {
    const many = `{"docs":[${new Array(300_000).fill('0').join(',')}]}`;
    expectJsonRefusal(await send(`/db/stock-${STORE}/_bulk_docs`, 'POST', many), 413);
  });

  it('answers a _local document with a non-JSON content type as JSON too', async () => {
    const answer = await send(
      `/db/stock-${STORE}/_local/texty`,
      'PUT',
      nested(100_000),
      register.auth,
      'text/plain',
    );
    expectJsonRefusal(answer, 400);
  });
});

describe('invalid UTF-8', () => {
  it('refuses the body with 400 and stores nothing', async () => {
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from('{"name":"Cà phê '),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}'),
      ]),
    );
    const local = await send(`/db/stock-${STORE}/_local/utf8`, 'PUT', bytes);
    expectJsonRefusal(local, 400);
    expect(local.body.reason).toMatch(/UTF-8/);
    expect((await send(`/db/stock-${STORE}/_local/utf8`, 'GET', undefined)).status).toBe(404);
    const admin = await send(`/db/products/prd_utf8`, 'PUT', bytes, server.adminAuth);
    expectJsonRefusal(admin, 400);
    expect((await send('/db/products/prd_utf8', 'GET', undefined, server.adminAuth)).status).toBe(
      404,
    );
  });
});

describe('Mango queries', () => {
  const redos = JSON.stringify({ selector: { name: { $regex: '^(a+)+$' } } });

  it('refuses $regex to a device and to the admin', async () => {
    const asDevice = await send('/db/customers/_find', 'POST', redos);
    expect(asDevice.status).toBeGreaterThanOrEqual(400);
    expect(asDevice.status).toBeLessThan(500);
    expect(asDevice.type).toContain('application/json');
    console.log(`$regex _find as a device: ${asDevice.status} in ${asDevice.ms.toFixed(1)} ms`);
    expectJsonRefusal(await send('/db/customers/_find', 'POST', redos, server.adminAuth), 400);
    const asText = await send('/db/customers/_find', 'POST', redos, server.adminAuth, 'text/plain');
    expectJsonRefusal(asText, 400);
  });

  it('refuses other queries of a device, and _changes filters', async () => {
    const byName = JSON.stringify({ selector: { name: 'Nguyễn' } });
    expectJsonRefusal(await send('/db/customers/_find', 'POST', byName), 403);
    const ledgerWithRegex = JSON.stringify({ selector: { customerId: { $gt: '' } } });
    expectJsonRefusal(await send('/db/loyalty/_find', 'POST', ledgerWithRegex), 403);
    expectJsonRefusal(await send('/db/customers/_explain', 'POST', byName), 403);
    expectJsonRefusal(await send('/db/customers/_changes?filter=_selector', 'POST', byName), 403);
  });

  it("still answers the register's own ledger query (ledgerFor), from the server index", async () => {
    const all = await send('/db/loyalty/_all_docs?include_docs=true&limit=50', 'GET', undefined);
    const rows = all.body.rows as { doc: { _id: string; customerId: string } }[];
    const customerId = rows[0]?.doc.customerId;
    expect(customerId).toBeTruthy();
    const expected = rows
      .filter((row) => row.doc.customerId === customerId)
      .map((row) => row.doc._id);
    const answer = await send(
      '/db/loyalty/_find',
      'POST',
      JSON.stringify({ selector: { customerId }, limit: 100_000 }),
    );
    expect(answer.status).toBe(200);
    const docs = answer.body.docs as { _id: string; _rev: string; customerId: string }[];
    expect(docs.map((doc) => doc._id)).toEqual(expect.arrayContaining(expected));
    expect(docs.every((doc) => doc.customerId === customerId && doc._rev)).toBe(true);
  });
});

describe('_local documents of a device', () => {
  it('keeps replication checkpoints working: write, read back, update', async () => {
    const path = `/db/sales-${STORE}/_local/checkpoint-1`;
    const first = await send(path, 'PUT', JSON.stringify({ last_seq: '12', history: [] }));
    expect(first.status).toBe(201);
    const read = await send(path, 'GET', undefined);
    expect(read.body).toMatchObject({ last_seq: '12' });
    const again = await send(
      path,
      'PUT',
      JSON.stringify({ _rev: read.body._rev, last_seq: '40', history: [] }),
    );
    expect(again.status).toBe(201);
  });

  it('refuses a _local document over 64 KB with 413, on PUT and in _bulk_docs', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
    expectJsonRefusal(await send(`/db/sales-${STORE}/_local/big`, 'PUT', big), 413);
    const bulk = JSON.stringify({ docs: [{ _id: '_local/big2', padding: 'x'.repeat(70 * 1024) }] });
    expectJsonRefusal(await send(`/db/sales-${STORE}/_bulk_docs`, 'POST', bulk), 413);
    expect((await send(`/db/sales-${STORE}/_local/big`, 'GET', undefined)).status).toBe(404);
  });

  it('caps how many _local documents one device keeps, not how often it rewrites one', async () => {
    const device = await server.enrollDevice(STORE, 'local flooder');
    let refusedAt = -1;
    for (let n = 0; n < 120 && refusedAt < 0; n++) {
      const answer = await send(
        `/db/stock-${STORE}/_local/cp-${n}`,
        'PUT',
        JSON.stringify({ n }),
        device.auth,
      );
      if (answer.status !== 201) {
        expectJsonRefusal(answer, 403);
        refusedAt = n;
      }
    }
    expect(refusedAt).toBe(100);
    // Rewriting one it already has still works.
    const current = await send(`/db/stock-${STORE}/_local/cp-3`, 'GET', undefined, device.auth);
    const rewrite = await send(
      `/db/stock-${STORE}/_local/cp-3`,
      'PUT',
      JSON.stringify({ _rev: current.body._rev, n: 'again' }),
      device.auth,
    );
    expect(rewrite.status).toBe(201);
    // Another device is not affected.
    const other = await send(`/db/stock-${STORE}/_local/mine`, 'PUT', '{"n":1}');
    expect(other.status).toBe(201);
  }, 60_000);
});
