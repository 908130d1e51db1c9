/**
 * Renders docs/BENCHMARKS.md from a run's results: the machine, the figures against their
 * targets (median and p95 wherever there are several samples), what limits each missed one,
 * and how every figure is taken. The raw samples stay in docs/bench-results.json.
 */
import type { BenchResults, Metric } from './bench-results';
import type { AuthFloodResults } from './auth-flood-bench';
import { renderAuthFloodSection } from './auth-flood-report';
import type { ClusterBenchResults } from './cluster-bench';
import { renderClusterSection } from './cluster-report';
import { findings, LIMITS, METHOD } from './report-text';
import { renderScalesSection } from './scale-report';
import type { GateReport } from './gate-report';
import { renderGateSection } from './gate-report';
import type { Summary } from './stats';
import { round } from './stats';

function number(value: number, unit: Metric['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'x' ? 2 : Math.abs(value) >= 100 ? 0 : 1;
  return round(value, digits).toLocaleString('en-US', { maximumFractionDigits: digits });
}

function withUnit(value: number, unit: Metric['unit']): string {
  return unit === 'x' ? `${number(value, unit)}×` : `${number(value, unit)} ${unit}`;
}

function spread(summary: Summary | null, unit: Metric['unit']): [string, string] {
  if (!summary || summary.count < 2) return ['—', '—'];
  return [withUnit(summary.median, unit), withUnit(summary.p95, unit)];
}

function verdict(metric: Metric): string {
  if (metric.pass === null) return 'reported';
  return metric.pass ? 'pass' : '**miss**';
}

function resultsTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((metric) => {
    const [median, p95] = spread(metric.summary, metric.unit);
    const samples = metric.summary ? String(metric.summary.count) : '1';
    return `| ${metric.title} | ${metric.target?.text ?? '—'} | **${withUnit(metric.value, metric.unit)}** (${metric.stat}) | ${median} | ${p95} | ${samples} | ${verdict(metric)} |`;
  });
  return [
    '| what | target | figure | median | p95 | samples | result |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function detailLines(metric: Metric): string[] {
  const lines = Object.entries(metric.details).map(
    ([name, value]) =>
      `- ${name}: ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`,
  );
  if (metric.summary && metric.summary.count > 1) {
    const s = metric.summary;
    lines.unshift(
      `- samples ${s.count}: min ${number(s.min, metric.unit)}, median ${number(s.median, metric.unit)}, p95 ${number(s.p95, metric.unit)}, p99 ${number(s.p99, metric.unit)}, max ${number(s.max, metric.unit)} ${metric.unit}`,
    );
  }
  return lines;
}

export function renderReport(
  results: BenchResults,
  cluster?: ClusterBenchResults,
  authFlood?: AuthFloodResults,
  scales: readonly BenchResults[] = [],
  gate?: GateReport,
): string {
  const { machine } = results;
  const missed = results.metrics.filter((metric) => metric.pass === false);
  const passed = results.metrics.filter((metric) => metric.pass === true);
  const sections: string[] = [
    '# Benchmarks at retail scale',
    '',
    `Written by \`npm run bench\` (tests/bench/run.ts) on ${results.startedAt.slice(0, 10)}; the raw samples are in [bench-results.json](bench-results.json). ${results.setup.products?.toLocaleString('en-US')} products, ${results.setup.customers?.toLocaleString('en-US')} customers, ${results.setup.registers} registers over ${results.setup.stores} stores. The run took ${Math.round(results.durationS)} s.`,
    '',
    '> These figures were taken on a shared 2-core machine during development, while other',
    '> engineers’ builds and tests were using the same CPU (see the load average below). They are',
    '> upper bounds for this hardware, not quiet-machine figures; re-run `npm run bench` on a quiet',
    '> machine before quoting them.',
    '',
    '## Machine',
    '',
    '| CPU | cores | memory | Node | Chromium | OS | load average at start |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${machine.cpuModel} | ${machine.cores} | ${machine.memoryGb} GB | ${machine.node} | ${machine.chromium} | ${machine.platform} | ${machine.loadAverage} |`,
    '',
    '## Figures',
    '',
    `${passed.length} of ${passed.length + missed.length} targets met${missed.length ? `; missed: ${missed.map((metric) => metric.title).join('; ')}` : ''}.`,
    '',
    resultsTable(results.metrics),
    '',
  ];
  if (missed.length > 0) {
    sections.push('## Missed targets: the figure and what limits it', '');
    for (const metric of missed) {
      sections.push(
        `- **${metric.title}**: ${withUnit(metric.value, metric.unit)} (${metric.stat}) against ${metric.target?.text ?? 'no target'}. ${LIMITS[metric.id]?.(metric, results.metrics) ?? ''}`.trimEnd(),
      );
    }
    sections.push('');
  }
  sections.push(
    '## Other findings',
    '',
    ...findings(results.metrics).map((line) => `- ${line}`),
    '',
  );
  sections.push('## How each figure is taken', '');
  for (const metric of results.metrics) {
    sections.push(`### ${metric.title}`, '', METHOD[metric.id], '', ...detailLines(metric), '');
  }
  sections.push(...renderScalesSection(scales));
  sections.push(...renderGateSection(gate));
  if (cluster) sections.push(...renderClusterSection(cluster));
  if (authFlood) sections.push(...renderAuthFloodSection(authFlood));
  sections.push(
    '## Running it',
    '',
    '`npm run bench` generates the data from src/demo’s seeded generators (the same on every machine), seeds a sync-server’s LevelDB directly (seeding is not measured), builds the renderer and the bench page (tests/bench/browser) with vite into a temp folder, and drives Debian’s Chromium with playwright-core (the flags of tests/e2e/helpers/browser.ts). Every process it starts is stopped by its process group and every temp folder removed at the end, on failure and on Ctrl-C. `npm run bench -- --smoke` runs the same code at a tiny scale without writing here; tests/integration/bench-smoke.test.ts does that as part of `npm test`. `npm run bench -- --cluster` starts a 3-node CouchDB cluster from ../shared/couchdb (or uses `OMNITILL_BENCH_COUCHDB_URLS`, comma-separated node URLs) and measures the section on several instances; tests/cluster/cluster-bench-smoke.test.ts runs it at a tiny scale in `npm run test:couchdb`. `npm run bench -- --auth-flood` measures only the bad-auth flood section (the full run measures it too, after the rest). `npm run bench -- --products 300000` (or `OMNITILL_BENCH_PRODUCTS=300000`) runs the full bench with that many products and keeps it in its own results file for "Figures at each scale"; `--gate` measures only the push load against the sync-server and bare express-pouchdb, on a small catalog (`--profile DIR` adds the sync-server\'s CPU profile; see "Gate profile").',
    '',
    'Statistics are nearest-rank percentiles over every sample (never interpolated). Setup of this run:',
    '',
    ...Object.entries(results.setup).map(([name, value]) => `- ${name}: ${String(value)}`),
    '',
  );
  return sections.join('\n');
}
