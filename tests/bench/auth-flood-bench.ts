/**
 * `npm run bench -- --auth-flood` (issue #15, "Done when"): 2,000 requests with wrong secrets
 * against a register's device id that has not signed in since the server started (each would
 * cost a scrypt without the throttle), sent as fast as 50 connections allow from an attacker's
 * address by a process of its own (auth-flood-attacker.ts), while a register that signed in reads
 * a product over and over from its own address.
 * The figure is that register's read latency during the flood. Nothing here writes to docs/:
 * run.ts does.
 */
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT, startSyncServerProcess } from '../helpers/sync-server-process';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { tempDir } from './bench-servers';
import { startReadyProcess } from './child-process';
import type { Cleanup } from './cleanup';
import { machineInfo } from './machine-info';
import type { MachineInfo } from './machine-info';
import type { Summary } from './stats';
import { round, summarize } from './stats';
import { CHROMIUM_PATH } from './suite';

export interface AuthFloodScale {
  name: 'full' | 'smoke';
  /** Requests with a wrong secret. */
  floodRequests: number;
  /** How many of them are in flight at once. */
  floodConcurrency: number;
  /** Reads of the signed-in register before the flood, for comparison. */
  quietReads: number;
}

export const AUTH_FLOOD_FULL_SCALE: AuthFloodScale = {
  name: 'full',
  floodRequests: 2_000,
  floodConcurrency: 50,
  quietReads: 100,
};

export const AUTH_FLOOD_SMOKE_SCALE: AuthFloodScale = {
  name: 'smoke',
  floodRequests: 200,
  floodConcurrency: 20,
  quietReads: 10,
};

/** The "Done when" line of issue #15: the legitimate read's median during the flood. */
export const AUTH_FLOOD_TARGET_MS = 20;

export interface AuthFloodResults {
  scale: string;
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  setup: Record<string, number | string>;
  /** The signed-in register's reads that started while the flood was running, ms. */
  duringFlood: Summary;
  /** The same reads with nothing else going on, ms. */
  quiet: Summary;
  floodSeconds: number;
  /** How the flood was answered: status → count (401 wrong secret, 429 throttled). */
  floodStatuses: Record<string, number>;
  /** Reads of the register that were not answered 200 (should be none). */
  failedReads: number;
  targetMs: number;
  pass: boolean;
  /** Every read sample, ms. */
  raw: { duringFlood: number[]; quiet: number[] };
}

const REGISTER_ADDRESS = '127.0.0.1';
const ATTACKER_ADDRESS = '127.0.0.66';
/** A product of the demo catalog: a read a register's lookups make. */
const READ_PATH = '/db/products/prod_SKU000001';

/** One GET; resolves with the status once the body is read. */
function get(server: SyncServerProcess, path: string, auth: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(path, server.url),
      { method: 'GET', headers: { Authorization: auth }, agent },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.once('error', reject);
    outgoing.end();
  });
}

async function timedRead(server: SyncServerProcess, auth: string, agent: Agent) {
  const started = performance.now();
  const status = await get(server, READ_PATH, auth, agent);
  return { ms: performance.now() - started, status };
}

export async function runAuthFloodBench(
  scale: AuthFloodScale,
  cleanup: Cleanup,
  log: (line: string) => void = () => undefined,
): Promise<AuthFloodResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo(CHROMIUM_PATH);
  const step = (line: string) =>
    log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

  step('starting a sync-server with the demo store…');
  const dataDir = tempDir(cleanup, 'omnitill-bench-flood-');
  // `couchdbUrl: ''`: the embedded store, whatever the tests' CouchDB setting says.
  const server = await startSyncServerProcess({
    dataDir,
    seedDemo: true,
    couchdbUrl: '',
    timeoutMs: 120_000,
  });
  cleanup.add('stop the flood bench sync-server', () => server.stop());
  // A register keeps its connection open, as its replication does.
  const registerAgent = new Agent({
    keepAlive: true,
    maxSockets: 1,
    localAddress: REGISTER_ADDRESS,
  });
  cleanup.add('close the register connection', () => registerAgent.destroy());

  const register = await server.enrollDevice('hcm-q1', 'reg-signed-in');
  const victim = await server.enrollDevice('hcm-q1', 'reg-not-signed-in-yet');
  let failedReads = 0;
  // The first read signs the register in (one scrypt); the quiet samples follow it.
  if ((await timedRead(server, register.auth, registerAgent)).status !== 200) failedReads += 1;
  step(`${scale.quietReads} reads of the signed-in register, quiet…`);
  const quiet: number[] = [];
  for (let n = 0; n < scale.quietReads; n++) {
    const read = await timedRead(server, register.auth, registerAgent);
    quiet.push(read.ms);
    if (read.status !== 200) failedReads += 1;
  }

  step(`${scale.floodRequests} requests with wrong secrets, ${scale.floodConcurrency} at a time…`);
  const attacker = await startReadyProcess({
    name: 'the flood attacker',
    command: join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    args: [
      join(REPO_ROOT, 'tests', 'bench', 'auth-flood-attacker.ts'),
      server.url,
      victim.deviceId,
      String(scale.floodRequests),
      String(scale.floodConcurrency),
      ATTACKER_ADDRESS,
    ],
    cwd: REPO_ROOT,
    ready: /auth-flood attacker (started) /,
    timeoutMs: 60_000,
  });
  // Counted from its first request: the process start is not the flood.
  const floodStarted = performance.now();
  cleanup.add('stop the flood attacker', () => attacker.stop());
  const attackerDone = new Promise<void>((resolve) => {
    if (attacker.child.exitCode !== null) resolve();
    else attacker.child.once('exit', () => resolve());
  });
  let flooding = true;
  void attackerDone.then(() => (flooding = false));
  const duringFlood: number[] = [];
  while (flooding) {
    const read = await timedRead(server, register.auth, registerAgent);
    // Only reads the flood was running for: the last may end after it.
    duringFlood.push(read.ms);
    if (read.status !== 200) failedReads += 1;
  }
  await attackerDone;
  const reported = /auth-flood statuses (\{.*\})/.exec(attacker.output())?.[1];
  if (!reported) throw new Error(`The flood attacker reported nothing:\n${attacker.output()}`);
  const floodStatuses = JSON.parse(reported) as Record<string, number>;
  const floodSeconds = (performance.now() - floodStarted) / 1000;
  step(`flood over in ${floodSeconds.toFixed(1)} s; ${duringFlood.length} reads during it`);

  const during = summarize(duringFlood);
  return {
    scale: scale.name,
    startedAt,
    durationS: round((performance.now() - started) / 1000, 1),
    machine,
    setup: {
      'flood requests': scale.floodRequests,
      'flood connections': scale.floodConcurrency,
      'attacker address': ATTACKER_ADDRESS,
      'register address': REGISTER_ADDRESS,
      'legitimate read': `GET ${READ_PATH}`,
    },
    duringFlood: during,
    quiet: summarize(quiet),
    floodSeconds: round(floodSeconds, 2),
    floodStatuses,
    failedReads,
    targetMs: AUTH_FLOOD_TARGET_MS,
    pass: failedReads === 0 && during.median < AUTH_FLOOD_TARGET_MS,
    raw: {
      duringFlood: duringFlood.map((ms) => round(ms, 3)),
      quiet: quiet.map((ms) => round(ms, 3)),
    },
  };
}
