/**
 * The baseline for the first sync: plain PouchDB replication, in Node, from the same sync-server
 * (with the same device's credentials) into a fresh local LevelDB, of the same databases at the
 * same batch sizes the register uses. Whatever the register's figure gains or loses against it is
 * the cost of RxDB, its schema checks and IndexedDB on the register side.
 */
import { join } from 'node:path';
import { loadPouchDB } from './pouchdb-module';

export interface PouchSyncResult {
  ms: number;
  docs: Record<string, number>;
}

export async function pouchFirstSync(options: {
  serverUrl: string;
  deviceId: string;
  secret: string;
  databases: readonly { name: string; batchSize: number }[];
  dir: string;
}): Promise<PouchSyncResult> {
  const PouchDB = loadPouchDB();
  const auth = { username: options.deviceId, password: options.secret };
  const opened = options.databases.map((database) => ({
    ...database,
    remote: new PouchDB(`${options.serverUrl}/db/${database.name}`, { auth, skip_setup: true }),
    local: new PouchDB(join(options.dir, database.name)),
  }));
  try {
    const start = performance.now();
    // All at once, as the register replicates its collections side by side.
    await Promise.all(
      opened.map(async ({ remote, local, batchSize }) => {
        const result = await PouchDB.replicate(remote, local, { batch_size: batchSize });
        if (!result.ok || result.doc_write_failures > 0) {
          throw new Error(`PouchDB replication failed: ${JSON.stringify(result)}`);
        }
      }),
    );
    const ms = performance.now() - start;
    const docs: Record<string, number> = {};
    for (const { name, local } of opened) docs[name] = (await local.info()).doc_count;
    return { ms, docs };
  } finally {
    await Promise.all(
      opened
        .flatMap(({ remote, local }) => [remote.close(), local.close()])
        .map((closing) => closing.catch(() => undefined)),
    );
  }
}
