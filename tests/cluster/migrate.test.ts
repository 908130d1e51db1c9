/**
 * `npm run admin -- migrate`: a retailer's embedded store copied to a CouchDB cluster and back,
 * every document and revision kept, verified by the command; a second run writes nothing (it
 * resumes from the replication checkpoints); a sync-server started on the copy serves the same
 * sale and balance to the same enrolled register.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TEST_COUCHDB_URL,
  dropCouchDatabases,
  startSyncServerProcess,
} from '../helpers/sync-server-process';
import { coffeeSale, putDoc } from '../integration/sync-server/sale-fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const PREFIX = `tmig${Date.now().toString(36)}_`;
const dirs: string[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-migrate-'));
  dirs.push(dir);
  return dir;
}

async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['sync-server/admin-cli.ts', ...args],
    { cwd: ROOT, env: { ...process.env, OMNITILL_ADMIN_TOKEN: '' } },
  );
  return stdout;
}

afterAll(async () => {
  if (TEST_COUCHDB_URL) await dropCouchDatabases(TEST_COUCHDB_URL, PREFIX);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('moving a retailer between the embedded store and a CouchDB cluster', () => {
  it('copies every document and revision there and back, and the copies serve the same data', async () => {
    if (!TEST_COUCHDB_URL) throw new Error('Run with npm run test:couchdb (needs a CouchDB).');
    const dataDir = freshDir();
    // The demo without its past and stock: this register's one sale is then the store's only
    // one, and the copy to the cluster stays small.
    const embedded = await startSyncServerProcess({
      dataDir,
      seedDemo: true,
      couchdbUrl: '',
      env: { OMNITILL_DEMO_HISTORY: 'none' },
    });
    const device = await embedded.enrollDevice('hcm-q1', 'reg-01');
    const sale = coffeeSale('sale_01KAQ7MG0000000000000000S1', device, 25_000);
    expect((await putDoc(embedded, device.auth, 'sales-hcm-q1', sale)).status).toBe(201);
    const customer = 'cust_demo0000001';
    const read = async (server: typeof embedded) => {
      const got = await fetch(`${server.url}/db/sales-hcm-q1/${sale.id}`, {
        headers: { Authorization: device.auth },
      });
      const profile = await fetch(`${server.url}/api/v1/customers/${customer}`, {
        headers: { Authorization: device.auth },
      });
      return {
        sale: got.status,
        total: ((await got.json()) as { priced?: { totals?: { total?: number } } }).priced?.totals
          ?.total,
        loyalty: ((await profile.json()) as { loyalty?: unknown }).loyalty,
      };
    };
    const before = await read(embedded);
    expect(before.sale).toBe(200);
    await embedded.stop({ keepData: true });

    const there = await admin(
      'migrate',
      '--data',
      dataDir,
      '--to',
      TEST_COUCHDB_URL,
      '--prefix',
      PREFIX,
    );
    const verified = /Verified: (\d+) databases, (\d+) documents, (\d+) revisions/.exec(there);
    expect(verified, there).not.toBeNull();
    const [, databases, documents, revisions] = verified ?? [];
    expect(Number(databases)).toBeGreaterThan(10);
    expect(Number(revisions)).toBeGreaterThanOrEqual(Number(documents));
    expect(there).toMatch(/sales-hcm-q1: 1 documents/);

    // Run again: everything is there already, nothing is written, the counts are the same.
    const again = await admin(
      'migrate',
      '--data',
      dataDir,
      '--to',
      TEST_COUCHDB_URL,
      '--prefix',
      PREFIX,
    );
    expect(again).not.toMatch(/\((?!0 written)\d+ written now\)/);
    expect(again).toContain(
      `Verified: ${databases} databases, ${documents} documents, ${revisions} revisions`,
    );

    const onCouch = await startSyncServerProcess({
      dataDir: freshDir(),
      couchdbUrl: TEST_COUCHDB_URL,
      couchdbPrefix: PREFIX,
    });
    expect(await read(onCouch)).toEqual(before);
    await onCouch.stop();

    const backDir = freshDir();
    const back = await admin(
      'migrate',
      '--from',
      TEST_COUCHDB_URL,
      '--prefix',
      PREFIX,
      '--data',
      backDir,
    );
    expect(back).toMatch(/Verified: \d+ databases/);
    const embeddedAgain = await startSyncServerProcess({ dataDir: backDir, couchdbUrl: '' });
    expect(await read(embeddedAgain)).toEqual(before);
    await embeddedAgain.stop({ keepData: true });
  }, 600_000);

  it('says what to do when the source holds nothing', async () => {
    if (!TEST_COUCHDB_URL) throw new Error('Run with npm run test:couchdb (needs a CouchDB).');
    const failed = await admin('migrate', '--data', freshDir(), '--to', TEST_COUCHDB_URL).catch(
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(typeof failed).toBe('object');
    expect((failed as { code?: number }).code).toBe(1);
    expect((failed as { stderr?: string }).stderr).toMatch(/holds no databases: check the path/);
  }, 60_000);

  it('still stops on a difference that reading again does not clear', async () => {
    if (!TEST_COUCHDB_URL) throw new Error('Run with npm run test:couchdb (needs a CouchDB).');
    const dataDir = freshDir();
    const seeded = await startSyncServerProcess({
      dataDir,
      seedDemo: true,
      couchdbUrl: '',
      env: { OMNITILL_DEMO_HISTORY: 'none' },
    });
    await seeded.stop({ keepData: true });
    const prefix = `${PREFIX}x_`;
    const to = ['migrate', '--data', dataDir, '--to', TEST_COUCHDB_URL, '--prefix', prefix];
    expect(await admin(...to)).toMatch(/Verified: \d+ databases/);
    // A document only the target holds: the copy never removes it, so it differs at every read.
    const base = new URL(TEST_COUCHDB_URL);
    const auth = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
    base.username = '';
    base.password = '';
    const put = await fetch(new URL(`${prefix}settings/stray_doc`, base), {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ stray: true }),
    });
    expect(put.status).toBe(201);
    const failed = await admin(...to).catch((error: { code?: number; stderr?: string }) => error);
    expect((failed as { code?: number }).code).toBe(1);
    expect((failed as { stderr?: string }).stderr).toMatch(
      /settings differs after the copy \(stray_doc: only in the target\)/,
    );
  }, 300_000);
});
