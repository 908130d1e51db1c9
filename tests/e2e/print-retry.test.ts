/**
 * A slip printed outside the sale (here a pickup slip) whose printer does not answer: the pickup
 * is saved, the screen says the slip did not print and why, in the cashier's language, with
 * Retry, never "printing"; once the printer is back, Retry prints it (issue #18).
 */
import { statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { placeWebOrder, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter, PlacedOrder } from './helpers/omnichannel-counter';
import { pickupScreen } from './helpers/omnichannel-screens';

describe('a pickup slip whose printer is unplugged', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  let order: PlacedOrder;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server, { locale: 'vi-VN', printer: 'unplugged' });
    order = await placeWebOrder(server, {
      externalId: 'SHOP-PRINT-RETRY-1',
      customer: { name: 'Trần Thị Bình', phone: '0987654321' },
      lines: [
        { lineId: 'l1', sku: 'SKU000001', name: 'Cà phê sữa đá', quantity: 1, unitPrice: 25000 },
      ],
    });
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('says the slip did not print, with Retry, and Retry prints it once the printer is back', async () => {
    const { page } = counter;
    await pickupScreen.open(page);
    await pickupScreen.queueRow(page, order.orderNumber).waitFor({ timeout: 30_000 });
    await pickupScreen.openFromQueue(page, order.orderNumber);
    await pickupScreen.markReady(page);
    const done = await pickupScreen.handOver(
      page,
      { orderNumber: order.orderNumber, nameOrPhone: '0987 654 321' },
      { cash: '50000' },
    );
    expect(done).toContain(`Đã giao đơn ${order.orderNumber}`);
    expect(done).not.toMatch(/đang in|printing/i);

    const status = page.getByTestId('print-job-status');
    await status.and(page.locator('[data-state="failed"]')).waitFor({ timeout: 15_000 });
    const words = (await status.textContent()) ?? '';
    expect(words).toContain('Chưa in được');
    expect(words).not.toMatch(/đang in|đang chờ in|queued|printing/i);
    const retry = status.getByRole('button', { name: 'In lại' });

    writeFileSync(counter.printerFile, '');
    await retry.click();
    await status.and(page.locator('[data-state="printed"]')).waitFor({ timeout: 15_000 });
    await expect(status.textContent()).resolves.toContain('Đã in xong');
    expect(statSync(counter.printerFile).size).toBeGreaterThan(0);
  });
});
