/**
 * `npm run bench -- --cluster` (issue 14): the register push load of load-phase.ts, in one run,
 * against one sync-server on the embedded store and against two sync-server instances on one
 * Apache CouchDB cluster (half the registers through each, the way a load balancer spreads them).
 * Both sides get the same seeded catalog and the same sales (same seeds). Afterwards every
 * acknowledged sale is counted in the cluster's databases. Nothing here writes to docs/: run.ts
 * does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CouchDocumentStore } from '../../sync-server/storage/couchdb-document-store';
import { storeDatabaseName } from '../../sync-server/storage/database-layout';
import { dropCouchDatabases, startSyncServerProcess } from '../helpers/sync-server-process';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { generateBenchData } from './bench-data';
import type { BenchData } from './bench-data';
import { startSeededSyncServer, tempDir } from './bench-servers';
import { rssMb, waitUntilIdle, workerPid } from './child-process';
import type { Cleanup } from './cleanup';
import { PACED_INTERVAL_MS } from './load-phase';
import { machineInfo } from './machine-info';
import type { MachineInfo } from './machine-info';
import { runRegisterLoad } from './register-load';
import type { LoadRegister, LoadResult } from './register-load';
import { seedDocumentStore } from './seed-sync-server';
import { round, summarize } from './stats';
import { CHROMIUM_PATH } from './suite';

export interface ClusterBenchScale {
  name: 'full' | 'smoke';
  products: number;
  customers: number;
  registers: number;
  stores: number;
  loadSeconds: number;
  maxSalesPerLoad: number;
}

/**
 * The catalog is smaller than the main bench's 100,000 products: the push path reads only the
 * products a sale names (by id), so its size barely matters here, and seeding a cluster over HTTP
 * at full size would take most of the run.
 */
export const CLUSTER_FULL_SCALE: ClusterBenchScale = {
  name: 'full',
  products: 5_000,
  customers: 2_000,
  registers: 50,
  stores: 5,
  loadSeconds: 30,
  maxSalesPerLoad: 50_000,
};

export const CLUSTER_SMOKE_SCALE: ClusterBenchScale = {
  name: 'smoke',
  products: 300,
  customers: 50,
  registers: 4,
  stores: 2,
  loadSeconds: 2,
  maxSalesPerLoad: 500,
};

/** One load (closed loop or paced) on one side, over all of that side's instances. */
export interface SideLoad {
  sales: number;
  seconds: number;
  salesPerSecond: number;
  pushP50Ms: number;
  pushP99Ms: number;
  rejectedDocs: number;
  failedRequests: number;
  /** A few distinct reasons, when documents were refused or requests failed. */
  problems: string[];
  /** Peak resident memory of each sync-server process during the load, MB. */
  serverRssPeakMb: number[];
  /** How long the servers kept working after the last acknowledgement. */
  catchUpMs: number;
}

export interface ClusterBenchResults {
  scale: string;
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  setup: Record<string, number | string>;
  embedded: { closed: SideLoad; paced: SideLoad };
  cluster: {
    closed: SideLoad;
    paced: SideLoad;
    /** Resident memory of each CouchDB node (its Erlang VM) at the end, MB; empty if unknown. */
    couchNodeRssMb: number[];
    /** Sales documents found in the cluster's databases after both loads. */
    salesStored: number;
    /** Sales acknowledged to the registers in both loads. */
    salesAcknowledged: number;
  };
  /** Every push latency, for whoever wants to look again. */
  raw: Record<string, number[]>;
}

export interface ClusterTarget {
  /** One URL per node (an instance is started on each of the first two); at least one. */
  nodeUrls: readonly string[];
  /** The cluster's folder when this run started it: its nodes' memory is read from /proc. */
  base?: string;
}

const LOAD_SEED = 5_000;

async function enrolRegisters(
  through: SyncServerProcess,
  data: BenchData,
  count: number,
): Promise<LoadRegister[]> {
  const registers: LoadRegister[] = [];
  for (let index = 0; index < count; index++) {
    const store = data.stores[index % data.stores.length];
    if (!store) throw new Error('The bench data has no stores');
    const registerId = `reg-${String(index + 1).padStart(2, '0')}`;
    const device = await through.enrollDevice(store.storeId, registerId);
    registers.push({
      storeId: store.storeId,
      registerId,
      deviceId: device.deviceId,
      auth: device.auth,
    });
  }
  return registers;
}

