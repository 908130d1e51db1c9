/**
 * The figures of each catalog size (issue #19: 100,000 and 300,000 products, 50,000 customers),
 * side by side in docs/BENCHMARKS.md. A full run at 100,000 products keeps its results in
 * docs/bench-results.json (the report's main figures, as before); a run at another size in
 * docs/bench-results-<size>.json, the same shape. Targets are issue #19's, per size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults, MetricId } from './bench-results';
import { REPORTED_PRODUCTS } from './bench-scale';

/** Where the results of a full run at this many products are kept (relative to docs/). */
export function resultsFileOf(products: number): string {
  return products === 100_000 ? 'bench-results.json' : `bench-results-${products / 1000}k.json`;
}

/** The kept results of every reported size, smallest first (sizes never run are left out). */
export function keptScales(docsDir: string): BenchResults[] {
  return REPORTED_PRODUCTS.flatMap((products) => {
    const file = join(docsDir, resultsFileOf(products));
    if (!existsSync(file)) return [];
    const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
    return results.setup.products === products ? [results] : [];
  });
}

interface Row {
  title: string;
  metric: MetricId;
  /** Issue #19's target at each size, or null when it sets none there. */
  target: (products: number) => { text: string; pass: (value: number) => boolean } | null;
}

const atMost = (limit: number, text: string) => ({ text, pass: (value: number) => value <= limit });

const ROWS: readonly Row[] = [
  {
    title: 'Cold start to ready-to-scan (max of the runs)',
    metric: 'cold-start',
    target: (products) => (products >= 300_000 ? atMost(2_000, '<= 2 s on every run') : null),
  },
  {
    title: 'Scan to line, p95',
    metric: 'scan-to-line',
    target: () => atMost(16, '<= 16 ms'),
  },
  {
    title: 'Search as you type, p95',
    metric: 'search-as-you-type',
    target: () => atMost(50, '<= 50 ms'),
  },
  {
    title: 'Register memory, JS heap (max)',
    metric: 'register-memory',
    target: (products) => (products >= 300_000 ? atMost(300, '<= 300 MB') : null),
  },
  {
    title: 'First sync of a fresh register',
    metric: 'first-sync',
    target: (products) =>
      products >= 300_000
        ? atMost(40, '<= 40 s')
        : products === 100_000
          ? atMost(15, '<= 15 s')
          : null,
  },
  {
    title: 'First sync: register / plain PouchDB',
    metric: 'first-sync-ratio',
    target: (products) => (products === 100_000 ? atMost(0.5, '<= 0.5×') : null),
  },
];

function cell(results: BenchResults, row: Row): string {
  const metric = results.metrics.find((candidate) => candidate.id === row.metric);
  if (!metric) return '—';
  const value =
    metric.unit === 'x'
      ? `${metric.value}×`
      : `${metric.value.toLocaleString('en-US')} ${metric.unit}`;
  const target = row.target(Number(results.setup.products));
  if (!target) return value;
  return `${value} (${target.text}: ${target.pass(metric.value) ? 'pass' : '**miss**'})`;
}

/** The section, or nothing when no size has been run yet. */
export function renderScalesSection(scales: readonly BenchResults[]): string[] {
  if (scales.length === 0) return [];
  const header = scales.map(
    (results) =>
      `${Number(results.setup.products).toLocaleString('en-US')} products, ${Number(results.setup.customers).toLocaleString('en-US')} customers`,
  );
  return [
    '## Figures at each scale',
    '',
    `The register's figures at each catalog size, each from its own full run (\`npm run bench\` for 100,000 products, \`npm run bench -- --products 300000\` for 300,000; the results are kept in ${scales.map((results) => `[${resultsFileOf(Number(results.setup.products))}](${resultsFileOf(Number(results.setup.products))})`).join(' and ')}, each in the shape of the main figures). Targets are issue #19's for that size; a figure without one is reported.`,
    '',
    `| what | ${header.join(' | ')} |`,
    `| --- | ${header.map(() => '---').join(' | ')} |`,
    ...ROWS.map(
      (row) => `| ${row.title} | ${scales.map((results) => cell(results, row)).join(' | ')} |`,
    ),
    `| run on, load average at start | ${scales.map((results) => `${results.startedAt.slice(0, 10)}, ${results.machine.loadAverage}`).join(' | ')} |`,
    '',
  ];
}
