/**
 * One bench run, at any scale: generate the data, measure everything, return the results.
 * It writes nothing to docs/ (run.ts does, for `npm run bench`), and everything it starts is
 * registered with the caller's Cleanup, which the caller runs whatever happens.
 */
import { REPLICATIONS } from '../../renderer/data/collections';
import { DEMO_STORE_ID, generateBenchData } from './bench-data';
import type { BenchResults } from './bench-results';
import type { BenchScale } from './bench-scale';
import { startSeededSyncServer, tempDir } from './bench-servers';
import { runBrowserPhase } from './browser-phase';
import type { Cleanup } from './cleanup';
import { runLoadPhase } from './load-phase';
import { machineInfo } from './machine-info';
import { buildMetrics } from './metrics';
import { pouchFirstSync } from './pouch-first-sync';
import { runReceiptBench } from './receipt-bench';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function runBench(
  scale: BenchScale,
  cleanup: Cleanup,
  log: (line: string) => void = () => undefined,
): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo(CHROMIUM_PATH);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const step = (line: string) => log(`[${elapsed()}] ${line}`);

  step(`generating ${scale.products} products and ${scale.customers} customers…`);
  const data = generateBenchData(scale);

  step(`receipt to ESC/POS bytes, ${scale.receiptIterations} times…`);
  const receipt = await runReceiptBench(data, scale.receiptIterations);

  step('seeding and starting the sync-server…');
  const server = await startSeededSyncServer(cleanup, data);

  const browser = await runBrowserPhase(cleanup, server, data, scale, step);

  step('plain PouchDB replication of the same documents…');
  const pouch = await pouchFirstSync({
    serverUrl: server.url,
    deviceId: browser.device.deviceId,
    secret: browser.device.secret,
    // The register's own pull batch sizes, so only the client side differs.
    databases: ['products', 'customers'].map((name) => ({
      name,
      batchSize: REPLICATIONS.find((spec) => spec.type === name)?.pullBatchSize ?? 100,
    })),
    dir: tempDir(cleanup, 'omnitill-bench-pouch-'),
  });

  const load = await runLoadPhase(cleanup, server, data, scale, step);
  step('done measuring');

  const { metrics, raw } = buildMetrics({ browser, pouch, load, receipt });
  return {
    scale: scale.name,
    startedAt,
    durationS: Math.round((performance.now() - started) / 100) / 10,
    machine,
    setup: {
      products: data.products.length,
      customers: data.customers.length,
      stores: data.stores.length,
      registers: load.registers,
      'register store': DEMO_STORE_ID,
      'load seconds per server': scale.loadSeconds,
      'measured scans': browser.scans.length,
      'search queries': scale.searchQueries,
      'sale completions': scale.saleCompletions,
      'cold starts': scale.coldStarts,
      'receipt iterations': scale.receiptIterations,
    },
    metrics,
    raw,
  };
}
