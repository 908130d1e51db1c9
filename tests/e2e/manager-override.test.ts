/**
 * Manager override: a cashier's price override waits for a manager's PIN (a cashier's PIN is
 * refused), the line says why its price changed and who approved it, and the approval is in the
 * audit trail. A void is approved by scanning a supervisor's staff badge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { overridePrompt, sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('manager override at the till', () => {
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

  it('a price override is approved with the manager PIN 9999 and explained on the line', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.editLine(page);
    await sellScreen.overridePrice(page, '20000', 'Hộp bị móp');

    // A cashier may not approve it.
    await overridePrompt.approveWithPin(page, '1111');
    await expect(
      page.getByTestId('override-prompt').getByRole('alert').textContent(),
    ).resolves.toBe('Nguyễn Thị Lan không có quyền duyệt việc này.');
    await overridePrompt.approveWithPin(page, '9999');
    await page.getByTestId('override-prompt').waitFor({ state: 'detached' });

    // Approved once it is in the audit trail: then the line takes the new price.
    await page.getByTestId('cart-total').filter({ hasText: '20.000 ₫' }).waitFor();
    await expect(page.getByTestId('line-override').textContent()).resolves.toBe(
      'Giá sửa 25.000 ₫ → 20.000 ₫: Hộp bị móp (duyệt: Lê Thu Hà)',
    );
  });

  it('the approval is in the audit trail: what, who asked, who approved, how', async () => {
    const { page } = browser;
    await page.getByTestId('action-audit').click();
    const entry = page.getByTestId('audit-entry').first();
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('Sửa giá');
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain('duyệt: Lê Thu Hà (mã PIN)');
    expect(text).toContain('Hộp bị móp');
    await page.keyboard.press('Escape');

    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
  });

  it('voiding a sale is approved by scanning a supervisor badge', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '22.000 ₫');
    await page.getByTestId('action-void').click();
    await page.getByTestId('void-reason').fill('Khách đổi ý');
    await page.getByTestId('void-confirm').click();
    await page.getByTestId('override-prompt').waitFor();
    await sellScreen.wedgeScan(page, 'STAFF-MINH');
    await page.getByTestId('override-prompt').waitFor({ state: 'detached' });
    await page.getByTestId('sell-notice').filter({ hasText: 'Đã hủy đơn hàng.' }).waitFor();
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);

    await page.getByTestId('action-audit').click();
    await page
      .getByTestId('audit-entry')
      .filter({ hasText: 'Hủy đơn' })
      .filter({ hasText: 'Trần Văn Minh (thẻ nhân viên)' })
      .waitFor();
    await page.keyboard.press('Escape');
  });

  it('logs no errors in the page', () => {
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
