/**
 * Turns the measured samples into the figures of docs/BENCHMARKS.md: one metric per line of
 * issue 9's table, with issue #19's targets where it set new ones, each judged on the statistic
 * its target names (p95, p99, a single value).
 */
import type { BrowserFigures, ColdStartFigures } from './browser-phase';
import type { ColdStartResult } from './browser/bench-page-api';
import type { BenchResults, Metric, MetricId, Target } from './bench-results';
import { judge } from './bench-results';
import type { LoadFigures } from './load-phase';
import type { PouchSyncResult } from './pouch-first-sync';
import type { ReceiptBenchResult } from './receipt-bench';
import { round, summarize } from './stats';

export interface Figures {
  browser: BrowserFigures;
  pouch: PouchSyncResult;
  load: LoadFigures;
  receipt: ReceiptBenchResult;
}

const target = (op: Target['op'], value: number, text: string): Target => ({ op, value, text });

function metric(
  id: MetricId,
  title: string,
  unit: Metric['unit'],
  stat: Metric['stat'],
  value: number,
  goal: Target | null,
  samples: readonly number[] | null,
  details: Metric['details'] = {},
): Metric {
  return {
    id,
    title,
    unit,
    stat,
    value: round(value, 3),
    target: goal,
    pass: judge(value, goal),
    summary: samples ? summarize(samples) : null,
    details,
  };
}

/** Issue #19: a first sync within 15 s at 100,000 products, 40 s at 300,000. */
function firstSyncTarget(products: number): Target {
  return products >= 300_000 ? target('<=', 40, '<= 40 s') : target('<=', 15, '<= 15 s');
}

const pick = <T>(items: readonly T[], field: (item: T) => number): number[] => items.map(field);

/** Cold start, judged on the real app; the bench page's runs give the breakdown. */
export function coldStartMetric(figures: ColdStartFigures): Metric {
  const coldReady = pick(figures.appColdStarts, (run) => run.readyMs);
  const pageCold = figures.pageColdStarts;
  const fallback = figures.pageFallbackColdStart;
  const median = (field: (run: ColdStartResult) => number) =>
    round(summarize(pick(pageCold, field)).median);
  return metric(
    'cold-start',
    'Cold start to ready-to-scan (real app)',
    'ms',
    'max',
    Math.max(...coldReady),
    target('<=', 2_000, '<= 2 s on every run'),
    coldReady,
    {
      'bench page: navigation to index built, median (ms)': median((run) => run.sinceNavigationMs),
      'bench page: open replica, median (ms)': median((run) => run.openMs),
      'bench page: read the catalog, median (ms)': median((run) => run.queryMs),
      'bench page: of which reading the snapshot, median (ms)': median(
        (run) => run.loadTimings?.read ?? NaN,
      ),
      'bench page: of which decoding it, median (ms)': median(
        (run) => run.loadTimings?.decode ?? NaN,
      ),
      'bench page: of which the changes since it, median (ms)': median(
        (run) => run.loadTimings?.catchUp ?? NaN,
      ),
      'bench page: replica changes read after the snapshot, median': median(
        (run) => run.changesRead,
      ),
      'bench page: after ready, counting the replica against it, median (ms)': median(
        (run) => run.checkMs,
      ),
      'bench page: build the index, median (ms)': median((run) => run.indexMs),
      'bench page, no start-up snapshot: navigation to index built (ms)': round(
        fallback.sinceNavigationMs,
      ),
      'bench page, no start-up snapshot: read the catalog (ms)': round(fallback.queryMs),
      'bench page runs that loaded from the start-up snapshot': pageCold.filter(
        (run) => run.source === 'snapshot',
      ).length,
      products: pageCold[0]?.products ?? 0,
    },
  );
}

