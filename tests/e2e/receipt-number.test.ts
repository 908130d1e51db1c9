/**
 * The receipt number a cashier and a customer see (issue #16): a fresh register's first two
 * sales are Q1-01-000001 and Q1-01-000002 in the last-sale panel and large on the printed
 * receipt (the long sale id only inside the barcode and QR code), the server holds them with
 * those numbers, the reprint list's search finds each by number, and the number typed at
 * Returns, in any case, finds the sale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEscPos,
  jobEvents,
  printedLines,
} from '../integration/printer/support/escpos-decoder';
import { containsCut } from '../integration/printer/support/fake-printer-peer';
import { waitFor } from '../helpers/wait-for';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { demoServer } from './helpers/demo-server';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { returnsScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { startPrinterCapture } from './helpers/printer-capture';
import type { PrinterCapture } from './helpers/printer-capture';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

describe('receipt numbers at the counter', () => {
  let printer: PrinterCapture;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    printer = await startPrinterCapture();
    app = await launchApp({ env: { OMNITILL_PRINTER: printer.url } });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await printer?.close();
  });

  it('numbers the sales 1 and 2, prints the number large, and finds a sale by it', async () => {
    const { page } = browser;
    const saleIds: string[] = [];
    const products = [
      { barcode: DEMO.coffee.barcode, total: '25.000 ₫' },
      { barcode: DEMO.water.barcode, total: '6.000 ₫' },
    ];
    for (const [index, product] of products.entries()) {
      printer.peer.clear();
      await sellScreen.scanUntilTotal(page, product.barcode, product.total);
      await paymentScreen.open(page);
      await paymentScreen.cashNote(page, 'exact');
      saleIds.push(await paymentScreen.complete(page));
      const number = `Q1-01-00000${index + 1}`;
      await expect(page.getByTestId('last-sale-number').textContent()).resolves.toBe(
        `Số HĐ ${number}`,
      );
      await printer.peer.waitFor((received) => containsCut(received), 20_000);
      const lines = printedLines(jobEvents(decodeEscPos(printer.peer.received)));
      expect(lines.map((text) => text.trim())).toContain(number);
      expect(lines.filter((text) => text.includes('sale_'))).toEqual([]);
    }

    // The server holds them with their numbers.
    const server = demoServer(app);
    const numbers = await waitFor(
      async () => {
        const found = await Promise.all(
          saleIds.map(async (id) => {
            const response = await fetch(`${server.url}/db/sales-hcm-q1/${id}`, {
              headers: { Authorization: server.auth },
            });
            return response.ok
              ? ((await response.json()) as { receiptNumber?: string }).receiptNumber
              : undefined;
          }),
        );
        return found.every(Boolean) ? found : null;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'both sales on the server' },
    );
    expect(numbers).toEqual(['Q1-01-000001', 'Q1-01-000002']);

    // The reprint list finds a receipt by its whole number typed lower-case, or its last digits.
    // It lists the store's other registers' sales too (the demo's past sales are Q1-05-…): this
    // register's numbers are the ones this test made.
    await page.getByTestId('action-receipts').click();
    const dialog = page.getByTestId('receipts-dialog');
    const listed = (expected: string[]) =>
      waitFor(
        async () => {
          const texts = await page.getByTestId('receipts-list').locator('li').allTextContents();
          const shown = texts
            .map((text) => /Q1-\d{2}-\d{6}/.exec(text)?.[0] ?? text)
            .filter((number) => number.startsWith('Q1-01-'));
          return JSON.stringify(shown) === JSON.stringify(expected) ? shown : null;
        },
        { description: `the reprint list showing ${expected.join(', ') || 'nothing'}` },
      );
    await listed(['Q1-01-000002', 'Q1-01-000001']);
    await page.getByTestId('receipts-search').fill('q1-01-000001');
    await listed(['Q1-01-000001']);
    await page.getByTestId('receipts-search').fill('0002');
    await listed(['Q1-01-000002']);
    await page.getByTestId('receipts-search').fill('Q1-01-000009');
    await listed([]);
    await page.getByTestId('receipts-no-match').waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    await returnsScreen.open(page);
    await returnsScreen.find(page, ' q1-01-000001 ');
    await expect(page.getByTestId('return-panel').locator('h2').textContent()).resolves.toContain(
      'Hóa đơn Q1-01-000001',
    );
    // The coffee of the first sale (SKU000001 in the demo catalog).
    await expect(returnsScreen.line(page, 'SKU000001').count()).resolves.toBe(1);
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
