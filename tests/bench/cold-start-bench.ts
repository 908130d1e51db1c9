/**
 * `npm run bench -- --cold-start`: only what the cold-start figure needs (the data, a seeded
 * sync-server, the register's first sync, then the cold starts on the bench page and in the real
 * app), at full scale unless `--smoke` is given too. It prints the figure and writes nothing.
 */
import { generateBenchData } from './bench-data';
import type { BenchScale } from './bench-scale';
import { startSeededSyncServer } from './bench-servers';
import { runColdStartPhase } from './browser-phase';
import type { Cleanup } from './cleanup';
import type { Metric } from './bench-results';
import { coldStartMetric } from './metrics';

export async function runColdStartBench(
  scale: BenchScale,
  cleanup: Cleanup,
  log: (line: string) => void = () => undefined,
): Promise<Metric> {
  const started = performance.now();
  const step = (line: string) =>
    log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
  step(`generating ${scale.products} products and ${scale.customers} customers…`);
  const data = generateBenchData(scale);
  step('seeding and starting the sync-server…');
  const server = await startSeededSyncServer(cleanup, data);
  const figures = await runColdStartPhase(cleanup, server, scale, step);
  step('done measuring');
  return coldStartMetric(figures);
}
