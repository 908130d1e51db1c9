/**
 * `npm run bench -- --gate`: only the gate's cost (issue #19), in one run on one machine: the
 * closed-loop push load of the full bench (load-phase.ts: the same registers, seeds and sales)
 * against the sync-server, then, once it has gone quiet, against bare express-pouchdb. With
 * `--profile DIR` the sync-server runs under `node --cpu-prof` and its profile is summarised
 * (cpu-profile-summary.ts). Prints the figures; writes nothing to docs/.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/sync-server-process';
import { generateBenchData } from './bench-data';
import type { BenchScale } from './bench-scale';
import { startBareServerFor, startSeededSyncServer } from './bench-servers';
import { cpuTicks, waitUntilIdle, workerPid } from './child-process';
import type { Cleanup } from './cleanup';
import { summariseCpuProfile } from './cpu-profile-summary';
import type { ProfileSummary } from './cpu-profile-summary';
import { registersFor, LOAD_SEED } from './load-phase';
import { runRegisterLoad } from './register-load';

/** The full bench's push load (50 registers over 5 stores) on a small catalog: the gate's cost. */
export const GATE_SCALE = {
  products: 5_000,
  customers: 2_000,
  stores: 5,
  registers: 50,
  loadSeconds: 20,
  maxSalesPerLoad: 50_000,
};

interface LoadFigures {
  sales: number;
  salesPerSecond: number;
  p50: number;
  p99: number;
  /**
   * CPU time the server process used per sale (user + system, every thread, from /proc), during
   * the load and, for the sync-server, until it went quiet: less sensitive than sales/s to what
   * else the shared machine runs.
   */
  cpuMsPerSale: number | null;
}

export interface GateBenchResults {
  startedAt: string;
  loadAverage: number;
  products: number;
  customers: number;
  registers: number;
  loadSeconds: number;
  syncServer: LoadFigures;
  bare: LoadFigures;
  ratio: number;
  profile?: ProfileSummary;
}

function figures(
  latencies: number[],
  sales: number,
  salesPerSecond: number,
  cpuTicksUsed: number,
): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  // USER_HZ is 100 on Linux: a tick is 10 ms.
  const cpuMsPerSale = Math.round((cpuTicksUsed * 10 * 100) / Math.max(1, sales)) / 100;
  return { sales, salesPerSecond, p50: at(0.5), p99: at(0.99), cpuMsPerSale };
}

export async function runGateBench(
  scale: Pick<BenchScale, 'products' | 'customers' | 'stores' | 'registers' | 'loadSeconds'> & {
    maxSalesPerLoad: number;
  },
  cleanup: Cleanup,
  log: (line: string) => void,
  profileDir?: string,
): Promise<GateBenchResults> {
  const startedAt = new Date().toISOString();
  const { loadavg } = await import('node:os');
  const loadAverage = loadavg()[0] ?? Number.NaN;
  const data = generateBenchData(scale);
  log(`seeding ${scale.products} products and ${scale.customers} customers…`);
  const profileFile = profileDir ? join(profileDir, 'sync-server.cpuprofile') : undefined;
  const env: Record<string, string> = profileFile
    ? {
        NODE_OPTIONS: `--import ${join(REPO_ROOT, 'scripts', 'bench-cpu-profiler.mjs')}`,
        OMNITILL_CPU_PROFILE: profileFile,
      }
    : {};
  const server = await startSeededSyncServer(cleanup, data, { env });
  const registers = await registersFor(server, data, scale.registers);
  const serverPid = workerPid(server.child.pid ?? 0);
  // The profile covers the load and the work it leaves (reconciliation), not start-up.
  if (profileFile) process.kill(serverPid, 'SIGUSR2');
  log(`${scale.registers} registers against the sync-server for ${scale.loadSeconds} s…`);
  const gatedTicks = cpuTicks(serverPid);
  const gated = await runRegisterLoad({
    baseUrl: server.url,
    registers,
    seconds: scale.loadSeconds,
    maxSales: scale.maxSalesPerLoad,
    data,
    seed: LOAD_SEED,
    serverPid,
  });
  const catchUp = await waitUntilIdle(serverPid, 1_000, 180_000);
  const gatedTicksUsed = cpuTicks(serverPid) - gatedTicks;
  log(`sync-server quiet after ${(catchUp / 1000).toFixed(1)} s`);
  if (profileFile) {
    process.kill(serverPid, 'SIGUSR2');
    const deadline = Date.now() + 30_000;
    while (!server.output().includes('cpu-profile written') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await server.stop({ keepData: true });
  const bare = await startBareServerFor(cleanup, data);
  try {
    log(`the same load against bare express-pouchdb for ${scale.loadSeconds} s…`);
    const barePid = workerPid(bare.child.pid ?? 0);
    const bareTicks = cpuTicks(barePid);
    const plain = await runRegisterLoad({
      baseUrl: bare.ready,
      registers: registers.map(({ auth: _auth, ...register }) => register),
      seconds: scale.loadSeconds,
      maxSales: scale.maxSalesPerLoad,
      data,
      seed: LOAD_SEED,
      serverPid: barePid,
    });
    const bareTicksUsed = cpuTicks(barePid) - bareTicks;
    if (gated.rejectedDocs + gated.failedRequests > 0) {
      throw new Error(`The sync-server refused bench sales: ${gated.problems.join('; ')}`);
    }
    const results: GateBenchResults = {
      startedAt,
      loadAverage,
      products: scale.products,
      customers: scale.customers,
      registers: registers.length,
      loadSeconds: scale.loadSeconds,
      syncServer: figures(gated.latencyMs, gated.sales, gated.salesPerSecond, gatedTicksUsed),
      bare: figures(plain.latencyMs, plain.sales, plain.salesPerSecond, bareTicksUsed),
      ratio: plain.salesPerSecond / gated.salesPerSecond,
    };
    if (profileFile) results.profile = summariseCpuProfile(profileFile);
    return results;
  } finally {
    await bare.stop();
  }
}
