/**
 * Taking payment end to end, with a receipt printer on TCP whose bytes are read back: a scanned
 * cash sale with change prints a Vietnamese receipt and kicks the drawer; a split tender takes a
 * card with its approval code and cash, and a card over the amount due is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEscPos,
  jobEvents,
  printedLines,
} from '../integration/printer/support/escpos-decoder';
import { containsCut } from '../integration/printer/support/fake-printer-peer';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { paymentScreen } from './helpers/payment-screen';
import { containsDrawerKick, startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('taking payment and printing the receipt', () => {
  let printer: PrinterCapture;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    printer = await startPrinterCapture();
    app = await launchApp({ env: { OMNITILL_PRINTER: printer.url } });
    browser = await openBrowser(app.url);
    await saveScreenshot(browser.page, 'login');
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('a scanned cash sale with change: Vietnamese receipt, total, change and drawer kick', async () => {
    const { page } = browser;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '47.000 ₫');
    // The scans never landed in the search field.
    await expect(page.getByTestId('scan-input').inputValue()).resolves.toBe('');
    await saveScreenshot(page, 'sell-with-lines');
    // The smallest screen a register has: everything still on screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('action-pay').waitFor();
    await saveScreenshot(page, 'sell-1024x768');
    await page.setViewportSize({ width: 1280, height: 800 });

    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 100_000);
    await expect(paymentScreen.change(page)).resolves.toBe('53.000 ₫');
    await saveScreenshot(page, 'payment');
    const saleId = await paymentScreen.complete(page);
    expect(saleId).toMatch(/^sale_/);
    await expect(page.getByTestId('last-sale-change').textContent()).resolves.toContain('53.000');
    // The cart is empty again: the sale is done.
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);

    await printer.peer.waitFor(
      (received) => containsCut(received) && containsDrawerKick(received),
      20_000,
    );
    const events = jobEvents(decodeEscPos(printer.peer.received));
    const lines = printedLines(events);
    const text = lines.join('\n');
    expect(text).toContain('HÓA ĐƠN BÁN HÀNG');
    expect(text).toContain('Cà phê sữa đá Sài Gòn Xanh 250ml');
    expect(text).toMatch(/TỔNG CỘNG +47\.000/);
    expect(text).toMatch(/Tiền mặt +100\.000/);
    expect(text).toMatch(/Tiền thừa +53\.000/);
    expect(text).toContain('Cảm ơn quý khách! Hẹn gặp lại.');
    expect(events).toContainEqual({ kind: 'barcode', type: 73, data: saleId });
    expect(events).toContainEqual({ kind: 'qr', data: `OMNITILL:SALE:${saleId}` });
    const drawer = events.find((event) => event.kind === 'drawer');
    expect(drawer?.kind === 'drawer' && drawer.bytes.slice(0, 2)).toEqual([0x1b, 0x70]);
    await page
      .getByTestId('print-status')
      .filter({ hasText: /Đã in|hàng chờ/ })
      .waitFor();
  });

  it('split tender: a card over the amount due is refused, then card with approval code + cash', async () => {
    const { page } = browser;
    printer.peer.clear();
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.milk.barcode, '61.500 ₫');
    await paymentScreen.open(page);

    await paymentScreen.card(page, '70000', 'APP777');
    await expect(paymentScreen.error(page)).resolves.toBe(
      'Số tiền thẻ (70.000 ₫) lớn hơn số còn phải trả (61.500 ₫). Chỉ tiền mặt mới có tiền thừa.',
    );
    await expect(page.getByTestId('tenders').count()).resolves.toBe(0);

    await paymentScreen.card(page, '50000', 'APP777');
    await expect(paymentScreen.remaining(page)).resolves.toBe('11.500 ₫');
    await paymentScreen.cashNote(page, 'exact');
    await expect(paymentScreen.change(page)).resolves.toBe('0 ₫');
    await paymentScreen.complete(page);

    await printer.peer.waitFor((received) => containsCut(received), 20_000);
    const text = printedLines(jobEvents(decodeEscPos(printer.peer.received))).join('\n');
    expect(text).toMatch(/TỔNG CỘNG +61\.500/);
    expect(text).toMatch(/Thẻ \(mã duyệt APP777\) +50\.000/);
    expect(text).toMatch(/Tiền mặt +11\.500/);
    expect(text).not.toContain('Tiền thừa');
  });

  it('logs no errors in the page', () => {
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
