/**
 * Offline, the register waits longer and longer between its tries to reach the sync-server
 * (renderer/platform/retry-backoff.ts) instead of asking several times a second, and says so in
 * a banner across the screen with the sales waiting to sync (issue #18).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../helpers/sync-server-process';
import { startDemoSyncServer } from './helpers/demo-sync-server';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { openBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { outsideViewport } from './helpers/layout-checks';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { openTillFor } from './helpers/till';

/** Requests meant for the sync-server: replication (`/db`) and the domain API (`/api/v1`). */
const SERVER_REQUEST = /\/(db|api\/v1)\//;

describe('the register offline', () => {
  let server: SyncServerProcess;
  let restarted: SyncServerProcess | null = null;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startDemoSyncServer();
    const device = await server.enrollDevice('hcm-q1', 'backoff test register');
    app = await launchApp({
      env: {
        OMNITILL_SERVER_URL: server.url,
        OMNITILL_DEVICE_ID: device.deviceId,
        OMNITILL_DEVICE_SECRET: device.secret,
      },
    });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await restarted?.stop();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('asks the unreachable server far less often than 3 times a second', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('sync-status').filter({ hasText: 'Trực tuyến' }).waitFor();
    await expect(page.getByTestId('offline-banner').count()).resolves.toBe(0);
    await server.stop({ keepData: true });
    await page.getByTestId('sync-status').filter({ hasText: 'Ngoại tuyến' }).waitFor({
      timeout: 20_000,
    });
    let requests = 0;
    page.on('request', (request) => {
      if (SERVER_REQUEST.test(request.url())) requests += 1;
    });
    await page.waitForTimeout(30_000);
    console.info(`requests to the sync-server in 30 s offline: ${requests}`);
    // Today's loops asked about 3 times a second (≈90 in 30 s); the backoff's schedule allows
    // one try per loop at 2, 4, 8, 16, 32 s.
    expect(requests).toBeLessThan(25);
  });

  it('shows a banner with the 2 sales made offline waiting, Pay and Complete still in view', async () => {
    const { page } = browser;
    const banner = page.getByTestId('offline-banner');
    await expect(banner.textContent()).resolves.toContain('Máy đang ngoại tuyến');
    await expect(banner.textContent()).resolves.toContain('đơn được lưu trên máy này');
    for (const sale of [1, 2]) {
      await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
      expect(await outsideViewport(page, page.getByTestId('action-pay'))).toBeNull();
      await paymentScreen.open(page);
      await paymentScreen.cashNote(page, 50_000);
      const complete = page.getByTestId('complete-sale');
      await complete.and(page.locator(':enabled')).waitFor();
      expect(await outsideViewport(page, complete)).toBeNull();
      await paymentScreen.complete(page);
      await page
        .getByTestId('offline-waiting')
        .filter({ hasText: `${sale} đơn bán` })
        .waitFor();
    }
    expect(await outsideViewport(page, banner)).toBeNull();
  });

  it('takes the banner away once the server is back and the sales have synced', async () => {
    const { page } = browser;
    restarted = await startSyncServerProcess({ dataDir: server.dataDir, port: server.port });
    // The backoff's longest wait is 60 s: the register tries again within it.
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 90_000 });
    await page
      .getByTestId('sync-pending')
      .filter({ hasNotText: 'chờ đồng bộ' })
      .waitFor({ state: 'attached', timeout: 30_000 });
  });
});
