/**
 * Starts the real sync-server as a child process, for integration and end-to-end tests:
 *
 *   const server = await startSyncServerProcess();          // fresh temp data dir, free port
 *   const device = await server.enrollDevice('hcm-q1');      // { deviceId, secret, auth }
 *   await fetch(`${server.url}/api/v1/health`);
 *   await server.stop();                                      // SIGTERM, removes the temp dir
 *
 * With OMNITILL_TEST_COUCHDB_URL set (an Apache CouchDB, e.g. the 3-node cluster .ci/run starts
 * from ../shared/couchdb), every server stores its data there instead of the embedded PouchDB,
 * in databases of its own: the prefix is derived from the data dir, so a restart on the same
 * data dir finds its data again, and `stop()` deletes them with the data dir.
 *
 * The server runs as `node_modules/.bin/tsx sync-server/cli.ts --port 0 --data DIR` in its own
 * process group: tsx runs the script in a second node process, so signals go to the whole group
 * (a SIGKILL of tsx alone would leave the server holding the LevelDB lock).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY = /omnitill-sync-server ready on (https?:\/\/\S+)/;

export interface SyncServerProcessOptions {
  /** Reuse a data dir (e.g. to restart on the same data); default: a new temp dir. */
  dataDir?: string;
  /**
   * A data dir a server was started on and stopped before (the end-to-end run's demo seeded
   * once: tests/e2e/helpers/demo-template.ts), copied into the new temp dir, so this start
   * resumes from it instead of seeding again. Not with `dataDir` nor on CouchDB.
   */
  template?: string;
  /** Default 0: a free port, read from the ready line. Pass the old port to restart in place. */
  port?: number;
  /** Default: a fixed test token, passed as OMNITILL_ADMIN_TOKEN. */
  adminToken?: string;
  seedDemo?: boolean;
  /**
   * The demo with its past sales and stock on a CouchDB cluster too (there the seed leaves them
   * out unless asked: indexing them takes about a minute per start). The wait for the ready line
   * is then 3 minutes; the test's hook needs as long.
   */
  demoHistory?: boolean;
  /** More command-line arguments for sync-server/cli.ts. */
  args?: string[];
  env?: Record<string, string>;
  /**
   * How long to wait for the ready line. Default 30 s; 90 s with the demo seed, whose first start
   * writes and indexes its stock and history (some 7,600 documents) on a machine that may be busy.
   */
  timeoutMs?: number;
  /** An Apache CouchDB to store in; default OMNITILL_TEST_COUCHDB_URL, else the embedded store. */
  couchdbUrl?: string;
  /**
   * Another server's CouchDB prefix, to run a second instance on the same databases (it then
   * leaves them in place when it stops: the first owns them).
   */
  couchdbPrefix?: string;
  /** The CA that signed the server's certificate, when it serves HTTPS (`--tls-cert`). */
  ca?: string;
}

/** The CouchDB every test server stores in, when the suite runs against one. */
export const TEST_COUCHDB_URL = process.env.OMNITILL_TEST_COUCHDB_URL || undefined;

/** The database prefix of the server whose data dir this is (CouchDB names: a-z, 0-9, _). */
export function couchdbPrefixOf(dataDir: string): string {
  const base = basename(dataDir)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `t${base.slice(-24)}_`;
}

/** Deletes the databases of one prefix on a CouchDB (a test server's, after it stopped). */
export async function dropCouchDatabases(couchdbUrl: string, prefix: string): Promise<void> {
  const parsed = new URL(couchdbUrl);
  const auth = basicAuth(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password));
  parsed.username = '';
  parsed.password = '';
  const base = parsed.toString().replace(/\/+$/, '');
  const names = (await (
    await fetch(`${base}/_all_dbs`, { headers: { Authorization: auth } })
  ).json()) as string[];
  for (const name of names.filter((candidate) => candidate.startsWith(prefix))) {
    await fetch(`${base}/${encodeURIComponent(name)}`, {
      method: 'DELETE',
      headers: { Authorization: auth },
    });
  }
}

