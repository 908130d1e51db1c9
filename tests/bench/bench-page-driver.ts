/**
 * Drives the bench page (tests/bench/browser) in Chromium: every figure is measured inside the
 * page with performance.now(); the driver only starts the runs and collects the samples.
 */
import type { Page } from 'playwright-core';
import type {
  ColdStartOptions,
  ColdStartResult,
  CompletionRequest,
  CompletionResult,
  FirstSyncRequest,
  FirstSyncResult,
  SearchResult,
} from './browser/bench-page-api';

export async function openBenchPage(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/bench/index.html`);
  await page.waitForFunction(() => window.omnitillBench !== undefined, null, { timeout: 60_000 });
}

export async function firstSyncInPage(
  page: Page,
  request: FirstSyncRequest,
): Promise<FirstSyncResult> {
  return page.evaluate((request) => {
    const api = window.omnitillBench;
    if (!api) throw new Error('The bench page did not load');
    return api.firstSync(request);
  }, request);
}

export async function coldStartInPage(
  page: Page,
  replicaName: string,
  options: ColdStartOptions = {},
): Promise<ColdStartResult> {
  // A fresh document each time: nothing of the last run's JavaScript heap or caches survives.
  await page.reload();
  await page.waitForFunction(() => window.omnitillBench !== undefined, null, { timeout: 60_000 });
  return page.evaluate(
    ({ name, options }) => {
      const api = window.omnitillBench;
      if (!api) throw new Error('The bench page did not load');
      return api.coldStart(name, options);
    },
    { name: replicaName, options },
  );
}

export async function searchInPage(
  page: Page,
  queries: string[],
  limit: number,
): Promise<SearchResult> {
  return page.evaluate(
    ({ queries, limit }) => {
      const api = window.omnitillBench;
      if (!api) throw new Error('The bench page did not load');
      return api.search(queries, limit);
    },
    { queries, limit },
  );
}

export async function completeSalesInPage(
  page: Page,
  request: CompletionRequest,
): Promise<CompletionResult> {
  return page.evaluate((request) => {
    const api = window.omnitillBench;
    if (!api) throw new Error('The bench page did not load');
    return api.completeSales(request);
  }, request);
}

export async function closeBenchPage(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.omnitillBench?.close();
  });
}