/** Waits until an instance accepts a register enrolled through another one (device re-read). */
async function waitKnown(server: SyncServerProcess, register: LoadRegister): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`${server.url}/db/sales-${register.storeId}`, {
      headers: register.auth ? { Authorization: register.auth } : {},
    });
    await response.arrayBuffer();
    if (response.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.url} never accepted register ${register.registerId}`);
}

function merge(results: readonly LoadResult[], catchUpMs: number): SideLoad {
  const latency = results.flatMap((result) => result.latencyMs);
  const summary = summarize(latency);
  const sales = results.reduce((sum, result) => sum + result.sales, 0);
  const seconds = Math.max(...results.map((result) => result.seconds));
  return {
    sales,
    seconds: round(seconds, 1),
    salesPerSecond: round(sales / seconds, 1),
    pushP50Ms: round(summary.median, 1),
    pushP99Ms: round(summary.p99, 1),
    rejectedDocs: results.reduce((sum, result) => sum + result.rejectedDocs, 0),
    failedRequests: results.reduce((sum, result) => sum + result.failedRequests, 0),
    problems: [...new Set(results.flatMap((result) => result.problems))],
    serverRssPeakMb: results.map((result) => round(result.rssPeakMb, 0)),
    catchUpMs: Math.round(catchUpMs),
  };
}

/** Runs the closed-loop load and then the paced one, each register on its own instance. */
async function loads(
  groups: readonly { server: SyncServerProcess; registers: LoadRegister[] }[],
  data: BenchData,
  scale: ClusterBenchScale,
): Promise<{ closed: SideLoad; paced: SideLoad; latency: number[][] }> {
  const pids = groups.map((group) => workerPid(group.server.child.pid ?? 0));
  const total = groups.reduce((sum, group) => sum + group.registers.length, 0);
  const run = (seed: number, seconds: number, intervalMs?: number) =>
    Promise.all(
      groups.map((group, index) =>
        runRegisterLoad({
          baseUrl: group.server.url,
          registers: group.registers,
          seconds,
          // The cap is for the whole side: each instance gets its share.
          maxSales: Math.ceil((scale.maxSalesPerLoad * group.registers.length) / total),
          data,
          // Distinct seeds per group, the same on both sides: the same sales reach both sides.
          seed: seed + index * 100,
          serverPid: pids[index] ?? 0,
          ...(intervalMs === undefined ? {} : { intervalMs }),
        }),
      ),
    );
  const idle = async () => {
    const started = performance.now();
    await Promise.all(pids.map((pid) => waitUntilIdle(pid, 1_000, 180_000)));
    return performance.now() - started;
  };
  const closedResults = await run(LOAD_SEED, scale.loadSeconds);
  const closed = merge(closedResults, await idle());
  const pacedResults = await run(
    LOAD_SEED + 1_000,
    Math.max(2, scale.loadSeconds / 2),
    PACED_INTERVAL_MS,
  );
  const paced = merge(pacedResults, await idle());
  return {
    closed,
    paced,
    latency: [
      closedResults.flatMap((result) => result.latencyMs),
      pacedResults.flatMap((result) => result.latencyMs),
    ],
  };
}

/** The Erlang VMs of the cluster this run started, by the pid file the cluster script writes. */
function couchNodeRss(base: string | undefined, nodes: number): number[] {
  if (!base) return [];
  const sizes: number[] = [];
  for (let node = 1; node <= nodes; node++) {
    const pidFile = join(base, `nodes/node${node}/couchdb.pid`);
    if (!existsSync(pidFile)) continue;
    sizes.push(round(rssMb(Number(readFileSync(pidFile, 'utf8').trim())), 0));
  }
  return sizes;
}

async function countSales(url: string, prefix: string, data: BenchData): Promise<number> {
  const parsed = new URL(url);
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`;
  parsed.username = '';
  parsed.password = '';
  const root = parsed.toString().replace(/\/+$/, '');
  let total = 0;
  for (const store of data.stores) {
    const name = encodeURIComponent(prefix + storeDatabaseName('sales', store.storeId));
    const response = await fetch(`${root}/${name}`, { headers: { Authorization: auth } });
    if (!response.ok) throw new Error(`Reading ${name} on the cluster: ${response.status}`);
    total += ((await response.json()) as { doc_count: number }).doc_count;
  }
  return total;
}

