/**
 * What an attacker could make the server keep (issue #15): refused documents are logged as a
 * bounded summary with retention and a paged list; the admin token is long enough to be a
 * secret; the data folder is readable by the server's account only.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_DATABASES } from '../../../sync-server/storage/database-layout';
import { PouchDocumentStore } from '../../../sync-server/storage/pouch-document-store';
import { RejectionLog } from '../../../sync-server/gate/rejection-log';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

const STORE = 'hcm-q1';
let server: SyncServerProcess;
let register: EnrolledDevice;

const forged = (id: string, padding: number) => ({
  _id: id,
  kind: 'receive',
  sku: 'SKU000001',
  quantity: 1,
  storeId: 'hn-hk',
  sourceId: 'rcpt_1',
  createdAt: '2026-11-01T08:00:00.000Z',
  note: 'x'.repeat(padding),
});

async function rejections(query: string, auth = server.adminAuth) {
  const response = await fetch(`${server.url}/api/v1/rejections${query}`, {
    headers: { Authorization: auth },
  });
  const text = await response.text();
  return {
    status: response.status,
    bytes: text.length,
    body: JSON.parse(text) as { rejections: Record<string, unknown>[]; next?: string },
  };
}

function modes(dir: string): { path: string; mode: number; isDir: boolean }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const mode = statSync(path).mode & 0o777;
    return entry.isDirectory()
      ? [{ path, mode, isDir: true }, ...modes(path)]
      : [{ path, mode, isDir: false }];
  });
}

beforeAll(async () => {
  server = await startSyncServerProcess();
  register = await server.enrollDevice(STORE);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('the rejection log', () => {
  it('keeps a bounded summary of each refused document, not the document', async () => {
    const docs = Array.from({ length: 5 }, (_, n) => forged(`stk_big_${n}`, 61 * 1024));
    const push = await fetch(`${server.url}/db/stock-${STORE}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: register.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(push.status).toBe(201);
    const { body, bytes } = await rejections('?mine=1', register.auth);
    const big = body.rejections.filter((entry) => String(entry.docId).startsWith('stk_big_'));
    expect(big).toHaveLength(5);
    for (const entry of big) {
      expect(entry).not.toHaveProperty('doc');
      expect(entry).toMatchObject({ by: register.deviceId, db: `stock-${STORE}` });
      expect(entry.bytes).toBeGreaterThan(61 * 1024);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.fields).toEqual(expect.arrayContaining(['_id', 'storeId', 'note']));
    }
    expect(bytes).toBeLessThan(10 * 1024);
  });

  it('pages the list: every refusal once, newest first, with a cursor', async () => {
    const docs = Array.from({ length: 7 }, (_, n) => forged(`stk_page_${n}`, 10));
    await fetch(`${server.url}/db/stock-${STORE}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: register.auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    const all = (await rejections('?limit=1000')).body.rejections.map((entry) => entry.id);
    const paged: unknown[] = [];
    let query = '?limit=3';
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await rejections(query);
      expect(body.rejections.length).toBeLessThanOrEqual(3);
      paged.push(...body.rejections.map((entry) => entry.id));
      if (!body.next) break;
      query = `?limit=3&before=${encodeURIComponent(body.next)}`;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(12);
  });
});

describe('rejection log retention', () => {
  it('keeps the newest entries up to the count and none past the age', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnitill-rejections-'));
    const store = new PouchDocumentStore(dir);
    try {
      await store.ensureDatabase(INTERNAL_DATABASES.rejections);
      await store.bulkDocs(
        INTERNAL_DATABASES.rejections,
        [
          {
            _id: 'rej_ancient',
            by: 'dev_x',
            db: 'stock-hcm-q1',
            docId: 'stk_old',
            at: '2020-01-01T00:00:00.000Z',
          },
        ],
        true,
      );
      const log = new RejectionLog(store, { maxEntries: 5, maxAgeDays: 90 });
      await log.init();
      const ids = (await log.list()).rejections.map((entry) => entry.docId);
      expect(ids).not.toContain('stk_old');
      for (let n = 0; n < 8; n++) {
        await log.record([
          {
            principal: { kind: 'device', id: 'dev_x', storeId: 'hcm-q1', name: 'till' },
            db: 'stock-hcm-q1',
            docId: `stk_${n}`,
            code: 'not_your_store',
            reason: 'forged store',
            doc: { n },
          },
        ]);
        // Entries of one millisecond have no order among them: keep "newest" well defined.
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      expect(await log.prune()).toBe(3);
      const kept = (await log.list()).rejections.map((entry) => entry.docId).sort();
      expect(kept).toEqual(['stk_3', 'stk_4', 'stk_5', 'stk_6', 'stk_7']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the admin token and the data folder', () => {
  it('refuses an admin token under 24 characters, saying how to make one', async () => {
    const outcome = await startSyncServerProcess({ adminToken: 'a' }).then(
      (started) => started,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    // A server that started anyway is stopped, so the failure leaves no process behind.
    if (!(outcome instanceof Error)) await outcome.stop();
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/at least 24[\s\S]*randomBytes/);
  });

  // The embedded store's folder, also when the suite runs against a CouchDB (which keeps no files here).
  it('keeps the data folder 0700 and its files 0600, tightening an older folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'omnitill-modes-'));
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'db'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'db', 'old-file'), 'x', { mode: 0o644 });
    const own = await startSyncServerProcess({ dataDir, couchdbUrl: '' });
    try {
      await own.enrollDevice(STORE);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const entries = modes(dataDir);
      expect(entries.filter((entry) => !entry.isDir).length).toBeGreaterThan(5);
      for (const entry of entries) {
        expect({ path: entry.path, mode: entry.mode.toString(8) }).toEqual({
          path: entry.path,
          mode: entry.isDir ? '700' : '600',
        });
      }
    } finally {
      await own.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
