/**
 * Pay and Complete never leave the screen (issue #18): with a 12-line cart, for a first sale and
 * for the next (whose first line takes the last sale's banner away), at 1024×768 (the smallest
 * screen docs/CASHIER.md promises) and 1366×768, the cart scrolls inside its pane while Pay, and
 * then Complete on the payment panel, stay in view. Screenshots of each state go to
 * docs/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { outsideViewport } from './helpers/layout-checks';
import { ringTwelveLines, TWELVE_BARCODES } from './helpers/long-cart';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];

describe('the sell screen with a long cart', () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await launchApp();
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('keeps the status bar on one line at 1024×768, nothing cut off', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('switch-user').waitFor();
    const measured = await page.locator('.status-bar').evaluate((bar) => {
      const wrapped: string[] = [];
      let tallest = 0;
      for (const child of Array.from(bar.children)) {
        tallest = Math.max(tallest, child.getBoundingClientRect().height);
        const range = document.createRange();
        range.selectNodeContents(child);
        const tops = Array.from(range.getClientRects())
          .filter((rect) => rect.width > 0)
          .map((rect) => rect.top);
        const lines = tops.filter(
          (top, index) => tops.findIndex((t) => Math.abs(t - top) < 4) === index,
        );
        if (lines.length > 1) wrapped.push((child.textContent ?? '').trim());
      }
      const style = getComputedStyle(bar);
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return {
        wrapped,
        extra: bar.getBoundingClientRect().height - padding - tallest,
        cutOff: bar.scrollWidth - bar.clientWidth,
      };
    });
    expect(measured.wrapped).toEqual([]);
    expect(measured.extra).toBeLessThanOrEqual(1);
    expect(measured.cutOff).toBeLessThanOrEqual(0);
  });

  for (const screen of SCREENS) {
    const size = `${screen.width}x${screen.height}`;
    it(`keeps Pay and Complete in view at ${size} with 12 lines, for one sale and the next`, async () => {
      const { page } = browser;
      await page.setViewportSize(screen);
      expect(TWELVE_BARCODES.filter(Boolean)).toHaveLength(12);

      await ringTwelveLines(page);
      await expect(sellScreen.cartLines(page).count()).resolves.toBe(12);
      expect(await outsideViewport(page, page.getByTestId('action-pay'))).toBeNull();
      // The newest line is the one in view: the cart follows the scanner.
      expect(await outsideViewport(page, sellScreen.cartLines(page).last())).toBeNull();
      await saveScreenshot(page, `sell-12-lines-${size}`);

      await paymentScreen.open(page);
      await paymentScreen.cashNote(page, 'exact');
      const complete = page.getByTestId('complete-sale');
      await complete.and(page.locator(':enabled')).waitFor();
      expect(await outsideViewport(page, complete)).toBeNull();
      await saveScreenshot(page, `payment-12-lines-${size}`);
      await paymentScreen.complete(page);

      // The next sale: the last sale's banner shows until its first line.
      await page.getByTestId('last-sale').waitFor();
      await ringTwelveLines(page);
      expect(await outsideViewport(page, page.getByTestId('action-pay'))).toBeNull();
      await paymentScreen.open(page);
      await paymentScreen.cashNote(page, 'exact');
      await complete.and(page.locator(':enabled')).waitFor();
      expect(await outsideViewport(page, complete)).toBeNull();
      await paymentScreen.complete(page);
    });
  }
});
