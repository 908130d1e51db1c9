/**
 * A sale parked at one register and resumed at another of the same store: register A parks two
 * lines, register B (another enrolled device, its own register id) sees the parked sale in its
 * list once it has synced, resumes it with the same lines and total and finishes it; the parked
 * sale is then gone from A's list too, and the server has it as resumed by B.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { unexpectedErrors } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { api, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { paymentScreen } from './helpers/payment-screen';
import { sellScreen } from './helpers/sell-screen';

const LABEL = 'chị Mai, áo xanh';

describe('a parked sale resumed at another register of the store', () => {
  let server: SyncServerProcess;
  let registerA: Counter;
  let registerB: Counter;
  let linesAtA: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    registerA = await startCounter(server, { locale: 'vi-VN', registerId: 'reg-01' });
    registerB = await startCounter(server, { locale: 'vi-VN', registerId: 'reg-02' });
  });

  afterAll(async () => {
    await registerB?.stop();
    await registerA?.stop();
    await server?.stop();
  });

  it('register A parks a sale with two lines', async () => {
    const { page } = registerA;
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.coffee.barcode, '50.000 ₫');
    await sellScreen.scanUntilTotal(page, DEMO.bread.barcode, '72.000 ₫');
    linesAtA = await sellScreen.cartLines(page).allTextContents();
    expect(linesAtA).toHaveLength(2);
    await sellScreen.park(page, LABEL);
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);
    await expect(sellScreen.notice(page)).resolves.toBe('Đã tạm giữ đơn hàng (2 dòng).');
  });

  it('register B sees it after sync and resumes it with the same lines and total', async () => {
    const { page } = registerB;
    await page.getByTestId('action-parked').click();
    const row = page.getByTestId('parked-sale').filter({ hasText: LABEL });
    await row.waitFor({ timeout: 30_000 });
    await expect(row.textContent()).resolves.toMatch(/72\.000.*reg-01|reg-01.*72\.000/);
    await page.keyboard.press('Escape');
    await page.getByTestId('parked-dialog').waitFor({ state: 'detached' });

    await sellScreen.resumeParked(page, LABEL);
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(2);
    await expect(sellScreen.total(page)).resolves.toBe('72.000 ₫');
    const lines = await sellScreen.cartLines(page).allTextContents();
    expect(lines).toEqual(linesAtA);
    expect(lines.join('\n')).toContain(DEMO.coffee.name);
    expect(lines.join('\n')).toContain(DEMO.bread.name);

    await paymentScreen.open(page);
    await paymentScreen.cashNote(page, 'exact');
    await paymentScreen.complete(page);
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);
  });

  it("is gone from register A's list, and the server has it resumed by register B", async () => {
    const { page } = registerA;
    await page.getByTestId('action-parked').click();
    await page.getByTestId('parked-dialog').waitFor();
    await expect.poll(() => page.getByTestId('parked-sale').count(), { timeout: 30_000 }).toBe(0);
    await page.keyboard.press('Escape');

    const parked = await api<{ rows: { doc: Record<string, unknown> }[] }>(
      server,
      '/db/parked-hcm-q1/_all_docs?include_docs=true',
    );
    const docs = parked.body.rows.map((row) => row.doc);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      label: LABEL,
      registerId: 'reg-01',
      status: 'resumed',
      closed: { registerId: 'reg-02' },
    });
  });

  it('logs no errors in either page', () => {
    expect(unexpectedErrors(registerA.browser.consoleErrors)).toEqual([]);
    expect(unexpectedErrors(registerB.browser.consoleErrors)).toEqual([]);
  });
});
