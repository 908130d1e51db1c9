/**
 * Measures the real app in Chromium: cold start to ready-to-scan, the register's JavaScript heap
 * with the whole catalog loaded, and scan to line in the cart. Times are taken inside the page
 * (event time stamps, MutationObserver, requestAnimationFrame), never by the driver's clock, so
 * the DevTools round trips of playwright are not in the figures.
 */
import type { Page } from 'playwright-core';
import { loginScreen } from '../e2e/helpers/login-screen';
import { sellScreen } from '../e2e/helpers/sell-screen';

interface BenchWindow {
  __benchReadyAt?: number;
  __scanBench?: ScanState;
}

interface ScanState {
  samples: ScanSample[];
  burstStart: number | null;
  enterAt: number;
  linesAtEnter: number;
  pending: boolean;
}

export interface ScanSample {
  /** Enter (the end of the scanner's burst) to the new cart line in the DOM. */
  enterToDomMs: number;
  /** Enter to the next animation frame after it: the frame that shows the line. */
  enterToFrameMs: number;
  /** First key of the burst to that frame: includes what the app did on every scanned key. */
  burstToFrameMs: number;
  burstMs: number;
}

/** Marks the moment the app is ready: the sign-in or selling screen is in the DOM. */
function markReady(): void {
  const win = window as unknown as BenchWindow;
  const check = (): boolean => {
    if (document.querySelector('#pin, [data-testid="scan-input"]') === null) return false;
    win.__benchReadyAt ??= performance.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

export interface AppColdStart {
  /** Navigation start to the sign-in screen (replica open, catalog read and indexed). */
  readyMs: number;
  /** JSHeapUsedSize after a full garbage collection, once the register has settled. */
  heapUsedMb: number;
  heapTotalMb: number;
}

export async function appColdStart(page: Page, appUrl: string, settleMs: number): Promise<AppColdStart> {
  await page.goto(appUrl);
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__benchReadyAt !== undefined,
    null,
    { timeout: 120_000 },
  );
  const readyMs = await page.evaluate(() => (window as unknown as BenchWindow).__benchReadyAt ?? NaN);
  await page.waitForTimeout(settleMs);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? NaN) / 1024 ** 2;
    return { readyMs, heapUsedMb: metric('JSHeapUsedSize'), heapTotalMb: metric('JSHeapTotalSize') };
  } finally {
    await cdp.detach();
  }
}

export async function prepareAppMeasurements(page: Page): Promise<void> {
  await page.addInitScript(markReady);
}

function installScanObserver(): void {
  const win = window as unknown as BenchWindow;
  const state: ScanState = { samples: [], burstStart: null, enterAt: 0, linesAtEnter: 0, pending: false };
  win.__scanBench = state;
  const lines = () => document.querySelectorAll('[data-testid="cart-line"]').length;
  window.addEventListener(
    'keydown',
    (event) => {
      state.burstStart ??= event.timeStamp;
      if (event.key !== 'Enter') return;
      state.enterAt = event.timeStamp;
      state.linesAtEnter = lines();
      state.pending = true;
    },
    true,
  );
  new MutationObserver(() => {
    if (!state.pending || lines() === state.linesAtEnter) return;
    state.pending = false;
    const domAt = performance.now();
    const burstStart = state.burstStart ?? state.enterAt;
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      state.samples.push({
        enterToDomMs: domAt - state.enterAt,
        enterToFrameMs: frameAt - state.enterAt,
        burstToFrameMs: frameAt - burstStart,
        burstMs: state.enterAt - burstStart,
      });
      state.burstStart = null;
    });
  }).observe(document.body, { childList: true, subtree: true });
}

async function emptyCart(page: Page): Promise<void> {
  const emptied = await page.evaluate(async () => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const remove = document.querySelector<HTMLButtonElement>('[data-testid="cart-line"] button');
      if (!remove) return true;
      remove.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return false;
  });
  if (!emptied) throw new Error('Could not empty the cart between scan batches');
}

/**
 * Signs in and scans each code as a keyboard-wedge burst (sellScreen.wedgeScan: a few ms per key,
 * then Enter), a sale of `batch` lines at a time; every code must add a new line.
 */
export async function scanToLine(
  page: Page,
  codes: readonly string[],
  options: { pin: string; batch: number; warmUp: number },
): Promise<ScanSample[]> {
  await loginScreen.signIn(page, options.pin);
  await page.getByTestId('scan-input').waitFor();
  await page.evaluate(installScanObserver);
  const count = () =>
    page.evaluate(() => (window as unknown as BenchWindow).__scanBench?.samples.length ?? 0);
  for (let index = 0; index < codes.length; index++) {
    if (index % options.batch === 0) {
      await emptyCart(page);
      await page.getByTestId('scan-input').focus();
    }
    const before = await count();
    await sellScreen.wedgeScan(page, codes[index] ?? '');
    await page.waitForFunction(
      (expected) => ((window as unknown as BenchWindow).__scanBench?.samples.length ?? 0) >= expected,
      before + 1,
      { timeout: 30_000 },
    );
  }
  const samples = await page.evaluate(() => (window as unknown as BenchWindow).__scanBench?.samples ?? []);
  return samples.slice(options.warmUp);
}
