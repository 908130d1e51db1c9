/**
 * Measures the real app in Chromium: cold start to ready-to-scan, the register's JavaScript heap
 * with the whole catalog loaded, and scan to line in the cart. Times are taken inside the page
 * (event time stamps, MutationObserver, requestAnimationFrame), never by the driver's clock, so
 * the DevTools round trips of playwright are not in the figures.
 */
import type { Page } from 'playwright-core';
import { sellScreen } from '../e2e/helpers/sell-screen';
import { openTillFor } from '../e2e/helpers/till';

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

/**
 * Runs in every document of the page before the app's own scripts (addInitScript). It marks the
 * moment the app is ready (the sign-in or selling screen is in the DOM), and times scans: its
 * keydown listener must come before the app's wedge listener, which stops a scan's keys from
 * reaching any later listener.
 *
 * Functions that run in the page are serialised by playwright: they must not declare named
 * inner functions (tsx's esbuild wraps those in a `__name` helper the page does not have).
 */
function installProbes(): void {
  const win = window as unknown as BenchWindow;
  const scan: ScanState = {
    samples: [],
    burstStart: null,
    enterAt: 0,
    linesAtEnter: 0,
    pending: false,
  };
  win.__scanBench = scan;
  window.addEventListener(
    'keydown',
    (event) => {
      // When the page sees the key, not the event's own time stamp: the test scanner stamps
      // its keys as a real scanner would (2 ms apart), which can be ahead of the page's clock.
      const now = performance.now();
      scan.burstStart ??= now;
      if (event.key !== 'Enter') return;
      scan.enterAt = now;
      scan.linesAtEnter = document.querySelectorAll('[data-testid="cart-line"]').length;
      scan.pending = true;
    },
    true,
  );
  new MutationObserver(() => {
    if (win.__benchReadyAt === undefined) {
      if (document.querySelector('#pin, [data-testid="scan-input"]') !== null) {
        win.__benchReadyAt = performance.now();
      }
    }
    if (!scan.pending) return;
    if (document.querySelectorAll('[data-testid="cart-line"]').length === scan.linesAtEnter) return;
    scan.pending = false;
    const domAt = performance.now();
    const burstStart = scan.burstStart ?? scan.enterAt;
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      scan.samples.push({
        enterToDomMs: domAt - scan.enterAt,
        enterToFrameMs: frameAt - scan.enterAt,
        burstToFrameMs: frameAt - burstStart,
        burstMs: scan.enterAt - burstStart,
      });
      scan.burstStart = null;
    });
  }).observe(document, { childList: true, subtree: true });
}

export interface AppColdStart {
  /** Navigation start to the sign-in screen (replica open, catalog read and indexed). */
  readyMs: number;
  /** JSHeapUsedSize after a full garbage collection, once the register has settled. */
  heapUsedMb: number;
  heapTotalMb: number;
}

export async function appColdStart(
  page: Page,
  appUrl: string,
  settleMs: number,
): Promise<AppColdStart> {
  await page.goto(appUrl);
  try {
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__benchReadyAt !== undefined,
      null,
      { timeout: 120_000 },
    );
  } catch (error) {
    // Say what the app shows instead of ready (a start-up error, a changed sign-in screen).
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 500));
    throw new Error(`The app did not become ready; it shows: ${shown}`, { cause: error });
  }
  const readyMs = await page.evaluate(
    () => (window as unknown as BenchWindow).__benchReadyAt ?? NaN,
  );
  await page.waitForTimeout(settleMs);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) =>
      (metrics.find((entry) => entry.name === name)?.value ?? NaN) / 1024 ** 2;
    return {
      readyMs,
      heapUsedMb: metric('JSHeapUsedSize'),
      heapTotalMb: metric('JSHeapTotalSize'),
    };
  } finally {
    await cdp.detach();
  }
}

export async function prepareAppMeasurements(page: Page): Promise<void> {
  await page.addInitScript(installProbes);
}

async function emptyCart(page: Page): Promise<void> {
  const emptied = await page.evaluate(async () => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      // The remove button is the row's last one (the quantity buttons come before it).
      const row = document.querySelector('[data-testid="cart-line"]');
      if (!row) return true;
      const remove = [...row.querySelectorAll<HTMLButtonElement>('button')].pop();
      if (!remove) return false;
      remove.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return false;
  });
  if (!emptied) throw new Error('Could not empty the cart between scan batches');
}

/**
 * Opens the till and scans each code as a keyboard-wedge burst (sellScreen.wedgeScan: the
 * scanner's key events dispatched in the page in one go, then Enter), a sale of `batch` lines at
 * a time; every code must add a new line.
 */
export async function scanToLine(
  page: Page,
  codes: readonly string[],
  options: { pin: string; batch: number; warmUp: number },
): Promise<ScanSample[]> {
  // A supervisor opens the shift at the register gate, then the cashier signs in and sells.
  await openTillFor(page, options.pin);
  await page.getByTestId('scan-input').waitFor();
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
      (expected) =>
        ((window as unknown as BenchWindow).__scanBench?.samples.length ?? 0) >= expected,
      before + 1,
      { timeout: 30_000 },
    );
  }
  const samples = await page.evaluate(
    () => (window as unknown as BenchWindow).__scanBench?.samples ?? [],
  );
  return samples.slice(options.warmUp);
}
