/**
 * A parked sale resumed by another register a moment before this one presses "Resume": the
 * server's claim decides, so this register does not restore the cart and says who took the sale,
 * at which register and when. To make "a moment before" certain, the register's pull of the
 * parked sales is held back while the other register claims, so its list still shows the sale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';
import { unexpectedErrors } from './helpers/browser';
import { DEMO } from './helpers/demo-products';
import { api, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { sellScreen } from './helpers/sell-screen';

const LABEL = 'anh Tú, giày';

describe('a parked sale already resumed at another register', () => {
  let server: SyncServerProcess;
  let registerA: Counter;
  let registerB: Counter;
  let registerC: EnrolledDevice;
  let parkedId = '';
  let pullHeld = false;
  const heldPulls: (() => void)[] = [];

  function releasePulls(): void {
    pullHeld = false;
    for (const release of heldPulls.splice(0)) release();
  }

  beforeAll(async () => {
    server = await startServer();
    registerA = await startCounter(server, { locale: 'vi-VN', registerId: 'reg-01' });
    registerB = await startCounter(server, { locale: 'vi-VN', registerId: 'reg-02' });
    registerC = await server.enrollDevice('hcm-q1', 'register 3');
    // Register B's reads of the parked sales: answered as the server gives them, but an answer
    // that arrives while held waits until released.
    await registerB.page.route(/\/db\/parked-hcm-q1\/_changes/, async (route) => {
      const response = await route.fetch();
      if (pullHeld) await new Promise<void>((resolve) => heldPulls.push(resolve));
      await route.fulfill({ response });
    });
  });

  afterAll(async () => {
    releasePulls();
    await registerB?.stop();
    await registerA?.stop();
    await server?.stop();
  });

  it('register A parks a sale and register B lists it', async () => {
    await sellScreen.scanUntilTotal(registerA.page, DEMO.coffee.barcode, '25.000 ₫');
    await sellScreen.park(registerA.page, LABEL);
    const { page } = registerB;
    await page.getByTestId('action-parked').click();
    await page.getByTestId('parked-sale').filter({ hasText: LABEL }).waitFor({ timeout: 30_000 });
    const parked = await api<{ rows: { id: string }[] }>(server, '/db/parked-hcm-q1/_all_docs');
    parkedId = parked.body.rows[0]?.id ?? '';
    expect(parkedId).toMatch(/^park_/);
  });

  it('register B is refused with who resumed it, where and when, and rings nothing up', async () => {
    pullHeld = true;
    const claim = await api<{ parked: { closed: { at: string } } }>(
      server,
      `/api/v1/parked/${parkedId}/resume`,
      { auth: registerC.auth, body: { staffId: 'staff_minh', registerId: 'reg-03' } },
    );
    expect(claim.status).toBe(200);

    const { page } = registerB;
    await page
      .getByTestId('parked-sale')
      .filter({ hasText: LABEL })
      .getByTestId('parked-resume')
      .click();
    const refusal = page.getByTestId('parked-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(
      /^Đơn này đã được mở lại ở quầy reg-03 bởi Trần Văn Minh lúc \d{2}:\d{2}\. Không tính tiền lại ở đây\.$/,
    );
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);

    releasePulls();
    await expect.poll(() => page.getByTestId('parked-sale').count(), { timeout: 30_000 }).toBe(0);
    await page.keyboard.press('Escape');
    await expect(sellScreen.cartLines(page).count()).resolves.toBe(0);
  });

  it('the server keeps register 3’s claim', async () => {
    const stored = await api<Record<string, unknown>>(server, `/db/parked-hcm-q1/${parkedId}`);
    expect(stored.body).toMatchObject({
      status: 'resumed',
      closed: { registerId: 'reg-03', staffId: 'staff_minh' },
    });
  });

  it('logs no errors in either page', () => {
    // The server's 409 is its answer to the losing claim, not an error of the app.
    const errors = (list: readonly string[]) =>
      unexpectedErrors(list).filter((error) => !error.includes('status of 409'));
    expect(errors(registerA.browser.consoleErrors)).toEqual([]);
    expect(errors(registerB.browser.consoleErrors)).toEqual([]);
  });
});
