/**
 * A manager sets up the receipt printer from Settings: a bad address is refused with the
 * driver's words, a good one is saved and used at once, and the test print reaches a printer on
 * the network (a TCP server here) with the Vietnamese sample line and a cut. The store-wide
 * receipt footer is changed on the server with the manager's PIN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettingsDoc } from '../../src/documents';
import { VIETNAMESE_SAMPLE } from '../../src/receipt/builders';
import {
  decodeEscPos,
  jobEvents,
  printedLines,
} from '../integration/printer/support/escpos-decoder';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { demoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { loginScreen } from './helpers/login-screen';
import { managerScreen } from './helpers/manager-screen';
import { startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { saveScreenshot } from './helpers/screenshots';

describe('device settings on the manager screen', () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let printer: PrinterCapture;

  beforeAll(async () => {
    printer = await startPrinterCapture();
    app = await launchApp();
    browser = await openBrowser(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('refuses a printer address it cannot use', async () => {
    const { page } = browser;
    await loginScreen.signIn(page, '9999');
    await managerScreen.open(page, 'settings');
    const form = page.getByTestId('device-setup');
    await form.getByRole('checkbox').uncheck();
    await form.getByLabel(/Địa chỉ máy in|Printer address/).fill('lpt1:');
    await form.getByRole('button', { name: /Lưu thiết bị|Save devices/ }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/lpt1/);
  });

  it('saves a network printer and the test print arrives in Vietnamese', async () => {
    const { page } = browser;
    const form = page.getByTestId('device-setup');
    await form.getByLabel(/Địa chỉ máy in|Printer address/).fill(printer.url);
    await form.getByRole('button', { name: /Lưu thiết bị|Save devices/ }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Đã lưu|Saved/);
    // Settings and the status bar read one status: both say the printer is ready, in Vietnamese.
    // (Below 1366 px a ready device leaves the status bar: it is there, not shown.)
    await page
      .getByTestId('device-printer')
      .filter({ hasText: 'Máy in: sẵn sàng' })
      .waitFor({ state: 'attached' });
    await page.getByTestId('settings-devices').filter({ hasText: 'Máy in: sẵn sàng' }).waitFor();
    await expect(page.getByTestId('settings-devices').textContent()).resolves.not.toMatch(
      /not-configured|chưa cài đặt/,
    );
    await saveScreenshot(page, 'manager-device-settings');

    await form.getByRole('button', { name: /In thử|Test print/ }).click();
    await printer.peer.waitFor(
      (received) => received.includes(0x56) && received.length > 200,
      20_000,
    );
    const lines = printedLines(jobEvents(decodeEscPos(printer.peer.received)));
    expect(lines.some((line) => line.includes(VIETNAMESE_SAMPLE))).toBe(true);
  });

  it("changes the store's receipt footer on the server with the manager's PIN", async () => {
    const { page } = browser;
    const form = page.getByTestId('store-settings-form');
    await form.getByLabel(/Cuối hóa đơn|Footer/).fill('Hẹn gặp lại quý khách tuần sau!');
    await form.getByLabel(/Mã PIN quản lý|Manager's PIN/).fill('9999');
    await form
      .getByRole('button', { name: /Lưu cho cả cửa hàng|Save for the whole store/ })
      .click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/Đã lưu trên máy chủ|Saved on the server/);
    const server = demoServer(app);
    const response = await fetch(`${server.url}/db/settings/store_hcm-q1`, {
      headers: { Authorization: server.auth },
    });
    const settings = (await response.json()) as StoreSettingsDoc;
    expect(settings.receipt.footer).toEqual(['Hẹn gặp lại quý khách tuần sau!']);
  });
});
