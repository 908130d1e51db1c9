/**
 * Buy online, pick up in store: a web order posted to the server's intake appears in the pickup
 * queue of its store with its age, is marked ready, handed over in two parts (the first paid in
 * cash, the rest by card) after checking the order number and the customer's name or phone, and
 * the server's order view then shows it picked up, where and when.
 */
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { api, placeWebOrder, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter, PlacedOrder } from './helpers/omnichannel-counter';
import { pickupScreen } from './helpers/omnichannel-screens';

interface OrderView {
  state: string;
  lines: { lineId: string; pickedUp: number; toPickUp: number }[];
  pickups: { storeId: string; at: string; amountCollected: number }[];
}

describe('web order picked up in its store', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  let order: PlacedOrder;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
    order = await placeWebOrder(server, {
      externalId: 'SHOP-PICKUP-1',
      customer: { name: 'Nguyễn Văn An', phone: '0912345678' },
      lines: [
        { lineId: 'l1', sku: 'SKU000001', name: 'Cà phê sữa đá', quantity: 2, unitPrice: 25000 },
        { lineId: 'l2', sku: 'SKU000002', name: 'Bánh mì sandwich', quantity: 1, unitPrice: 22000 },
      ],
    });
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('shows the order in the pickup queue of its store, with its age', async () => {
    const { page } = counter;
    await pickupScreen.open(page);
    const row = pickupScreen.queueRow(page, order.orderNumber);
    await row.waitFor({ timeout: 30_000 });
    // The customer's profile replicates beside the order: the name follows within moments.
    await expect
      .poll(() => row.textContent(), { timeout: 30_000 })
      .toMatch(/Nguyễn Văn An.*Placed.*1 h.*3.*72,000/);
  });

  it('tells the cashier at the till when the customer checks in at the kiosk', async () => {
    const { page } = counter;
    const orders = page.getByTestId('nav-orders');
    await expect.poll(() => orders.textContent()).toBe('Online orders');
    // What the store's kiosk sends on "I'm here" (kiosk-customer.test.ts drives the kiosk).
    const checkin = await api(server, '/api/v1/checkins', { body: { orderId: order.orderId } });
    expect(checkin.status).toBe(201);
    await expect
      .poll(() => orders.textContent(), { timeout: 30_000 })
      .toBe('Online orders · 1 waiting');
  });

  it('is marked ready, then handed over in part after the checks, paid in cash', async () => {
    const { page } = counter;
    await pickupScreen.openFromQueue(page, order.orderNumber);
    await pickupScreen.markReady(page);
    await pickupScreen.setQuantities(page, [2, 0]);
    await expect(page.getByTestId('pickup-due').textContent()).resolves.toContain('50,000');

    const wrong = await pickupScreen.handOver(page, {
      orderNumber: order.orderNumber,
      nameOrPhone: 'Someone Else',
    });
    expect(wrong).toMatch(/does not match the order/);

    const done = await pickupScreen.handOver(
      page,
      { orderNumber: order.orderNumber.toLowerCase(), nameOrPhone: '0912 345 678' },
      { cash: '100000' },
    );
    expect(done).toContain(`Order ${order.orderNumber} handed over`);
    expect(done).toContain('Change: ₫50,000');
    await page.getByTestId('order-state').filter({ hasText: 'Partly picked up' }).waitFor();
    await page.screenshot({ path: 'docs/screenshots/omnichannel-pickup.png' });
  });

  it('hands over the rest by card and the server shows the order picked up here', async () => {
    const { page } = counter;
    const done = await pickupScreen.handOver(
      page,
      { orderNumber: order.orderNumber, nameOrPhone: 'nguyen van an' },
      { approvalCode: 'AP1234' },
    );
    expect(done).toContain('handed over');
    await page.getByTestId('order-state').filter({ hasText: 'Picked up' }).waitFor();

    await expect
      .poll(
        async () => (await api<OrderView>(server, `/api/v1/orders/${order.orderId}`)).body.state,
        { timeout: 30_000 },
      )
      .toBe('picked-up');
    const view = (await api<OrderView>(server, `/api/v1/orders/${order.orderNumber}`)).body;
    expect(view.lines.map((line) => [line.lineId, line.pickedUp, line.toPickUp])).toEqual([
      ['l1', 2, 0],
      ['l2', 1, 0],
    ]);
    expect(view.pickups.map((pickup) => [pickup.storeId, pickup.amountCollected])).toEqual([
      ['hcm-q1', 50000],
      ['hcm-q1', 22000],
    ]);
    expect(Date.parse(view.pickups[0]?.at ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);
    // The pickup slips went to the printer (its queue prints in the background).
    await expect
      .poll(() => (existsSync(counter.printerFile) ? statSync(counter.printerFile).size : 0), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  });

  it('leaves the queue once everything is collected', async () => {
    const { page } = counter;
    await pickupScreen.backToQueue(page);
    await expect.poll(() => pickupScreen.queueRow(page, order.orderNumber).count()).toBe(0);
    // Resource 404s belong to other screens' polling; our screens must throw nothing.
    expect(
      counter.browser.consoleErrors.filter((text) => !text.startsWith('Failed to load resource')),
    ).toEqual([]);
  });
});
