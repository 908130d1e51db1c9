/**
 * A credit note at the till without typing its number: an exchange carries its credit to the new
 * sale (the sell screen opens with the reserved sale id, and at payment the store-credit tender
 * goes in by itself for the credit or the sale's total, whichever is less, held on the real
 * sync-server); later, the return receipt's QR or Code 128 scanned at payment fills the note's
 * number in the store-credit tender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { unexpectedErrors } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { api, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { returnsScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';

describe('a credit note carried to the exchange sale, and scanned at payment', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  let note = '';

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  async function noteOnServer(): Promise<{ redeemed?: number; available?: number }> {
    const reply = await api<{ redeemed?: number; available?: number }>(
      server,
      `/api/v1/stored-value/${note}`,
      { auth: counter.device.auth },
    );
    return reply.body;
  }

  it('exchanges two coffees and opens the sell screen with the credit ready', async () => {
    const { page } = counter;
    await sellScreen.wedgeScan(page, DEMO.coffee.barcode);
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '₫50,000');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    const saleId = await paymentScreen.complete(page);

    await returnsScreen.open(page);
    await returnsScreen.find(page, saleId);
    await returnsScreen.choose(page, 'SKU000001', 2, 'sellable');
    await page.getByLabel(/Exchange/).check();
    await returnsScreen.plan(page);
    const done = await returnsScreen.confirm(page);
    note = /ret_\w+/.exec(done)?.[0] ?? '';
    expect(note).not.toBe('');

    await page.getByTestId('exchange-sell').click();
    await page.getByTestId('scan-input').waitFor();
    await expect(sellScreen.notice(page)).resolves.toBe(
      `Exchange: scan the new goods. At payment (F9) credit note ${note} (₫50,000) is taken off by itself.`,
    );
  });

  it('pays the new sale with the credit without typing the note, under the reserved sale id', async () => {
    const { page } = counter;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '₫25,000');
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '₫47,000');
    await paymentScreen.open(page);
    // The credit covers the whole sale: the tender takes the total, the rest stays on the note.
    await page.getByTestId('tender-note-left').waitFor();
    await expect(page.getByTestId('tenders').textContent()).resolves.toContain(note);
    await expect(page.getByTestId('tender-note-left').textContent()).resolves.toBe(
      ' (₫3,000 left)',
    );
    expect(await paymentScreen.remaining(page)).toBe('₫0');
    const exchangeSaleId = await paymentScreen.complete(page);

    // The new sale is the one the exchange reserved on its ReturnDoc.
    await expect
      .poll(
        async () =>
          (
            await api<{ exchangeSaleId?: string }>(server, `/db/returns-hcm-q1/${note}`, {
              auth: counter.device.auth,
            })
          ).body.exchangeSaleId,
        { timeout: 30_000 },
      )
      .toBe(exchangeSaleId);
    await expect
      .poll(noteOnServer, { timeout: 30_000 })
      .toMatchObject({ redeemed: 47_000, available: 3_000 });
  });

  it('fills the note from the return receipt’s QR scanned at payment', async () => {
    const { page } = counter;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '₫25,000');
    await paymentScreen.open(page);
    await page.getByTestId('tender-amount').focus();
    await sellScreen.wedgeScan(page, `OMNITILL:RETURN:${note}`);
    await expect.poll(() => page.getByTestId('tender-reference').inputValue()).toBe(note);
    await expect(
      page.getByTestId('tender-store-credit').getAttribute('aria-selected'),
    ).resolves.toBe('true');
    // Nothing typed in the field: the scan did not land in the amount that had the focus.
    await expect(page.getByTestId('tender-amount').inputValue()).resolves.toBe('');

    // More than is left is refused with what may be taken; the number stays for the retry.
    await page.getByTestId('tender-add').click();
    await page.getByTestId('payment-error').waitFor();
    expect(await paymentScreen.error(page)).toBe(
      `${note} has only ₫3,000 left. Take at most ₫3,000 from it and the rest by another tender.`,
    );
    await page.getByTestId('tender-amount').fill('3000');
    await page.getByTestId('tender-add').click();
    await page.getByTestId('tender-note-left').waitFor();
    expect(await paymentScreen.remaining(page)).toBe('₫22,000');
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    await expect
      .poll(noteOnServer, { timeout: 30_000 })
      .toMatchObject({ redeemed: 50_000, available: 0 });
  });

  it('opens payment with the note when its Code 128 is scanned on the sell screen', async () => {
    const { page } = counter;
    // With nothing rung up there is nothing to pay: the scan says what to do first.
    await sellScreen.wedgeScan(page, note.toLowerCase());
    await page.getByTestId('sell-notice').filter({ hasText: 'scan the goods first' }).waitFor();
    await expect(page.getByTestId('payment-panel').count()).resolves.toBe(0);

    await sellScreen.scanUntilTotal(page, DEMO.water.barcode, '₫6,000');
    await sellScreen.wedgeScan(page, note);
    await page.getByTestId('payment-panel').waitFor();
    await expect.poll(() => page.getByTestId('tender-reference').inputValue()).toBe(note);
    // The note is spent: adding it says so, and the sale is paid another way.
    await page.getByTestId('tender-add').click();
    await page.getByTestId('payment-error').waitFor();
    await expect(paymentScreen.error(page)).resolves.toContain(note);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
  });

  it('logs no errors in the page', () => {
    // The server's refusals (409, more than is left) are answers, not errors of the app.
    const errors = unexpectedErrors(counter.browser.consoleErrors).filter(
      (error) => !error.includes('status of 409'),
    );
    expect(errors).toEqual([]);
  });
});
