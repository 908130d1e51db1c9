/**
 * A sale parked while the customer fetches one more item, another customer served meanwhile,
 * then the parked sale resumed; and a switch of user that keeps the open sale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor, switchUser } from './helpers/till';
import { makeEan13 } from '../../src/barcodes';

/** A valid EAN-13 in the demo's range that no product carries. */
const UNKNOWN_EAN = makeEan13('893000099999');

describe('parking and resuming a sale', () => {
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

  it('parks a sale, serves the next customer, then resumes it with its lines', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    // Bad input on the way: a barcode nobody sells, a weighed item without its weight.
    await sellScreen.wedgeScan(page, UNKNOWN_EAN);
    await page.getByTestId('sell-notice').filter({ hasText: UNKNOWN_EAN }).waitFor();
    await expect(sellScreen.notice(page)).resolves.toBe(
      `Không tìm thấy mã ${UNKNOWN_EAN}. Kiểm tra lại hoặc tìm theo tên.`,
    );
    await page
      .getByTestId('quick-keys')
      .getByRole('button', { name: /Xoài cát Hòa Lộc/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).waitFor();
    await expect(
      page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).isDisabled(),
    ).resolves.toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await expect(sellScreen.total(page)).resolves.toBe('25.000 ₫');

    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '47.000 ₫');
    await sellScreen.park(page, 'áo xanh');
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);
    await expect(sellScreen.notice(page)).resolves.toBe('Đã tạm giữ đơn hàng (2 dòng).');

    // The next customer buys a bottle of water.
    await sellScreen.scanUntilTotal(page, DEMO.water.barcode, '6.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);

    await sellScreen.resumeParked(page, 'áo xanh');
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(2);
    await expect(sellScreen.total(page)).resolves.toBe('47.000 ₫');
    // + and - change the selected line's quantity (the last one: the bread).
    await page.getByTestId('scan-input').focus();
    await page.keyboard.press('+');
    await page.getByTestId('cart-total').filter({ hasText: '69.000 ₫' }).waitFor();
    await page.keyboard.press('-');
    await page.getByTestId('cart-total').filter({ hasText: '47.000 ₫' }).waitFor();
    await expect(page.getByTestId('scan-input').inputValue()).resolves.toBe('');
    // Once resumed, it is no longer in the parked list.
    await page.getByTestId('action-parked').click();
    await expect(page.getByTestId('parked-sale').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
  });

  it('switching user keeps the open sale for the next one to finish', async () => {
    const { page } = browser;
    await page.getByTestId('switch-user').click();
    await expect(page.getByTestId('open-sale-kept').textContent()).resolves.toContain('2 dòng');
    await switchUserBack(page);
    await expect(page.getByTestId('signed-in-staff').textContent()).resolves.toBe('Trần Văn Minh');
    await expect(sellScreen.total(page)).resolves.toBe('47.000 ₫');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 50_000);
    await paymentScreen.complete(page);
    await expect(page.getByTestId('last-sale-change').textContent()).resolves.toContain('3.000');
  });

  it('logs no errors in the page', () => {
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});

async function switchUserBack(page: TestBrowser['page']): Promise<void> {
  // Already on the sign-in screen: the supervisor signs in.
  await page.getByLabel(/Nhập mã PIN|Enter your PIN/).fill('2222');
  await page.keyboard.press('Enter');
  await page.getByTestId('scan-input').waitFor();
  void switchUser;
}
