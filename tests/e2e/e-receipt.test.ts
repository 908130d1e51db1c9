/**
 * Sending an e-receipt at the counter, against the real sync-server the launcher runs and the
 * local notification provider (a process of its own): the cashier rings up a sale, sends its
 * receipt by SMS from the last-sale panel and sees it delivered; the test takes the link from
 * what the provider received and opens it in Chromium, where the receipt page shows the sale.
 * Offline, the request waits on the register and goes once the server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNotifyProvider } from '../helpers/local-notify-provider-process';
import type { LocalNotifyProvider } from '../helpers/local-notify-provider-process';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('e-receipts at the counter', () => {
  let provider: LocalNotifyProvider;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    provider = await startLocalNotifyProvider();
    app = await launchApp({
      env: { OMNITILL_SMS_URL: `${provider.url}/sms`, OMNITILL_ERECEIPT_RETRY_MS: '500' },
    });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
  });

  it('sends the receipt by SMS; the link opens the receipt page with the total and the line', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '47.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    const saleId = await paymentScreen.complete(page);

    await page.getByTestId('e-receipt-open').click();
    await page.getByTestId('e-receipt-sms').click();
    await page.getByTestId('e-receipt-to').fill('0901 234 567');
    await page.getByTestId('e-receipt-send').click();
    // The sale reaches the server within seconds; until then the request waits on the register.
    await page
      .locator('[data-testid="e-receipt-status"][data-phase="sent"]')
      .waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('e-receipt-status').textContent()).resolves.toContain(
      '+84901234567',
    );
    await saveScreenshot(page, 'last-sale-e-receipt');

    const received = await provider.received();
    expect(received).toHaveLength(1);
    const body = received[0]?.body ?? {};
    expect(body).toMatchObject({ channel: 'sms', to: '+84901234567', saleId });
    const link = String(body.link);
    expect(String(body.text)).toContain(link);
    expect(link).not.toContain(saleId);

    const receiptPage = await browser.context.newPage();
    await receiptPage.setViewportSize({ width: 390, height: 844 });
    const response = await receiptPage.goto(link);
    expect(response?.status()).toBe(200);
    const text = (await receiptPage.locator('pre').textContent()) ?? '';
    expect(text).toMatch(/TỔNG CỘNG\s+47\.000/);
    expect(text).toContain(DEMO.coffee.name.slice(0, 12));
    await saveScreenshot(receiptPage, 'e-receipt-page');
    await receiptPage.close();
  });

  it('offline, the request waits on the register and is sent once the server answers again', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.water.barcode, '6.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    const saleId = await paymentScreen.complete(page);
    await page.route('**/api/v1/receipts/**', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('e-receipt-open').click();
    await page.getByTestId('e-receipt-email').click();
    await page.getByTestId('e-receipt-to').fill('khach@vi-du.vn');
    await page.getByTestId('e-receipt-send').click();
    await page.locator('[data-testid="e-receipt-status"][data-phase="waiting"]').waitFor();
    await expect(page.getByTestId('e-receipt-status').textContent()).resolves.toMatch(
      /giữ trên máy này/,
    );
    // Nothing configured for e-mail on this server: once online the refusal is final and says so.
    await page.unroute('**/api/v1/receipts/**');
    await page
      .locator('[data-testid="e-receipt-status"][data-phase="refused"]')
      .waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('e-receipt-status').textContent()).resolves.toMatch(
      /chưa được cài đặt/,
    );
    await page.getByTestId('e-receipt-sms').click();
    await page.getByTestId('e-receipt-to').fill('0907 654 321');
    await page.route('**/api/v1/receipts/**', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('e-receipt-send').click();
    await page.locator('[data-testid="e-receipt-status"][data-phase="waiting"]').waitFor();
    await page.unroute('**/api/v1/receipts/**');
    await page
      .locator('[data-testid="e-receipt-status"][data-phase="sent"]')
      .waitFor({ timeout: 30_000 });
    const mine = (await provider.received()).filter((got) => got.body.saleId === saleId);
    expect(mine.map((got) => got.body.to)).toEqual(['+84907654321']);
  });
});
