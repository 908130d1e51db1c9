/**
 * The first start of a register with its own local sync-server and no demo (issue #15), as a
 * packaged app starts (`OMNITILL_DEMO=0` asks `npm start` for the same): the page shows the
 * setup screen instead of a dead till, refuses a weak PIN and PINs that differ, and once set up
 * opens the sign-in where the new manager's PIN signs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { loginScreen } from './helpers/login-screen';
import { saveScreenshot } from './helpers/screenshots';

describe('the first-run setup of a register without the demo', () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await launchApp({ env: { OMNITILL_DEMO: '0' } });
    browser = await openBrowser(app.url, { width: 1024, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the setup screen, not the sign-in, with 44 px targets', async () => {
    const { page } = browser;
    await page.getByRole('heading', { name: 'Thiết lập cửa hàng' }).waitFor();
    expect(await page.getByLabel(/Nhập mã PIN của bạn/).count()).toBe(0);
    for (const target of await page.locator('.setup-card input, .setup-card button').all()) {
      const box = await target.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await saveScreenshot(page, 'first-run-setup');
  });

  it('refuses a weak PIN and PINs that differ, saying what to fix', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/^Store id/).fill('dn-hai-chau');
    await page.getByLabel("Store's name").fill('Tạp hóa Hải Châu');
    await page.getByLabel('Register id').fill('quay-1');
    await page.getByLabel('Full name').fill('Võ Thị Mai');
    await page.getByLabel(/^PIN \(/).fill('1234');
    await page.getByLabel('PIN again').fill('1234');
    await page.getByRole('button', { name: 'Set up' }).click();
    await expect(page.getByTestId('setup-problem').textContent()).resolves.toMatch(
      /at least 6 digits/,
    );
    await page.getByLabel(/^PIN \(/).fill('482913');
    await page.getByLabel('PIN again').fill('482914');
    await page.getByRole('button', { name: 'Set up' }).click();
    await expect(page.getByTestId('setup-problem').textContent()).resolves.toMatch(
      /two PINs differ/,
    );
  });

  it('sets up the store and signs in with the new PIN', async () => {
    const { page } = browser;
    await page.getByLabel('PIN again').fill('482913');
    await page.getByRole('button', { name: 'Set up' }).click();
    await loginScreen.signIn(page, '482913');
    await expect(page.getByTestId('signed-in-staff').textContent()).resolves.toBe('Võ Thị Mai');
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
