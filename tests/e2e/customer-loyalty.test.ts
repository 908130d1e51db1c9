/**
 * A customer recognised at the counter by their loyalty card earns points on a cash sale; the
 * balance after the sale is shown to the cashier and, live, on the customer display.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { customerPanel } from './helpers/customer-panel';
import { DEMO } from './helpers/demo-products';
import { demoServer, enableLoyalty } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('a loyalty customer at the counter', () => {
  let app: RunningApp;
  let browser: TestBrowser;
  let display: Page;

  beforeAll(async () => {
    app = await launchApp();
    await enableLoyalty(demoServer(app));
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
    // The customer-facing window: the same app at its own route.
    display = await browser.context.newPage();
    await display.goto(`${app.url}/#/customer-display`);
    await display.getByTestId('customer-display').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('scanning the card attaches the customer, with tier and points', async () => {
    const { page } = browser;
    await sellScreen.wedgeScan(page, 'LC00000001');
    await page.getByTestId('customer-bar').filter({ hasText: 'Khách:' }).waitFor();
    await customerPanel.open(page);
    // The program arrives with the store settings (the register pulls them within seconds).
    await page.getByTestId('customer-points').filter({ hasText: 'Điểm hiện có: 0' }).waitFor();
    await expect(page.getByTestId('customer-tier').textContent()).resolves.toBe('Hạng: Bạc');
    await expect(page.getByTestId('customer-history-source').textContent()).resolves.toMatch(
      /máy chủ/,
    );
    await saveScreenshot(page, 'customer');
    await customerPanel.close(page);
  });

  it('earns points on the sale, shown after it and on the customer display', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '50.000 ₫');
    await display.getByTestId('display-total').filter({ hasText: '50.000 ₫' }).waitFor();
    await saveScreenshot(display, 'customer-display');

    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    await expect(page.getByTestId('last-sale-points').textContent()).resolves.toBe(
      'Điểm cộng: +5 · Điểm hiện có: 5',
    );
    await display.getByTestId('display-points').filter({ hasText: '+5' }).waitFor();
    await expect(display.getByTestId('display-points').textContent()).resolves.toContain(
      'Điểm hiện có: 5',
    );
    await saveScreenshot(display, 'customer-display-thanks');
  });

  it('the next time, the balance and the sale are there', async () => {
    const { page } = browser;
    await customerPanel.open(page);
    await customerPanel.search(page, '0900000001');
    await page.getByTestId('customer-points').filter({ hasText: 'Điểm hiện có: 5' }).waitFor();
    await page.getByTestId('customer-history').filter({ hasText: '50.000 ₫' }).waitFor();
    await customerPanel.close(page);
  });

  it('paying with more points than the customer has is refused, the sale intact', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.milk.barcode, '36.500 ₫');
    await paymentScreen.open(page);
    await paymentScreen.points(page, 12);
    await expect(paymentScreen.error(page)).resolves.toBe(
      'Khách chỉ có thể dùng tối đa 0 điểm cho đơn này (đang có 5 điểm).',
    );
    await expect(sellScreen.total(page)).resolves.toBe('36.500 ₫');
  });

  it('logs no errors in the page', () => {
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
