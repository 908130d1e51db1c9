/**
 * Store credit end to end: goods returned as an exchange become a credit note (numbered by the
 * return, as the receipt prints it); a later sale takes part of its price from the note (the
 * register holds the amount on the real sync-server and shows what is left), and a second sale
 * asking the note for more than is left is refused with what may be taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { DEMO } from './helpers/demo-products';
import { api, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { returnsScreen } from './helpers/omnichannel-screens';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';

describe('a credit note from a return, spent at the till', () => {
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

  async function backToSell(): Promise<void> {
    await counter.page.evaluate(() => {
      window.location.hash = '#/';
    });
    await counter.page.getByTestId('scan-input').waitFor();
  }

  async function ringUpCoffees(count: number, total: string): Promise<void> {
    for (let index = 1; index < count; index++)
      await sellScreen.wedgeScan(counter.page, DEMO.coffee.barcode);
    await sellScreen.scanUntilTotal(counter.page, DEMO.coffee.barcode, total);
  }

  it('returns three coffees to store credit as an exchange', async () => {
    const { page } = counter;
    await ringUpCoffees(3, '₫75,000');
    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    const saleId = await paymentScreen.complete(page);

    await returnsScreen.open(page);
    await returnsScreen.find(page, saleId);
    await returnsScreen.choose(page, 'SKU000001', 3, 'sellable');
    await page.getByLabel(/Exchange/).check();
    await returnsScreen.plan(page);
    const done = await returnsScreen.confirm(page);
    note = /ret_\w+/.exec(done)?.[0] ?? '';
    expect(note).not.toBe('');
    // The note reaches the server by replication; any store's register can then spend it.
    await expect
      .poll(
        async () =>
          (
            await api<{ available?: number }>(server, `/api/v1/stored-value/${note}`, {
              auth: counter.device.auth,
            })
          ).body.available,
        { timeout: 30_000 },
      )
      .toBe(75_000);
  });

  it('pays part of a later sale with the note and shows what is left on it', async () => {
    const { page } = counter;
    await backToSell();
    await ringUpCoffees(2, '₫50,000');
    await paymentScreen.open(page);
    await paymentScreen.storeCredit(page, '30000', note.toLowerCase());
    await expect(page.getByTestId('tender-note-left').textContent()).resolves.toBe(
      ' (₫45,000 left)',
    );
    expect(await paymentScreen.remaining(page)).toBe('₫20,000');
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    await expect
      .poll(
        async () =>
          (
            await api<{ redeemed?: number; available?: number }>(
              server,
              `/api/v1/stored-value/${note}`,
              {
                auth: counter.device.auth,
              },
            )
          ).body,
        { timeout: 30_000 },
      )
      .toMatchObject({ redeemed: 30_000, available: 45_000 });
  });

  it('refuses to take more from the note than is left, saying how much may be taken', async () => {
    const { page } = counter;
    await ringUpCoffees(2, '₫50,000');
    await paymentScreen.open(page);
    await paymentScreen.storeCredit(page, '', note);
    await page.getByTestId('payment-error').waitFor();
    expect(await paymentScreen.error(page)).toBe(
      `${note} has only ₫45,000 left. Take at most ₫45,000 from it and the rest by another tender.`,
    );
    await expect(page.getByTestId('tenders').count()).resolves.toBe(0);
    expect(await paymentScreen.remaining(page)).toBe('₫50,000');
  });
});
