/**
 * The on-screen receipt and its reprint (issue #18): a sale's receipt opens from the last-sale
 * panel with the sale's number and total, prints a copy marked COPY, and fits 1024×768 with
 * 44 px buttons; a return's and a pickup's receipts open after they complete and later from the
 * lookup.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { MIN_TARGET_PX, outsideViewport } from './helpers/layout-checks';
import { placeWebOrder, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { pickupScreen, returnsScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { saveScreenshot } from './helpers/screenshots';
import { sellScreen } from './helpers/sell-screen';

const COFFEE = '8930000000019';

function paperText(page: Page): Promise<string> {
  return page.getByTestId('receipt-view-paper').innerText();
}

async function closeViewer(page: Page): Promise<void> {
  await page.getByTestId('receipt-view-close').click();
  await page.getByTestId('receipt-view').waitFor({ state: 'detached' });
}

const printerSize = (file: string): number => statSync(file).size;

describe('the on-screen receipt', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  let receiptNumber = '';

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it("shows a sale's receipt with its number and total, and prints a copy marked COPY", async () => {
    const { page } = counter;
    await page.setViewportSize({ width: 1024, height: 768 });
    await sellScreen.scanUntilTotal(page, COFFEE, '25');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    const number = page.getByTestId('last-sale-number');
    await number.waitFor();
    receiptNumber = ((await number.textContent()) ?? '').match(/[A-Z0-9]+-\d+-\d+/)?.[0] ?? '';
    expect(receiptNumber).not.toBe('');

    await page.getByTestId('last-sale').getByTestId('view-receipt').click();
    await page.getByTestId('receipt-view').waitFor();
    const text = await paperText(page);
    expect(text).toContain(receiptNumber);
    // The store prints in Vietnamese: one coffee, 25.000 ₫, paid exactly.
    expect(text).toMatch(/TỔNG CỘNG\s+25\.000/);
    expect(text).toMatch(/Tiền mặt\s+25\.000/);

    // Readable at 1024×768: the buttons are on screen and big enough, the lines fit.
    for (const id of ['receipt-view-print', 'receipt-view-close']) {
      const button = page.getByTestId(id);
      await expect(outsideViewport(page, button)).resolves.toBeNull();
      const box = await button.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(MIN_TARGET_PX);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(MIN_TARGET_PX);
    }
    const paper = page.getByTestId('receipt-view-paper');
    await expect(
      paper.evaluate((element) => element.scrollWidth <= element.clientWidth),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'receipt-view-1024');

    // The first print has reached the file printer; the copy comes after it.
    await expect
      .poll(() => printerSize(counter.printerFile), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => printerSize(counter.printerFile), { timeout: 5_000 })
      .toBeGreaterThan(0);
    const before = printerSize(counter.printerFile);
    await page.getByTestId('receipt-view-print').click();
    await page
      .getByTestId('receipt-view-status')
      .filter({ hasText: /sent|đã gửi/i })
      .waitFor();
    await expect
      .poll(() => printerSize(counter.printerFile), { timeout: 15_000 })
      .toBeGreaterThan(before);
    const copyBytes = readFileSync(counter.printerFile).subarray(before).toString('latin1');
    expect(copyBytes).toContain('COPY');
    expect(copyBytes).toContain(receiptNumber);
    await closeViewer(page);

    // The audit trail says who printed a copy of which receipt.
    await page.getByTestId('action-audit').click();
    const entry = page
      .getByTestId('audit-entry')
      .filter({ hasText: 'Receipt reprinted as a copy' })
      .filter({ hasText: receiptNumber });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain('Trần Văn Minh');
    await page.getByTestId('audit-dialog').getByRole('button').last().click();
    await page.getByTestId('audit-dialog').waitFor({ state: 'detached' });
  });

  it("shows a return's receipt when it is done, and again from the lookup", async () => {
    const { page } = counter;
    await returnsScreen.open(page);
    await returnsScreen.find(page, receiptNumber);
    await returnsScreen.choose(page, 'SKU000001', 1, 'sellable');
    await returnsScreen.plan(page);
    const done = await returnsScreen.confirm(page);
    const returnId = done.match(/ret_[0-9A-Z]+/)?.[0] ?? '';
    expect(returnId).not.toBe('');

    await page.getByTestId('return-view-receipt').click();
    await page.getByTestId('receipt-view').waitFor();
    // The counter runs in English: the return receipt is in the screen's language.
    await expect(paperText(page)).resolves.toMatch(/RETURN RECEIPT[\s\S]*25,000/);
    await closeViewer(page);

    await returnsScreen.find(page, receiptNumber);
    const found = page.locator(
      `[data-testid="found-receipt-return"][data-document-id="${returnId}"]`,
    );
    await found.getByTestId('view-receipt').click();
    await page.getByTestId('receipt-view').waitFor();
    await expect(paperText(page)).resolves.toContain('RETURN RECEIPT');
    await closeViewer(page);
    // The sale's own receipt is there too, found by its number.
    await page.getByTestId('found-receipt-sale').getByTestId('view-receipt').click();
    await expect(paperText(page)).resolves.toContain(receiptNumber);
    await closeViewer(page);
    await page.getByRole('button', { name: 'Another return' }).click();
    await page.getByTestId('return-lookup').waitFor();
  });

  it("shows a pickup's slip when it is handed over, and again from the lookup", async () => {
    const { page } = counter;
    const order = await placeWebOrder(server, {
      externalId: 'SHOP-RECEIPT-VIEW-1',
      customer: { name: 'Nguyễn Văn An', phone: '0912345678' },
      lines: [
        { lineId: 'l1', sku: 'SKU000001', name: 'Cà phê sữa đá', quantity: 1, unitPrice: 25000 },
      ],
    });
    await pickupScreen.open(page);
    await pickupScreen.queueRow(page, order.orderNumber).waitFor({ timeout: 30_000 });
    await pickupScreen.openFromQueue(page, order.orderNumber);
    await pickupScreen.markReady(page);
    await pickupScreen.handOver(
      page,
      { orderNumber: order.orderNumber, nameOrPhone: '0912345678' },
      { cash: '50000' },
    );
    await page.getByTestId('pickup-view-receipt').click();
    await page.getByTestId('receipt-view').waitFor();
    const slip = await paperText(page);
    expect(slip).toContain(order.orderNumber);
    expect(slip).toMatch(/Change: 25,000/);
    await closeViewer(page);

    await returnsScreen.open(page);
    await returnsScreen.find(page, order.orderNumber);
    await page.getByTestId('found-receipt-pickup').first().getByTestId('view-receipt').click();
    await page.getByTestId('receipt-view').waitFor();
    await expect(paperText(page)).resolves.toContain(order.orderNumber);
    await closeViewer(page);
  });
});
