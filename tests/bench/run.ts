/**
 * `npm run bench`: the benchmarks at retail scale (issue 9), written to docs/BENCHMARKS.md with
 * the raw samples in docs/bench-results.json. `npm run bench -- --smoke` runs the tiny scale and
 * prints the results without touching docs/; `-- --report` re-renders the report from the kept
 * results; `-- --cold-start` measures only the cold start and prints it; `-- --cluster` measures
 * the push load on one embedded instance and on two instances on a CouchDB cluster (issue 14) and
 * writes docs/bench-cluster.json and its section of the report; `-- --auth-flood` measures only a
 * signed-in register's reads during a bad-auth flood (issue #15) and writes docs/bench-auth-flood.json
 * and its section (the full run measures it too). `-- --products 300000` (or
 * OMNITILL_BENCH_PRODUCTS) runs at that catalog size and keeps the results in
 * docs/bench-results-300k.json for the report's "Figures at each scale" (issue #19); `-- --gate`
 * only measures the push load on the sync-server and on bare express-pouchdb in one run and prints
 * it (`--profile DIR`: with the sync-server's CPU profile). Every process and temp folder it
 * makes is removed at the end, on failure and on Ctrl-C.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/sync-server-process';
import type { AuthFloodResults } from './auth-flood-bench';
import {
  AUTH_FLOOD_FULL_SCALE,
  AUTH_FLOOD_SMOKE_SCALE,
  runAuthFloodBench,
} from './auth-flood-bench';
import type { BenchResults } from './bench-results';
import { FULL_SCALE, SMOKE_SCALE, scaleFromArgs } from './bench-scale';
import { Cleanup } from './cleanup';
import type { ClusterBenchResults } from './cluster-bench';
import { CLUSTER_FULL_SCALE, CLUSTER_SMOKE_SCALE, runClusterBench } from './cluster-bench';
import { startBenchCluster } from './couch-cluster';
import { runColdStartBench } from './cold-start-bench';
import { GATE_SCALE, runGateBench } from './gate-bench';
import type { GateReport } from './gate-report';
import { KEPT_GATE_RUNS } from './gate-report';
import { renderReport } from './report';
import { keptScales, resultsFileOf } from './scale-report';
import { runBench } from './suite';

const DOCS = join(REPO_ROOT, 'docs');
const RESULTS = join(DOCS, resultsFileOf(FULL_SCALE.products));
const REPORT = join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
const CLUSTER_RESULTS = join(REPO_ROOT, 'docs', 'bench-cluster.json');
const AUTH_FLOOD_RESULTS = join(REPO_ROOT, 'docs', 'bench-auth-flood.json');
const GATE_RESULTS = join(DOCS, 'bench-gate.json');

function keptAuthFlood(): AuthFloodResults | undefined {
  if (!existsSync(AUTH_FLOOD_RESULTS)) return undefined;
  return JSON.parse(readFileSync(AUTH_FLOOD_RESULTS, 'utf8')) as AuthFloodResults;
}

function printAuthFlood(flood: AuthFloodResults): void {
  const verdict = flood.pass ? 'pass' : 'MISS';
  console.log(
    `bench: register read during the bad-auth flood: median ${flood.duringFlood.median.toFixed(1)} ms, p95 ${flood.duringFlood.p95.toFixed(1)} ms (${flood.duringFlood.count} reads; target median < ${flood.targetMs} ms)  ${verdict}`,
  );
  console.log(
    `bench:   quiet: median ${flood.quiet.median.toFixed(1)} ms; flood ${flood.floodSeconds} s, ${JSON.stringify(flood.floodStatuses)}; failed reads ${flood.failedReads}`,
  );
}

function keptCluster(): ClusterBenchResults | undefined {
  if (!existsSync(CLUSTER_RESULTS)) return undefined;
  return JSON.parse(readFileSync(CLUSTER_RESULTS, 'utf8')) as ClusterBenchResults;
}

function keptGate(): GateReport | undefined {
  if (!existsSync(GATE_RESULTS)) return undefined;
  return JSON.parse(readFileSync(GATE_RESULTS, 'utf8')) as GateReport;
}

function keptResults(): BenchResults {
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults;
}

async function main(): Promise<number> {
  if (process.argv.includes('--report')) {
    // Re-render the report from the kept results (after a change to its wording), measuring nothing.
    writeFileSync(
      REPORT,
      renderReport(keptResults(), keptCluster(), keptAuthFlood(), keptScales(DOCS), keptGate()),
    );
    console.log('bench: rewrote docs/BENCHMARKS.md from docs/bench-results.json');
    return 0;
  }
  const smoke = process.argv.includes('--smoke');
  const cleanup = new Cleanup();
  let interrupted = false;
  const interrupt = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`bench: ${signal}, cleaning up…`);
    void cleanup.runAll().then((failures) => {
      for (const failure of failures) console.error(`bench: cleanup: ${failure}`);
      process.exit(130);
    });
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));

  try {
    if (process.argv.includes('--cluster')) {
      const log = (line: string) => console.log(`bench: ${line}`);
      const target = await startBenchCluster(cleanup, log);
      const cluster = await runClusterBench(
        smoke ? CLUSTER_SMOKE_SCALE : CLUSTER_FULL_SCALE,
        target,
        cleanup,
        log,
      );
      for (const [side, load] of [
        ['embedded closed', cluster.embedded.closed],
        ['embedded paced', cluster.embedded.paced],
        ['cluster closed', cluster.cluster.closed],
        ['cluster paced', cluster.cluster.paced],
      ] as const) {
        log(`${side}: ${JSON.stringify(load)}`);
      }
      log(`cluster: ${cluster.cluster.salesStored} stored of ${cluster.cluster.salesAcknowledged}`);
      if (!smoke) {
        writeFileSync(CLUSTER_RESULTS, `${JSON.stringify(cluster, null, 2)}\n`);
        writeFileSync(
          REPORT,
          renderReport(keptResults(), cluster, keptAuthFlood(), keptScales(DOCS), keptGate()),
        );
        log('wrote docs/bench-cluster.json and docs/BENCHMARKS.md');
      }
      return cluster.cluster.salesStored === cluster.cluster.salesAcknowledged ? 0 : 1;
    }
    const floodScale = smoke ? AUTH_FLOOD_SMOKE_SCALE : AUTH_FLOOD_FULL_SCALE;
    const log = (line: string) => console.log(`bench: ${line}`);
    if (process.argv.includes('--auth-flood')) {
      const flood = await runAuthFloodBench(floodScale, cleanup, log);
      printAuthFlood(flood);
      if (!smoke) {
        writeFileSync(AUTH_FLOOD_RESULTS, `${JSON.stringify(flood, null, 2)}\n`);
        writeFileSync(
          REPORT,
          renderReport(keptResults(), keptCluster(), flood, keptScales(DOCS), keptGate()),
        );
        log('wrote docs/bench-auth-flood.json and docs/BENCHMARKS.md');
      }
      return 0;
    }
    if (process.argv.includes('--gate')) {
      const at = process.argv.indexOf('--profile');
      const profileDir = at > 0 ? process.argv[at + 1] : undefined;
      const gate = await runGateBench(smoke ? SMOKE_SCALE : GATE_SCALE, cleanup, log, profileDir);
      const { profile, ...figures } = gate;
      log(JSON.stringify(figures));
      if (!smoke) {
        const labelAt = process.argv.indexOf('--label');
        const label = (labelAt > 0 ? process.argv[labelAt + 1] : undefined) ?? 'this tree';
        const runs = [...(keptGate()?.runs ?? []), { label, ...gate }].slice(-KEPT_GATE_RUNS);
        writeFileSync(GATE_RESULTS, `${JSON.stringify({ runs }, null, 2)}\n`);
        writeFileSync(
          REPORT,
          renderReport(keptResults(), keptCluster(), keptAuthFlood(), keptScales(DOCS), { runs }),
        );
        log('wrote docs/bench-gate.json and the Gate profile of docs/BENCHMARKS.md');
      } else if (profile) {
        log(`profile: ${JSON.stringify(profile.topSelf.slice(0, 5))}`);
      }
      return 0;
    }
    if (process.argv.includes('--cold-start')) {
      const metric = await runColdStartBench(
        scaleFromArgs(process.argv, process.env),
        cleanup,
        (line) => console.log(`bench: ${line}`),
      );
      const verdict = metric.pass === null ? '' : metric.pass ? '  pass' : '  MISS';
      console.log(
        `bench: ${metric.title}: ${metric.value} ${metric.unit} (${metric.stat})${verdict}`,
      );
      console.log(`bench: samples: ${JSON.stringify(metric.summary)}`);
      for (const [name, value] of Object.entries(metric.details)) {
        console.log(`bench:   ${name}: ${value}`);
      }
      return 0;
    }
    const scale = scaleFromArgs(process.argv, process.env);
    const results = await runBench(scale, cleanup, (line) => console.log(`bench: ${line}`));
    // The main figures are the 100,000-product run's; another size keeps a file of its own.
    const main = scale.products === FULL_SCALE.products;
    for (const metric of results.metrics) {
      const verdict = metric.pass === null ? '' : metric.pass ? '  pass' : '  MISS';
      console.log(
        `bench: ${metric.title}: ${metric.value} ${metric.unit} (${metric.stat})${verdict}`,
      );
    }
    if (!smoke) {
      const file = resultsFileOf(scale.products);
      writeFileSync(join(DOCS, file), `${JSON.stringify(results, null, 2)}\n`);
      const report = main ? results : keptResults();
      writeFileSync(
        REPORT,
        renderReport(report, keptCluster(), keptAuthFlood(), keptScales(DOCS), keptGate()),
      );
      console.log(`bench: wrote docs/BENCHMARKS.md and docs/${file}`);
    }
    // Last, on its own server, so its CPU colours no other figure (and a failure here loses none).
    const flood = await runAuthFloodBench(floodScale, cleanup, log);
    printAuthFlood(flood);
    if (!smoke) {
      writeFileSync(AUTH_FLOOD_RESULTS, `${JSON.stringify(flood, null, 2)}\n`);
      const report = main ? results : keptResults();
      writeFileSync(
        REPORT,
        renderReport(report, keptCluster(), flood, keptScales(DOCS), keptGate()),
      );
      log('wrote docs/bench-auth-flood.json and its section of docs/BENCHMARKS.md');
    }
    return 0;
  } catch (error) {
    console.error(
      'bench: failed:',
      error instanceof Error ? (error.stack ?? error.message) : error,
    );
    return 1;
  } finally {
    for (const failure of await cleanup.runAll()) console.error(`bench: cleanup: ${failure}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