export interface EnrolledDevice {
  deviceId: string;
  secret: string;
  storeId: string;
  /** The Authorization header value for this device. */
  auth: string;
}

export interface SyncServerProcess {
  url: string;
  port: number;
  dataDir: string;
  adminToken: string;
  /** The Authorization header value for the admin. */
  adminAuth: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  enrollDevice(storeId: string, name?: string): Promise<EnrolledDevice>;
  /** SIGTERM and wait; the temp data dir is removed unless it was passed in or `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL (a crash): the data dir stays, for a restart on it. */
  kill(): Promise<void>;
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export function basicAuth(name: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${name}:${secret}`).toString('base64');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The status of a GET over HTTPS, trusting `ca` (fetch has no per-request CA). */
export function httpsStatus(
  url: string,
  ca: string | undefined,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpsGet(url, { ...(ca ? { ca } : {}), headers }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
}

export async function startSyncServerProcess(
  options: SyncServerProcessOptions = {},
): Promise<SyncServerProcess> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'omnitill-sync-'));
  const adminToken = options.adminToken ?? TEST_ADMIN_TOKEN;
  const couchdbUrl = options.couchdbUrl ?? TEST_COUCHDB_URL;
  if (options.template !== undefined) {
    if (!ownsDataDir || couchdbUrl)
      throw new Error('A template data dir is copied into a new temp dir of the embedded store.');
    cpSync(options.template, dataDir, { recursive: true });
  }
  const couchdbPrefix = options.couchdbPrefix ?? couchdbPrefixOf(dataDir);
  const ownsDatabases = options.couchdbPrefix === undefined;
  const args = [
    'sync-server/cli.ts',
    '--port',
    String(options.port ?? 0),
    '--data',
    dataDir,
    ...(options.seedDemo ? ['--seed-demo'] : []),
    ...(couchdbUrl ? ['--couchdb', couchdbUrl, '--couchdb-prefix', couchdbPrefix] : []),
    ...(options.args ?? []),
  ];
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // On a CouchDB cluster the demo is seeded without its past and stock: indexing the full
      // demo there takes most of a minute per start (sync-server/services/demo-seed.ts).
      ...(couchdbUrl && options.seedDemo && !options.demoHistory
        ? { OMNITILL_DEMO_HISTORY: 'none' }
        : {}),
      ...options.env,
      OMNITILL_ADMIN_TOKEN: adminToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        signalGroup(child, 'SIGKILL');
        reject(new Error(`sync-server did not print its ready line in time. Output:\n${output}`));
      },
      options.timeoutMs ??
        (couchdbUrl && options.demoHistory ? 180_000 : options.seedDemo ? 90_000 : 30_000),
    );
    const onData = () => {
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`sync-server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  const healthStatus = url.startsWith('https:')
    ? await httpsStatus(`${url}/api/v1/health`, options.ca)
    : (await fetch(`${url}/api/v1/health`)).status;
  if (healthStatus !== 200) throw new Error(`sync-server health check failed: ${healthStatus}`);

  const adminAuth = basicAuth('admin', adminToken);
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    adminToken,
    adminAuth,
    child,
    output: () => output,
    async enrollDevice(storeId, name = 'test register') {
      const response = await fetch(`${url}/api/v1/admin/devices`, {
        method: 'POST',
        headers: { Authorization: adminAuth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ storeId, name }),
      });
      if (response.status !== 201) {
        throw new Error(`Enrolment failed: ${response.status} ${await response.text()}`);
      }
      const { deviceId, secret } = (await response.json()) as { deviceId: string; secret: string };
      return { deviceId, secret, storeId, auth: basicAuth(deviceId, secret) };
    },
    async stop({ keepData = false } = {}) {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
      if (ownsDataDir && !keepData) {
        rmSync(dataDir, { recursive: true, force: true });
        if (couchdbUrl && ownsDatabases) await dropCouchDatabases(couchdbUrl, couchdbPrefix);
      }
    },
    async kill() {
      signalGroup(child, 'SIGKILL');
      await exited(child);
      // tsx's own process may exit before the server's: wait until the port is free.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await fetch(`${url}/api/v1/health`);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
