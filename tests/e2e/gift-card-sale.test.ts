/**
 * A gift card sold at the till and spent at the till (docs/CASHIER.md "Gift cards"): the cashier
 * sells a card of 200.000 ₫ paid in cash; the server issues its value from the verified sale once
 * it syncs; a second sale pays 150.000 ₫ with the card (held on the real sync-server), and the
 * payment panel shows the 50.000 ₫ left on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { DEMO } from './helpers/demo-products';
import { api, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';

const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('a gift card sold at the till, then spent', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  const card = `GC${Date.now()}`;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server, { locale: 'vi-VN' });
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('sells a card of 200.000 ₫ paid in cash; once synced the card holds 200.000 ₫', async () => {
    const { page } = counter;
    await page.getByTestId('action-gift-card').click();
    await page.getByTestId('gift-card-dialog').waitFor();
    // Too little to load first: the cashier is told the bounds, in Vietnamese.
    await page.getByTestId('gift-card-number').fill(card.toLowerCase());
    await page.getByTestId('gift-card-amount').fill('5.000');
    await page.getByTestId('gift-card-add').click();
    expect(spaced(await page.getByTestId('gift-card-error').textContent())).toBe(
      'Nhập số tiền nạp từ 10.000 ₫ đến 10.000.000 ₫.',
    );
    await page.getByTestId('gift-card-amount').fill('200.000');
    await page.getByTestId('gift-card-add').click();
    await page.getByTestId('gift-card-dialog').waitFor({ state: 'detached' });
    expect(spaced(await sellScreen.notice(page))).toBe(`Đã thêm thẻ quà tặng ${card}: 200.000 ₫.`);
    await expect.poll(async () => spaced(await sellScreen.total(page))).toContain('200.000 ₫');
    // The line shows the card masked, as receipts print it.
    await page.getByText(`Thẻ quà tặng *${card.slice(-4)}`).waitFor();

    await paymentScreen.open(page);
    // A gift card is paid with money: no points, store credit or gift card is offered for it.
    await page.getByTestId('tender-card').waitFor();
    for (const kind of ['gift-card', 'store-credit', 'loyalty-points']) {
      expect(await page.getByTestId(`tender-${kind}`).count(), kind).toBe(0);
    }
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    await expect
      .poll(
        async () =>
          (
            await api<{ kind?: string; available?: number }>(
              server,
              `/api/v1/stored-value/${card}`,
              { auth: counter.device.auth },
            )
          ).body,
        { timeout: 30_000 },
      )
      .toMatchObject({ kind: 'gift-card', available: 200_000 });
  });

  it('pays 150.000 ₫ of a second sale with the card and shows 50.000 ₫ left on it', async () => {
    const { page } = counter;
    for (let index = 0; index < 6; index++) await sellScreen.wedgeScan(page, DEMO.coffee.barcode);
    await expect.poll(async () => spaced(await sellScreen.total(page))).toContain('150.000 ₫');
    await paymentScreen.open(page);
    await page.getByTestId('tender-gift-card').click();
    await page.getByTestId('tender-amount').fill('150.000');
    await page.getByTestId('tender-reference').fill(card);
    await page.getByTestId('tender-add').click();
    await page.getByTestId('tender-note-left').waitFor();
    expect(spaced(await page.getByTestId('tender-note-left').textContent())).toBe(
      ' (còn lại 50.000 ₫)',
    );
    await paymentScreen.complete(page);
    await expect
      .poll(
        async () =>
          (
            await api<{ redeemed?: number; balance?: number }>(
              server,
              `/api/v1/stored-value/${card}`,
              { auth: counter.device.auth },
            )
          ).body,
        { timeout: 30_000 },
      )
      .toMatchObject({ redeemed: 150_000, balance: 50_000 });
  });
});
