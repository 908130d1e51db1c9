/**
 * Everything measured in Chromium, in one browser and one origin (the app's browser shell):
 * the register's first sync (RxDB on Dexie/IndexedDB, the app's replication code and settings),
 * the catalog's cold start and search on the bench page, then the real app's cold start, memory
 * and scan to line on the replica that first sync filled, and last the durable sale completion.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser } from '../e2e/helpers/browser';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { SeededRandom } from '../../src/demo';
import type { AppConfig } from '../../src/ipc/contract';
import { normalizeSearchText } from '../../src/search';
import { appColdStart, prepareAppMeasurements, scanToLine } from './app-driver';
import type { AppColdStart, ScanSample } from './app-driver';
import { startAppShell } from './app-shell';
import type { BenchData } from './bench-data';
import { DEMO_STORE_ID } from './bench-data';
import {
  closeBenchPage,
  coldStartInPage,
  completeSalesInPage,
  firstSyncInPage,
  openBenchPage,
  searchInPage,
} from './bench-page-driver';
import type { BenchScale } from './bench-scale';
import { tempDir } from './bench-servers';
import { cpuTicks, workerPid } from './child-process';
import { buildPages } from './build-pages';
import type {
  ColdStartResult,
  CompletionResult,
  FirstSyncResult,
  SearchResult,
} from './browser/bench-page-api';
import type { Cleanup } from './cleanup';

export const SEARCH_LIMIT = 24; // what the sell screen asks for
const REGISTER_ID = 'reg-bench';

export interface BrowserFigures {
  firstSync: FirstSyncFigures;
  pageColdStarts: ColdStartResult[];
  /** A bench-page cold start without the start-up snapshot (the fallback: read every product). */
  pageFallbackColdStart: ColdStartResult;
  search: SearchResult;
  appColdStarts: AppColdStart[];
  scans: ScanSample[];
  completion: CompletionResult;
  device: { deviceId: string; secret: string };
}

/** What a cashier types: one to three words of a name, mostly without diacritics. */
export function searchQueries(data: BenchData, count: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  const queries: string[] = [];
  for (let index = 0; index < count; index++) {
    const product = random.pick(data.products);
    const roll = random.next();
    const name =
      roll < 0.6
        ? normalizeSearchText(product.name.vi)
        : roll < 0.85
          ? product.name.vi
          : product.name.en;
    queries.push(name.split(/\s+/).slice(0, random.int(1, 3)).join(' '));
  }
  return queries;
}

/** Distinct EAN-13 codes of unit-priced products, so every scan adds a new cart line. */
export function scanCodes(data: BenchData, count: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  const codes = new Set<string>();
  const scannable = data.products.filter((product) => product.barcodes.length > 0);
  while (codes.size < Math.min(count, scannable.length)) {
    const code = random.pick(scannable).barcodes[0];
    if (code) codes.add(code);
  }
  return [...codes];
}

/**
 * With OMNITILL_BENCH_PAGE_PROFILE=DIR, the page's main thread is profiled (V8's sampler through
 * the DevTools protocol, 0.5 ms) while `run` runs, into DIR/<name>.cpuprofile; the bench page is
 * then built unminified (build-pages.ts). The figures of a profiled run are not for the report.
 * Each cold start of the real app is profiled too (the navigation stays in the page's process).
 */
async function profiledInPage<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.OMNITILL_BENCH_PAGE_PROFILE;
  if (!dir) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

/** The page's first sync, and the sync-server's CPU time (ms) while it ran. */
export type FirstSyncFigures = FirstSyncResult & { serverCpuMs: number };

/** The register as the cold-start figures need it: the app served, Chromium open, first sync done. */
interface RegisterSession {
  page: Page;
  appUrl: string;
  replicaName: string;
  device: { deviceId: string; secret: string };
  firstSync: FirstSyncFigures;
  close(): Promise<void>;
}

async function openRegisterSession(
  cleanup: Cleanup,
  server: SyncServerProcess,
  scale: BenchScale,
  log: (line: string) => void,
): Promise<RegisterSession> {
  const device = await server.enrollDevice(DEMO_STORE_ID, REGISTER_ID);
  const rendererDir = tempDir(cleanup, 'omnitill-bench-pages-');
  await buildPages(rendererDir);
  const { url: appUrl, stop: stopApp } = await startAppShell(cleanup, {
    serverUrl: server.url,
    storeId: DEMO_STORE_ID,
    registerId: REGISTER_ID,
    deviceId: device.deviceId,
    secret: device.secret,
    rendererDir,
  });
  const browser = await openBrowser(`${appUrl}/bench/index.html`);
  const closeBrowser = cleanup.add('close Chromium', () => browser.close());
  const { page } = browser;
  page.setDefaultTimeout(120_000);
  const replicaName = `omnitill-${DEMO_STORE_ID}-${REGISTER_ID}`;

  await openBenchPage(page, appUrl);
  log(`first sync of ${scale.products} products and ${scale.customers} customers in Chromium…`);
  const config: AppConfig = {
    shell: 'browser',
    storeId: DEMO_STORE_ID,
    registerId: REGISTER_ID,
    deviceId: device.deviceId,
    deviceSecret: device.secret,
    syncUrl: `${server.url}/db`,
    apiUrl: `${server.url}/api/v1`,
    locale: 'vi-VN',
    kiosk: false,
  };
  // The server's share: its CPU time over the first sync (snapshot chunks and live pulls).
  const serverPid = workerPid(server.child.pid ?? 0);
  const serverTicks = cpuTicks(serverPid);
  const synced = await profiledInPage(page, 'first-sync', () =>
    firstSyncInPage(page, {
      replicaName,
      config,
      collections: ['products', 'customers'],
      timeoutMs: scale.name === 'full' ? 300_000 : 60_000,
    }),
  );
  const firstSync = { ...synced, serverCpuMs: (cpuTicks(serverPid) - serverTicks) * 10 };
  if (
    firstSync.counts.products !== scale.products ||
    firstSync.counts.customers !== scale.customers
  ) {
    throw new Error(`The first sync is incomplete: ${JSON.stringify(firstSync.counts)}`);
  }
  await closeBenchPage(page);
  return {
    page,
    appUrl,
    replicaName,
    device: { deviceId: device.deviceId, secret: device.secret },
    firstSync,
    close: async () => {
      await closeBrowser();
      await stopApp();
    },
  };
}

