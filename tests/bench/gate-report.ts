/**
 * docs/BENCHMARKS.md's "Gate profile" (issue #19), rendered from docs/bench-gate.json: each
 * `npm run bench -- --gate` run kept there (labelled, e.g. the code before and after a change),
 * its throughput beside bare express-pouchdb's in the same run, and the CPU profile's top costs.
 */
import type { GateBenchResults } from './gate-bench';
import type { ProfileRow } from './cpu-profile-summary';

export interface GateRun extends GateBenchResults {
  /** What code ran (`--label`, e.g. "before: b0be873"). */
  label: string;
}

export interface GateReport {
  runs: GateRun[];
}

/** Runs kept in docs/bench-gate.json: the newest few. */
export const KEPT_GATE_RUNS = 8;

const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a';

const ms = (value: number | null) =>
  value === null || !Number.isFinite(value) ? '—' : `${fixed(value)} ms`;

function profileTable(rows: readonly ProfileRow[], total: boolean): string[] {
  return [
    `| function | where | self % | total % |`,
    '| --- | --- | --- | --- |',
    ...rows
      .slice(0, 10)
      .map(
        (row) =>
          `| ${row.fn.replace(/\|/g, '\\|')} | ${row.where} | ${total ? row.selfPct : `**${row.selfPct}**`} | ${total ? `**${row.totalPct}**` : row.totalPct} |`,
      ),
  ];
}

/** What the profile of 2026-12-04 showed, what was cut (issue #19) and what is left. */
const FINDINGS = [
  '**What the profile showed (2026-12-04).** The gate’s own JavaScript is small: re-pricing every sale (verifySaleTotals through matchSaleToSettings) is about 3 % of the busy samples, ajv validation about 1 %, authentication under 1 % (a device secret that verified once is checked with one SHA-256, access/device-registry.ts, and revoking drops it at once: tests/integration/sync-server/sync-server-api.test.ts, “shuts a revoked device out at once”), reading and parsing bodies under 2 %. Over half is native LevelDB work, and more than a third of all samples were LevelDB *iterators* being created, advanced and closed. Their callers are lost in PouchDB’s asynchronous queue, so the store’s calls were counted once (a 10 s load, 50 registers, 340 sales): per sale the server made about 29 calls to its document store, where bare express-pouchdb makes the 3 writes. PouchDB answers `allDocs({keys})`, which `getCurrent` (the stored copies, the settings document, staff, products, index entries) used, with one iterator per key; every catch-up of the server index (before each push check) asked every indexed database’s changes feed for one change, one iterator each (3 per sale); and the settings document was read twice per sale (the totals check and the sale checks).',
  '',
  '**What was cut, no check weakened.** `getCurrent` on the embedded store reads each id with a point read (`get`), and only a tombstone goes the old way for its body; a catch-up pass compares each database’s update sequence, which PouchDB keeps in memory, with its checkpoint instead of probing the feed (CouchDB is still probed); the settings history the totals were checked with is handed to the sale checks of the same request. Iterator time fell from 28 % of the samples to 10 % and busy time per sale from 29 to 20 ms in the profiled pair; in the unprofiled pair the sync-server’s CPU per sale fell from 44 to 26 ms (bare express-pouchdb: 5 to 6 ms). Validators were already compiled once per collection, and authentication already cached; both stay.',
  '',
  '**Second pass (2026-12-04, later).** A profile of 6e9c706 under the same load had a fifth of its busy samples in PouchDB’s LevelDB transaction gathering the writes of one `bulkDocs` call by copying its whole list per document (quadratic: 10,000 small documents took 1,857 ms in one call and 328 ms in calls of 250, measured in Node). The server index writes a page of changes, thousands of entries, in one call; the embedded store now writes in calls of 250 (sync-server/storage/pouch-document-store.ts), and those samples left the profile. The sync-server’s CPU per sale did not move measurably in the runs that followed (16 to 19 ms at load averages of 2 to 5, with other work on the machine), so the next cut is the reads: LevelDB `get`s counted in the server process over 15 s of the load (about 1,400 sales) came to 84,727, about 60 per sale where bare express-pouchdb does 1. The server index took 48,000 of them (entries and postings read before they are written, most of them not there yet, and PouchDB reads each again before writing it), products, settings and staff 12,000 (re-pricing), the stored copies of pushed stock moves 9,000, reconciliation flags 4,600. Postings of a document never indexed before cannot exist and need not be read; products, settings and staff could come from a cache the changes feed keeps current.',
  '',
  '**Third pass (2026-12-04, 14:00).** The server index no longer reads the postings of a document it has no entry for (a document never indexed has none: they are written and removed with its entry; should one be left over, its write conflicts and the retry reads everything, tests/unit/sync-server/server-index.test.ts). Taken one after the other on a quiet machine (load 0.6 and 1.7), 69d6655 before the cut and 0b785cb after: CPU per sale 12.6 → 11.8 ms, 124 → 134 sales/s, ratio 3.8 → 3.6×. A step, not the answer: bare express-pouchdb takes 2.2 ms per sale.',
  '',
  '**At 300,000 products (2026-12-04, 17:36).** The gate costs more as the catalog grows: the full bench’s saturating load took 99 to 113 sales/s at 100,000 products and 61 to 75 at 300,000 (bare express-pouchdb about 330 to 450 at both), and its paced p99 was 46 to 72 ms at 100,000 and 57 to 233 ms at 300,000 (two runs each, the same server code). The gate’s load against a sync-server seeded with 300,000 products and 50,000 customers, profiled while other tests used the machine (so its 33 ms of CPU per sale is not comparable with the rows above), had 22 % of its busy samples in LevelDB point reads (`LevelDOWN._get`) and 10 % in garbage collection: a sale’s reads of the products it sells miss LevelDB’s cache more often in a catalog three times the size. The products a sale is priced against are the next thing to hold in memory, kept current by the catch-up that already runs before every check.',
  '',
  '**What is left.** The throughput ratio is 3.6 to 3.9× on a quiet machine (2.3 to 2.6× in the runs at load averages of 7 to 20, where bare express-pouchdb lost more to the other work than the sync-server did); CPU per sale, the steadier figure, is about 5.4× bare’s. The next costs are the point reads themselves (a sale still reads its stored copy, settings, staff, products, customer and ledger, and the stock and ledger requests read the sale again), index writes per page of changes, and reconciliation reading every posting of each SKU sold (`stockFlags`: a running level per SKU would make it constant). Catch-up before every push check stays in the request path: the checks read the index and must see what was accepted before them.',
] as const;

