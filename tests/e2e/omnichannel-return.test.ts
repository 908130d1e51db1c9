/**
 * A web order returned in a store: what another store already took back is counted, the refund
 * goes back to the online payment, the goods go back on this store's shelf, the points the order
 * earned on the web are taken back pro rata, a return receipt prints, and the server's order view
 * shows the returned quantity. Then the customer's history shows it all, on every channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import {
  api,
  markReady,
  placeWebOrder,
  pushDocs,
  startCounter,
  startServer,
  webEarnEntry,
} from './helpers/omnichannel-counter';
import type { Counter, PlacedOrder } from './helpers/omnichannel-counter';
import { pickupOf, returnAtOtherStore } from './helpers/omnichannel-documents';
import { customerHistoryScreen, returnsScreen } from './helpers/omnichannel-screens';

interface OrderView {
  lines: { lineId: string; returned: number; returnable: number }[];
  returns: { storeId: string; refund: number }[];
}

describe('a web order returned in a store', () => {
  let server: SyncServerProcess;
  let counter: Counter;
  let order: PlacedOrder;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
    const hanoi = await server.enrollDevice('hn-hk', 'till HN');
    order = await placeWebOrder(server, {
      externalId: 'SHOP-RETURN-1',
      customer: { name: 'Trần Thị Bình', phone: '0987654321', email: 'binh@example.vn' },
      lines: [
        { lineId: 'l1', sku: 'SKU000001', name: 'Cà phê sữa đá', quantity: 2, unitPrice: 25000 },
        { lineId: 'l2', sku: 'SKU000003', name: 'Nước khoáng', quantity: 1, unitPrice: 6000 },
      ],
      prepaid: 56000,
    });
    await pushDocs(server, 'loyalty', [webEarnEntry(order.customerId, order.orderId, 5)]);
    await markReady(server, order.orderId);
    await pushDocs(
      server,
      'pickups-hcm-q1',
      [
        pickupOf(order, 'hcm-q1', counter.device.deviceId, [
          { lineId: 'l1', quantity: 2 },
          { lineId: 'l2', quantity: 1 },
        ]),
      ],
      counter.device.auth,
    );
    const water = {
      lineId: 'l2',
      sku: 'SKU000003',
      name: 'Nước khoáng',
      quantity: 1,
      refund: 6000,
    };
    await pushDocs(
      server,
      'returns-hn-hk',
      [returnAtOtherStore(order, water, 'hn-hk', hanoi.deviceId)],
      hanoi.auth,
    );
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('finds the order by its number and counts what another store took back', async () => {
    const { page } = counter;
    await returnsScreen.open(page);
    await returnsScreen.find(page, order.orderNumber);
    const water = returnsScreen.line(page, 'SKU000003');
    await expect(water.getByTestId('returned-quantity').textContent()).resolves.toBe('1');
    await expect(water.getByTestId('returnable-quantity').textContent()).resolves.toBe('0');
    const coffee = returnsScreen.line(page, 'SKU000001');
    await expect(coffee.getByTestId('returnable-quantity').textContent()).resolves.toBe('2');
  });

  it('refunds to the online payment, restocks here, takes the points back, prints', async () => {
    const { page } = counter;
    const stockHere = async () =>
      (
        await api<{ stores: { storeId: string; sellable: number; damaged: number }[] }>(
          server,
          '/api/v1/stock?sku=SKU000001',
          { auth: counter.device.auth },
        )
      ).body.stores.find((store) => store.storeId === 'hcm-q1') ?? {
        storeId: 'hcm-q1',
        sellable: 0,
        damaged: 0,
      };
    // The demo store has opening stock: the return adds one to what was there.
    const before = await stockHere();
    await returnsScreen.choose(page, 'SKU000001', 1, 'sellable');
    const plan = await returnsScreen.plan(page);
    expect(plan).toContain('Refund: ₫25,000');
    expect(plan).toContain(`To the card (original approval WEB ${order.orderNumber}): ₫25,000`);
    expect(plan).toContain('2 earned points taken back');
    await page.screenshot({ path: 'docs/screenshots/omnichannel-return.png' });
    const done = await returnsScreen.confirm(page);
    expect(done).toMatch(/Returned, receipt ret_\w+\. Refund ₫25,000\./);

    await expect
      .poll(
        async () =>
          (await api<OrderView>(server, `/api/v1/orders/${order.orderId}`)).body.lines.map(
            (line) => [line.lineId, line.returned, line.returnable],
          ),
        { timeout: 30_000 },
      )
      .toEqual([
        ['l1', 1, 1],
        ['l2', 1, 0],
      ]);
    // The restock move syncs on its own and lands once its return is on the server.
    await expect
      .poll(stockHere, { timeout: 30_000 })
      .toEqual({ storeId: 'hcm-q1', sellable: before.sellable + 1, damaged: before.damaged });
    await expect
      .poll(
        async () =>
          (
            await api<{ loyalty: { available: number } }>(
              server,
              `/api/v1/customers/${order.customerId}`,
            )
          ).body.loyalty.available,
        { timeout: 30_000 },
      )
      .toBe(3);
  });

  it('shows the customer every channel’s orders and returns, with where they happened', async () => {
    const { page } = counter;
    await customerHistoryScreen.open(page);
    await customerHistoryScreen.search(page, '0987654321');
    await expect(page.getByTestId('customer-points').textContent()).resolves.toBe(
      'Points available: 3',
    );
    const rows = page.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect(page.locator('[data-kind="return"]').allTextContents()).resolves.toEqual([
      // Where, by the store's name (issue #18), never its id.
      expect.stringContaining('Omnitill Quận 1'),
      expect.stringContaining('Omnitill Hoàn Kiếm'),
    ]);
    // What a return undoes, by the order's number, never a document id (issue #18).
    const returns = await page.locator('[data-kind="return"]').allTextContents();
    for (const text of returns) expect(text).toMatch(/← W-[0-9A-Z]+/);
    await expect(rows.allTextContents()).resolves.not.toContainEqual(
      expect.stringMatching(/\b(ord|sale|ret)_/),
    );
    await expect(page.getByTestId('customer-lifetime').textContent()).resolves.toBe(
      'Lifetime spend: ₫25,000',
    );
    await page.screenshot({ path: 'docs/screenshots/omnichannel-customer-history.png' });
    // A return started from the history opens the returns screen on that order (the staff shell
    // hands this screen the returns feature's startReturnOf).
    await page.locator('[data-kind="order"]').getByRole('button').click();
    await page.getByTestId('return-panel').waitFor();
    await expect(page.getByTestId('return-line').count()).resolves.toBeGreaterThan(0);
  });
});