/**
 * The bench page's cold starts: the last one stays open (its catalog is what search runs on).
 * A fallback run (no start-up snapshot: the whole catalog read from the replica) comes first.
 */
async function pageColdStarts(
  session: RegisterSession,
  scale: BenchScale,
): Promise<{ runs: ColdStartResult[]; fallback: ColdStartResult }> {
  const { page, replicaName } = session;
  const fallback = await coldStartInPage(page, replicaName, { ignoreSnapshot: true });
  await closeBenchPage(page);
  const runs: ColdStartResult[] = [];
  for (let run = 0; run < scale.coldStarts; run++) {
    runs.push(await coldStartInPage(page, replicaName));
    if (run < scale.coldStarts - 1) await closeBenchPage(page);
  }
  return { runs, fallback };
}

async function appColdStarts(session: RegisterSession, scale: BenchScale): Promise<AppColdStart[]> {
  await prepareAppMeasurements(session.page);
  const runs: AppColdStart[] = [];
  const settleMs = scale.name === 'full' ? 3_000 : 300;
  for (let run = 0; run < scale.coldStarts; run++) {
    const name = `app-cold-start-${run + 1}`;
    runs.push(
      await profiledInPage(session.page, name, () =>
        appColdStart(session.page, session.appUrl, settleMs),
      ),
    );
  }
  return runs;
}

export interface ColdStartFigures {
  pageColdStarts: ColdStartResult[];
  pageFallbackColdStart: ColdStartResult;
  appColdStarts: AppColdStart[];
}

/** `npm run bench -- --cold-start`: the first sync, then only the cold starts (page and app). */
export async function runColdStartPhase(
  cleanup: Cleanup,
  server: SyncServerProcess,
  scale: BenchScale,
  log: (line: string) => void,
): Promise<ColdStartFigures> {
  const session = await openRegisterSession(cleanup, server, scale, log);
  log('cold starts on the bench page…');
  const page = await pageColdStarts(session, scale);
  await closeBenchPage(session.page);
  log('the real app: cold starts…');
  const app = await appColdStarts(session, scale);
  await session.close();
  return { pageColdStarts: page.runs, pageFallbackColdStart: page.fallback, appColdStarts: app };
}

export async function runBrowserPhase(
  cleanup: Cleanup,
  server: SyncServerProcess,
  data: BenchData,
  scale: BenchScale,
  log: (line: string) => void,
): Promise<BrowserFigures> {
  const session = await openRegisterSession(cleanup, server, scale, log);
  const { page, appUrl, replicaName, device, firstSync } = session;

  log('cold starts and search on the bench page…');
  const pageRuns = await pageColdStarts(session, scale);
  const search = await searchInPage(
    page,
    searchQueries(data, scale.searchQueries, 7),
    SEARCH_LIMIT,
  );
  await closeBenchPage(page);

  log('the real app: cold start, memory, scan to line…');
  const appRuns = await appColdStarts(session, scale);
  const warmUp = 3;
  const scans = await scanToLine(page, scanCodes(data, scale.scans + warmUp, 11), {
    pin: '1111',
    batch: 25,
    warmUp,
  });

  log('durable sale completion on the bench page…');
  await openBenchPage(page, appUrl);
  await coldStartInPage(page, replicaName);
  const store = data.stores.find((candidate) => candidate.storeId === DEMO_STORE_ID);
  if (!store) throw new Error('The demo store is missing from the bench data');
  const random = new SeededRandom(13);
  const completion = await completeSalesInPage(page, {
    count: scale.saleCompletions,
    seed: 17,
    settings: store,
    parties: {
      storeId: DEMO_STORE_ID,
      registerId: REGISTER_ID,
      deviceId: device.deviceId,
      staffId: 'staff_lan',
    },
    customers: Array.from({ length: Math.min(200, data.customers.length) }, () =>
      random.pick(data.customers),
    ),
    productIds: Array.from({ length: 2_000 }, () => random.pick(data.products).id),
    lineCount: { min: 1, max: 30 },
  });
  await closeBenchPage(page);
  await session.close();
  return {
    firstSync,
    pageColdStarts: pageRuns.runs,
    pageFallbackColdStart: pageRuns.fallback,
    search,
    appColdStarts: appRuns,
    scans,
    completion,
    device,
  };
}