export function renderGateSection(report: GateReport | undefined): string[] {
  if (!report || report.runs.length === 0) return [];
  const lines = [
    '## Gate profile',
    '',
    'Written by `npm run bench -- --gate --profile DIR --label TEXT` (tests/bench/gate-bench.ts); every run is in [bench-gate.json](bench-gate.json). The push load of the full bench (50 registers over 5 stores, a closed loop: each sends its next sale when the last is acknowledged, the same seeds so the same sales) on a small catalog (5,000 products, 2,000 customers), for 20 s against the sync-server, then, once it has gone quiet, for 20 s against bare express-pouchdb, in the same run. CPU per sale is the server process’s user and system time (/proc, every thread) over the load and, for the sync-server, until it went quiet (its index and reconciliation work included) divided by the sales: on a shared machine it moves less than sales/s. The profile (V8’s sampling profiler, 0.5 ms, started by signal after start-up and stopped once the server went quiet) is taken in the same run; its percentages are of the busy samples (idle left out). Self: samples where the function itself ran; total: where it was anywhere on the stack. Native code V8 cannot name (LevelDB’s binding) is named by its caller. A profiled run’s throughput is taken with the profiler on, and its CPU per sale is not given (the profiler’s own thread would be in it).',
    '',
    '| code | run on | load average | sync-server sales/s | bare sales/s | ratio (target ≤ 1.3) | sync-server push p99 | CPU per sale: sync-server | CPU per sale: bare |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.runs.map(
      (run) =>
        `| ${run.label} | ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC | ${fixed(run.loadAverage, 2)} | ${fixed(run.syncServer.salesPerSecond)} | ${fixed(run.bare.salesPerSecond)} | ${fixed(run.ratio, 2)}× | ${fixed(run.syncServer.p99, 0)} ms | ${ms(run.syncServer.cpuMsPerSale)} | ${ms(run.bare.cpuMsPerSale)} |`,
    ),
    '',
  ];
  lines.push(...FINDINGS, '');
  for (const run of report.runs) {
    if (!run.profile) continue;
    const profile = run.profile;
    lines.push(
      `### Profile: ${run.label}`,
      '',
      `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, load average ${fixed(run.loadAverage, 2)}; ${run.syncServer.sales.toLocaleString('en-US')} sales; ${fixed(profile.busyMs / 1000)} s busy of ${fixed(profile.totalMs / 1000)} s profiled, ${fixed(profile.busyMs / Math.max(1, run.syncServer.sales))} ms of busy samples per sale; garbage collection ${profile.gcPct} %.`,
      '',
      'Top self time (all code):',
      '',
      ...profileTable(profile.topSelf, false),
      '',
      'Top total time of the project’s own functions (sync-server/, src/):',
      '',
      ...profileTable(profile.topTotal, true),
      '',
      `Self time by package or file: ${profile.byFile
        .slice(0, 8)
        .map((entry) => `${entry.where} ${entry.selfPct} %`)
        .join(', ')}.`,
      '',
    );
  }
  return lines;
}
