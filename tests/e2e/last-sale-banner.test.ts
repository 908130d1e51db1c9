/**
 * The "sale complete" banner belongs to the sale just finished (issue #18): it goes when the
 * next sale starts (its first line), when the cashier goes to another screen, when the user is
 * switched and when the shift is closed, and never greets the next sale, the next cashier or
 * the next shift.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { managerScreen } from './helpers/manager-screen';
import { pickupScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor, switchUser } from './helpers/till';

const COFFEE = '8930000000019';
const WATER = '8930000000033';

/** A one-coffee sale paid in cash; the banner shows it. */
async function sellCoffee(page: Page): Promise<void> {
  await sellScreen.scanUntilTotal(page, COFFEE, '25');
  await paymentScreen.open(page);
  await paymentScreen.cashNote(page, 'exact');
  await paymentScreen.complete(page);
  await page.getByTestId('last-sale').waitFor();
}

function goHome(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.location.hash = '#/';
  });
}

describe('the last sale banner', () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await launchApp();
    browser = await openBrowser(app.url, { width: 1366, height: 768 });
    // The supervisor sells: the same person may then close the shift.
    await openTillFor(browser.page, '2222');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('goes when the next sale starts', async () => {
    const { page } = browser;
    await sellCoffee(page);
    await sellScreen.scanUntilTotal(page, WATER, '6');
    // Soft: the sale is finished either way, so the next cases start from an empty cart.
    await expect.soft(page.getByTestId('last-sale').count()).resolves.toBe(0);
    await sellScreen.scanUntilTotal(page, WATER, '12');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
  });

  it('goes when the cashier leaves the sell screen', async () => {
    const { page } = browser;
    await sellCoffee(page);
    await pickupScreen.open(page);
    await goHome(page);
    await page.getByTestId('scan-input').waitFor();
    await expect(page.getByTestId('last-sale').count()).resolves.toBe(0);
  });

  it('goes when the user is switched', async () => {
    const { page } = browser;
    await sellCoffee(page);
    await switchUser(page, '1111');
    await expect.soft(page.getByTestId('last-sale').count()).resolves.toBe(0);
    await switchUser(page, '2222');
  });

  it('goes when the shift is closed, and is not there when the next shift opens', async () => {
    const { page } = browser;
    await sellCoffee(page);
    await managerScreen.open(page, 'shift');
    await managerScreen.closeShift(page, { cash: '600000' });
    await goHome(page);
    await managerScreen.openRegister(page, '500000');
    await page.getByTestId('scan-input').waitFor();
    await expect(page.getByTestId('last-sale').count()).resolves.toBe(0);
  });
});
