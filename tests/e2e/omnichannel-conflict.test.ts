/**
 * The same web order line returned at two stores while both were offline: each register could
 * only see its own return, so both went through within the policy's offline rules (a manager
 * approved the offline one here). Once both have synced, the server's reconciler flags the line
 * as returned more often than it was sold, naming both returns; nothing is merged silently.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServerProcess } from '../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';
import {
  api,
  markReady,
  placeWebOrder,
  pushDocs,
  startCounter,
  startServer,
} from './helpers/omnichannel-counter';
import type { Counter, PlacedOrder } from './helpers/omnichannel-counter';
import { pickupOf, returnAtOtherStore } from './helpers/omnichannel-documents';
import { pickupScreen, returnsScreen } from './helpers/omnichannel-screens';

interface Flag {
  kind: string;
  summary: string;
  documents: { db: string; id: string }[];
}

describe('one order line returned at two stores while offline', () => {
  let server: SyncServerProcess;
  let restarted: SyncServerProcess | undefined;
  let counter: Counter;
  let hanoi: EnrolledDevice;
  let order: PlacedOrder;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
    hanoi = await server.enrollDevice('hn-hk', 'till HN');
    order = await placeWebOrder(server, {
      externalId: 'SHOP-CONFLICT-1',
      customer: { name: 'Lê Văn Cường', phone: '0901112223' },
      lines: [
        { lineId: 'l1', sku: 'SKU000001', name: 'Cà phê sữa đá', quantity: 1, unitPrice: 25000 },
      ],
      prepaid: 25000,
    });
  });

  afterAll(async () => {
    await counter?.stop();
    await restarted?.stop();
    await server?.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('has the picked-up order on the register before the network goes', async () => {
    const { page } = counter;
    await pickupScreen.open(page);
    await pickupScreen.queueRow(page, order.orderNumber).waitFor({ timeout: 30_000 });
    await markReady(server, order.orderId);
    await pushDocs(
      server,
      'pickups-hcm-q1',
      [pickupOf(order, 'hcm-q1', counter.device.deviceId, [{ lineId: 'l1', quantity: 1 }])],
      counter.device.auth,
    );
    // The pickup has replicated when the order leaves the queue.
    await expect
      .poll(() => pickupScreen.queueRow(page, order.orderNumber).count(), { timeout: 30_000 })
      .toBe(0);
  });

  it('takes the return offline here, with a manager’s approval', async () => {
    await server.stop({ keepData: true });
    const { page } = counter;
    await returnsScreen.open(page);
    await returnsScreen.find(page, order.orderNumber);
    await expect(page.getByTestId('return-notice').textContent()).resolves.toMatch(/Offline/);
    await returnsScreen.choose(page, 'SKU000001', 1, 'sellable');
    const plan = await returnsScreen.plan(page);
    expect(plan).toContain('Offline: returns at other stores cannot be seen');
    const wrong = await returnsScreen.confirm(page, '2222');
    expect(wrong).toContain('not a manager PIN');
    const done = await returnsScreen.confirm(page, '9999');
    expect(done).toMatch(/Returned, receipt ret_/);
  });

  it('is flagged by the server once both stores have synced', async () => {
    restarted = await startSyncServerProcess({ dataDir: server.dataDir, port: server.port });
    // The Hanoi register took its own return of the same line while offline (a manager
    // approved it, as the register asks when it cannot see other stores' returns); it syncs now.
    const line = {
      lineId: 'l1',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      quantity: 1,
      refund: 25000,
    };
    const theirs = returnAtOtherStore(order, line, 'hn-hk', hanoi.deviceId, 'staff_ha');
    await pushDocs(restarted, 'returns-hn-hk', [theirs], hanoi.auth);

    await expect
      .poll(
        async () =>
          (await api<{ flags: Flag[] }>(restarted!, '/api/v1/flags')).body.flags.find(
            (candidate) => candidate.kind === 'over-returned',
          ),
        { timeout: 60_000, interval: 1000 },
      )
      .toBeDefined();
    const { flags } = (await api<{ flags: Flag[] }>(restarted, '/api/v1/flags')).body;
    const overReturned = flags.find((candidate) => candidate.kind === 'over-returned');
    expect(overReturned?.summary).toBe(`Line l1 of ${order.orderId}: 2 returned, 1 sold.`);
    const dbs = overReturned?.documents.map((document) => document.db).sort();
    expect(dbs).toEqual([`orders-hcm-q1`, 'returns-hcm-q1', 'returns-hn-hk']);
    expect(overReturned?.documents).toContainEqual({ db: 'returns-hn-hk', id: theirs.id });
  });
});