export function buildMetrics(figures: Figures): { metrics: Metric[]; raw: BenchResults['raw'] } {
  const { browser, pouch, load, receipt } = figures;
  const scanFrame = pick(browser.scans, (sample) => sample.enterToFrameMs);
  const scanDom = pick(browser.scans, (sample) => sample.enterToDomMs);
  const scanBurst = pick(browser.scans, (sample) => sample.burstToFrameMs);
  const burst = pick(browser.scans, (sample) => sample.burstMs);
  const coldReady = pick(browser.appColdStarts, (run) => run.readyMs);
  const heap = pick(browser.appColdStarts, (run) => run.heapUsedMb);
  const pageCold = browser.pageColdStarts;
  const rxdbSeconds = browser.firstSync.ms / 1000;
  const pouchSeconds = pouch.ms / 1000;
  const sync = load.syncServer;
  const bare = load.bare;
  const syncLatency = summarize(sync.latencyMs);
  const bareLatency = summarize(bare.latencyMs);
  const pacedLatency = summarize(load.paced.latencyMs);

  const metrics: Metric[] = [
    metric(
      'scan-to-line',
      'Scan to line in the cart (real app)',
      'ms',
      'p95',
      summarize(scanFrame).p95,
      target('<=', 16, 'p95 <= 16 ms'),
      scanFrame,
      {
        'Enter to line in the DOM, p95 (ms)': round(summarize(scanDom).p95),
        'Enter to line in the DOM, median (ms)': round(summarize(scanDom).median),
        'first key of the burst to the frame, p95 (ms)': round(summarize(scanBurst).p95),
        'first key of the burst to the frame, median (ms)': round(summarize(scanBurst).median),
        'burst length, median (ms)': round(summarize(burst).median),
      },
    ),
    metric(
      'search-as-you-type',
      'Search as you type (CatalogIndex.search, per keystroke)',
      'ms',
      'p95',
      summarize(browser.search.samples).p95,
      target('<=', 50, 'p95 <= 50 ms'),
      browser.search.samples,
      {
        queries: browser.search.hits.length,
        'queries with results': browser.search.hits.filter((hits) => hits > 0).length,
      },
    ),
    metric(
      'sale-completion',
      'Completing a sale durably (sale, stock moves, ledger entries)',
      'ms',
      'p95',
      summarize(browser.completion.samples).p95,
      target('<=', 50, 'p95 <= 50 ms'),
      browser.completion.samples,
      {
        'completeSale alone, p95 (ms)': round(summarize(browser.completion.assembleMs).p95),
        'documents written': browser.completion.documents,
      },
    ),
    coldStartMetric(browser),
    metric(
      'first-sync',
      'First sync to a fresh register (RxDB + Dexie in Chromium)',
      's',
      'single run',
      rxdbSeconds,
      firstSyncTarget(browser.firstSync.counts.products ?? 0),
      null,
      {
        'products done at (s)': round((browser.firstSync.doneAtMs.products ?? NaN) / 1000),
        'customers done at (s)': round((browser.firstSync.doneAtMs.customers ?? NaN) / 1000),
        products: browser.firstSync.counts.products ?? 0,
        customers: browser.firstSync.counts.customers ?? 0,
        'from the server’s first-sync snapshot': browser.firstSync.fromServerSnapshot,
        'then writing the start-up snapshot (ms)': round(browser.firstSync.snapshotMs),
        'sync-server CPU time meanwhile (s)': round(browser.firstSync.serverCpuMs / 1000),
      },
    ),
    metric(
      'first-sync-pouchdb',
      'Plain PouchDB replication of the same documents (Node, LevelDB)',
      's',
      'single run',
      pouchSeconds,
      null,
      null,
      { ...pouch.docs },
    ),
    metric(
      'first-sync-ratio',
      'First sync: register time / plain PouchDB time',
      'x',
      'ratio',
      rxdbSeconds / pouchSeconds,
      target('<=', 0.5, '<= 0.5 (twice as fast as PouchDB)'),
      null,
    ),
    metric(
      'registers-sales-per-second',
      `Sustained sales per second, ${load.registers} registers`,
      'sales/s',
      'single run',
      sync.salesPerSecond,
      null,
      null,
      {
        sales: sync.sales,
        'duration (s)': round(sync.seconds),
        'push latency p50 (ms)': round(syncLatency.median),
        'push latency p95 (ms)': round(syncLatency.p95),
        'documents refused': sync.rejectedDocs,
        'failed requests': sync.failedRequests,
      },
    ),
    metric(
      'registers-push-p99',
      `Push latency p99, ${load.registers} registers`,
      'ms',
      'p99',
      syncLatency.p99,
      target('<=', 300, 'p99 <= 300 ms'),
      sync.latencyMs,
    ),
    metric(
      'paced-push-p99',
      `Push latency p99, ${load.pacedRegisters} registers, a sale each every ${load.pacedIntervalMs / 1000} s`,
      'ms',
      'p99',
      pacedLatency.p99,
      target('<=', 100, 'p99 <= 100 ms'),
      load.paced.latencyMs,
      {
        'sales/s': round(load.paced.salesPerSecond),
        sales: load.paced.sales,
        'push latency p50 (ms)': round(pacedLatency.median),
        'push latency p95 (ms)': round(pacedLatency.p95),
        'documents refused': load.paced.rejectedDocs,
        'failed requests': load.paced.failedRequests,
      },
    ),
    metric(
      'registers-server-rss',
      'Sync-server memory (RSS) under that load',
      'MB',
      'peak',
      sync.rssPeakMb,
      null,
      null,
      {
        'before the load (MB)': round(sync.rssBeforeMb),
        'busy after the last acknowledgement, reconciling (s)': round(
          load.catchUpAfterLoadMs / 1000,
        ),
        'busy after the paced load (s)': round(load.catchUpAfterPacedMs / 1000),
        'after the load (MB)': round(sync.rssAfterMb),
      },
    ),
    metric(
      'validation-overhead',
      'Sync-server vs bare express-pouchdb (throughput ratio)',
      'x',
      'ratio',
      bare.salesPerSecond / sync.salesPerSecond,
      target('<=', 1.3, '<= 1.3'),
      null,
      {
        'bare sales/s': round(bare.salesPerSecond),
        'sync-server sales/s': round(sync.salesPerSecond),
        'bare push p50 (ms)': round(bareLatency.median),
        'bare push p99 (ms)': round(bareLatency.p99),
        'p99 latency ratio': round(syncLatency.p99 / bareLatency.p99),
        'bare documents refused': bare.rejectedDocs,
        'bare RSS peak (MB)': round(bare.rssPeakMb),
      },
    ),
    metric(
      'receipt-escpos',
      'Receipt model to ESC/POS bytes (30 lines, Vietnamese)',
      'ms',
      'p95',
      summarize(receipt.encodeMs).p95,
      target('<=', 5, 'p95 <= 5 ms'),
      receipt.encodeMs,
      {
        'with building the receipt from the sale, p95 (ms)': round(
          summarize(receipt.buildAndEncodeMs).p95,
        ),
        'job size (bytes)': receipt.bytes,
        'printed lines': receipt.lines,
        'characters the code page lacks': receipt.unmapped,
      },
    ),
    metric(
      'register-memory',
      'Register memory with the catalog loaded (JS heap used)',
      'MB',
      'max',
      Math.max(...heap),
      target('<=', 300, '<= 300 MB'),
      heap,
      {
        'JS heap total, max (MB)': round(
          Math.max(...pick(browser.appColdStarts, (run) => run.heapTotalMb)),
        ),
      },
    ),
  ];
  const raw: BenchResults['raw'] = {
    scanEnterToFrameMs: scanFrame,
    scanEnterToDomMs: scanDom,
    scanBurstToFrameMs: scanBurst,
    searchKeystrokeMs: browser.search.samples,
    saleCompletionMs: browser.completion.samples,
    saleAssembleMs: browser.completion.assembleMs,
    appColdStartMs: coldReady,
    appHeapUsedMb: heap,
    pageColdStartMs: pick(pageCold, (run) => run.sinceNavigationMs),
    firstSyncMs: [browser.firstSync.ms],
    pouchFirstSyncMs: [pouch.ms],
    syncServerPushMs: sync.latencyMs,
    barePushMs: bare.latencyMs,
    pacedPushMs: load.paced.latencyMs,
    receiptEncodeMs: receipt.encodeMs,
    receiptBuildAndEncodeMs: receipt.buildAndEncodeMs,
  };
  return { metrics, raw };
}
