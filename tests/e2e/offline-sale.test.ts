/**
 * Offline first: with the sync-server stopped the register keeps selling, shows it is offline
 * with documents waiting, and the sale reaches the server once it is back.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../helpers/sync-server-process';
import { startDemoSyncServer } from './helpers/demo-sync-server';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { waitFor } from '../helpers/wait-for';
import type { SaleDoc } from '../../src/documents';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('a sale made while the sync-server is down', () => {
  let server: SyncServerProcess;
  let restarted: SyncServerProcess | null = null;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startDemoSyncServer();
    const device = await server.enrollDevice('hcm-q1', 'offline test register');
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

  it('sells offline, then the sale reaches the server when it is back', async () => {
    const { page } = browser;
    const status = page.getByTestId('sync-status');
    await status.filter({ hasText: 'Trực tuyến' }).waitFor();

    await server.stop({ keepData: true });
    await status.filter({ hasText: 'Ngoại tuyến' }).waitFor({ timeout: 20_000 });

    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 50_000);
    const saleId = await paymentScreen.complete(page);
    await expect(page.getByTestId('last-sale-change').textContent()).resolves.toContain('25.000');
    await page.getByTestId('sync-pending').filter({ hasText: 'chờ đồng bộ' }).waitFor();

    restarted = await startSyncServerProcess({ dataDir: server.dataDir, port: server.port });
    const sale = await waitFor(
      async () => {
        const response = await fetch(`${restarted?.url}/db/sales-hcm-q1/${saleId}`, {
          headers: { Authorization: restarted?.adminAuth ?? '' },
        });
        return response.ok ? ((await response.json()) as SaleDoc) : null;
      },
      { timeoutMs: 40_000, intervalMs: 500, description: `sale ${saleId} on the server` },
    );
    expect(sale.priced.totals.total).toBe(25_000);
    expect(sale.payment.change).toBe(25_000);
    await status.filter({ hasText: 'Trực tuyến' }).waitFor({ timeout: 20_000 });
  });

  it('logs no errors in the page but the failed requests while offline', () => {
    const offline = /Failed to load resource|ERR_CONNECTION_REFUSED/;
    expect(unexpectedErrors(browser.consoleErrors).filter((error) => !offline.test(error))).toEqual(
      [],
    );
  });
});
