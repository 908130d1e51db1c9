/**
 * The two servers the bench talks to: the real sync-server (a process started by the test
 * helper, on a LevelDB seeded with the bench data) and the bare express-pouchdb baseline. Both
 * are registered for cleanup the moment they exist, data folders included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startSyncServerProcess } from '../helpers/sync-server-process';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import type { BenchData } from './bench-data';
import { startReadyProcess } from './child-process';
import type { ReadyProcess } from './child-process';
import type { Cleanup } from './cleanup';
import { seedSyncServer } from './seed-sync-server';

export function tempDir(cleanup: Cleanup, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startSeededSyncServer(
  cleanup: Cleanup,
  data: BenchData,
  options: { couchdbUrl?: string; env?: Record<string, string> } = {},
): Promise<SyncServerProcess> {
  const dataDir = tempDir(cleanup, 'omnitill-bench-sync-');
  await seedSyncServer(dataDir, data);
  // `couchdbUrl: ''` keeps this server on its embedded store even when the tests' CouchDB is set.
  // Every bench register holds every customer: the offline card look-ups draw from all of them.
  const env = { OMNITILL_ALL_CUSTOMERS: '*', ...options.env };
  const server = await startSyncServerProcess({
    dataDir,
    timeoutMs: 120_000,
    ...(options.couchdbUrl === undefined ? {} : { couchdbUrl: options.couchdbUrl }),
    env,
  });
  cleanup.add('stop the sync-server', () => server.stop());
  return server;
}

/**
 * Bare express-pouchdb with the databases the register load pushes to (the loyalty ledger and
 * each store's sales and stock), created up front as the sync-server has them.
 */
export async function startBareServerFor(cleanup: Cleanup, data: BenchData): Promise<ReadyProcess> {
  const bare = await startBareServer(cleanup);
  const names = [
    'loyalty',
    ...data.stores.flatMap((store) => [`sales-${store.storeId}`, `stock-${store.storeId}`]),
  ];
  for (const name of names) {
    const response = await fetch(`${bare.ready}/db/${name}`, { method: 'PUT' });
    if (!response.ok) throw new Error(`Creating ${name} on the bare server: ${response.status}`);
  }
  return bare;
}

export async function startBareServer(cleanup: Cleanup): Promise<ReadyProcess> {
  const dataDir = tempDir(cleanup, 'omnitill-bench-bare-');
  const bare = await startReadyProcess({
    name: 'bare express-pouchdb',
    command: join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    args: [join(REPO_ROOT, 'tests', 'bench', 'bare-pouch-server.ts'), '--data', dataDir],
    cwd: REPO_ROOT,
    ready: /bare-pouch ready on (http:\/\/\S+)/,
    timeoutMs: 60_000,
  });
  cleanup.add('stop the bare express-pouchdb server', () => bare.stop());
  return bare;
}
