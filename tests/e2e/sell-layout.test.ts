/**
 * Pay and Complete never leave the screen (issue #18): with a 12-line cart, under the last
 * sale's banner, at 1024×768 (the smallest screen docs/CASHIER.md promises) and 1366×768, the
 * cart scrolls inside its pane while Pay, and then Complete on the payment panel, stay in view.
 * Screenshots of each state go to docs/screenshots/.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../src/demo';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

/** Twelve products sold by the piece, from the demo catalog the embedded server seeds. */
const TWELVE = generateDemoProducts(40, 20261123, '2026-01-01T00:00:00.000Z')
  .filter((product) => !product.plu)
  .slice(0, 12)
  .map((product) => product.barcodes[0] ?? '');

const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];

/** Where an element is off the viewport, or null when it is wholly inside it. */
async function outsideViewport(page: Page, locator: Locator): Promise<string | null> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return 'not shown';
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5;
  return inside
    ? null
    : `at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${viewport.width}×${viewport.height}`;
}

async function ringTwelveLines(page: Page): Promise<void> {
  for (const [index, barcode] of TWELVE.entries()) {
    await sellScreen.wedgeScan(page, barcode);
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="cart-line"]').length >= count,
      index + 1,
    );
  }
}

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

  for (const screen of SCREENS) {
    const size = `${screen.width}x${screen.height}`;
    it(`keeps Pay and Complete in view at ${size} with 12 lines, under the last sale's banner`, async () => {
      const { page } = browser;
      await page.setViewportSize(screen);
      expect(TWELVE.filter(Boolean)).toHaveLength(12);

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

      // The next sale, with the last sale's banner above it.
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