export async function runClusterBench(
  scale: ClusterBenchScale,
  target: ClusterTarget,
  cleanup: Cleanup,
  log: (line: string) => void = () => undefined,
): Promise<ClusterBenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo(CHROMIUM_PATH);
  const step = (line: string) =>
    log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const [urlA] = target.nodeUrls;
  if (!urlA) throw new Error('The cluster bench needs the URL of at least one CouchDB node');
  const urlB = target.nodeUrls[1] ?? urlA;

  step(`generating ${scale.products} products and ${scale.customers} customers…`);
  const data = generateBenchData({
    products: scale.products,
    customers: scale.customers,
    stores: scale.stores,
  });

  step('embedded: seeding and starting one sync-server…');
  const embedded = await startSeededSyncServer(cleanup, data, { couchdbUrl: '' });
  const embeddedRegisters = await enrolRegisters(embedded, data, scale.registers);
  step(`embedded: ${scale.registers} registers, ${scale.loadSeconds} s closed loop, then paced…`);
  const embeddedLoads = await loads(
    [{ server: embedded, registers: embeddedRegisters }],
    data,
    scale,
  );
  await embedded.stop();

  const prefix = `bench${Date.now().toString(36)}_`;
  step(`cluster: seeding databases "${prefix}*" over HTTP…`);
  cleanup.add(`drop the cluster's "${prefix}*" databases`, () => dropCouchDatabases(urlA, prefix));
  const seeder = new CouchDocumentStore(urlA, { prefix });
  try {
    await seedDocumentStore(seeder, data);
  } finally {
    await seeder.close();
  }
  const instance = async (url: string, name: string) => {
    const server = await startSyncServerProcess({
      dataDir: tempDir(cleanup, `omnitill-bench-${name}-`),
      couchdbUrl: url,
      couchdbPrefix: prefix,
      timeoutMs: 120_000,
      env: { OMNITILL_ALL_CUSTOMERS: '*' },
    });
    cleanup.add(`stop sync-server instance ${name}`, () => server.stop());
    return server;
  };
  step('cluster: starting two sync-server instances, one on each of two nodes…');
  const instanceA = await instance(urlA, 'a');
  const instanceB = await instance(urlB, 'b');
  const clusterRegisters = await enrolRegisters(instanceA, data, scale.registers);
  const half = Math.ceil(clusterRegisters.length / 2);
  const throughA = clusterRegisters.slice(0, half);
  const throughB = clusterRegisters.slice(half);
  for (const register of throughB) await waitKnown(instanceB, register);
  step(`cluster: ${throughA.length} registers through A and ${throughB.length} through B…`);
  const clusterLoads = await loads(
    [
      { server: instanceA, registers: throughA },
      { server: instanceB, registers: throughB },
    ],
    data,
    scale,
  );
  const couchNodeRssMb = couchNodeRss(target.base, target.nodeUrls.length);
  const salesStored = await countSales(urlA, prefix, data);
  const salesAcknowledged = clusterLoads.closed.sales + clusterLoads.paced.sales;
  step(`cluster: ${salesStored} sales stored of ${salesAcknowledged} acknowledged`);

  return {
    scale: scale.name,
    startedAt,
    durationS: Math.round((performance.now() - started) / 100) / 10,
    machine,
    setup: {
      products: data.products.length,
      customers: data.customers.length,
      stores: data.stores.length,
      registers: scale.registers,
      'load seconds (closed loop)': scale.loadSeconds,
      'load seconds (paced)': Math.max(2, scale.loadSeconds / 2),
      'paced interval ms': PACED_INTERVAL_MS,
      'CouchDB nodes': target.base ? couchNodeRssMb.length : 'external',
      'instances on the cluster':
        urlA === urlB ? 'both on one node URL' : 'one on each of two nodes',
    },
    embedded: { closed: embeddedLoads.closed, paced: embeddedLoads.paced },
    cluster: {
      closed: clusterLoads.closed,
      paced: clusterLoads.paced,
      couchNodeRssMb,
      salesStored,
      salesAcknowledged,
    },
    raw: {
      'embedded closed push ms': embeddedLoads.latency[0] ?? [],
      'embedded paced push ms': embeddedLoads.latency[1] ?? [],
      'cluster closed push ms': clusterLoads.latency[0] ?? [],
      'cluster paced push ms': clusterLoads.latency[1] ?? [],
    },
  };
}
