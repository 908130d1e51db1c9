/**
 * The README contract, end to end: `npm start` on a machine without the Electron binary serves
 * the app; a cashier signs in with a demo PIN, scans a demo product with a keyboard-wedge burst
 * and sees it in the cart with its VND price.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../src/demo';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { openTillFor } from './helpers/till';
import { sellScreen } from './helpers/sell-screen';

describe('npm start in the browser shell', () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await launchApp({ ownBuild: true });
    browser = await openBrowser(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says in one line why Electron did not start and where the app is served', () => {
    expect(app.output()).toMatch(
      /Electron cannot start here \(.+\); serving the app in the browser instead\./,
    );
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]+$/);
  });

  it('signs in with a demo PIN and rings up a wedge-scanned product in VND', async () => {
    const { page } = browser;
    // The supervisor opens the register (shift float), then the cashier signs in to sell.
    await openTillFor(page, '1111');
    await expect(page.getByTestId('signed-in-staff').textContent()).resolves.toBe('Nguyễn Thị Lan');

    const [coffee] = generateDemoProducts(1, 20261123, '2026-01-01T00:00:00.000Z');
    const barcode = coffee?.barcodes[0] ?? '';
    await sellScreen.wedgeScan(page, barcode);
    await sellScreen.cartLines(page).first().waitFor();
    await expect(sellScreen.cartLines(page).first().textContent()).resolves.toContain(
      coffee?.name.vi,
    );
    await expect(page.getByTestId('line-total').first().textContent()).resolves.toBe('25.000 ₫');
    await expect(sellScreen.total(page)).resolves.toBe('25.000 ₫');

    // The same product scanned again adds to its line.
    await sellScreen.wedgeScan(page, barcode);
    await expect.poll(() => sellScreen.total(page)).toBe('50.000 ₫');
    expect(await sellScreen.cartLines(page).count()).toBe(1);
  });

  it('tells the cashier when a scan has a bad check digit, and keeps the sale', async () => {
    const { page } = browser;
    await sellScreen.wedgeScan(page, '8930000000018');
    await expect(page.getByTestId('sell-notice').textContent()).resolves.toMatch(
      /check digit|số kiểm tra|8930000000018/,
    );
    await expect(sellScreen.total(page)).resolves.toBe('50.000 ₫');
  });

  it('loads nothing from outside and logs no errors', () => {
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
