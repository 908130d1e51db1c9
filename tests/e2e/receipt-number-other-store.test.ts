/**
 * A customer brings a Hoàn Kiếm receipt to Quận 1 and quotes its number (issue #16): the Quận 1
 * register does not replicate Hoàn Kiếm's sales, so the number typed at Returns, lower-case, is
 * looked up on the server (`GET /api/v1/sales?number=`), and the sale opens for a return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptNumberFor } from '../../src/receipt/receipt-number';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { coffeeSale } from '../integration/sync-server/sale-fixtures';
import { pushDocs, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { returnsScreen } from './helpers/omnichannel-screens';

describe('another store’s receipt found by its number', () => {
  let server: SyncServerProcess;
  let counter: Counter;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server);
    const hanoi = await server.enrollDevice('hn-hk', 'reg-01');
    const sale = {
      ...coffeeSale('sale_hkreceipt0001', hanoi, 25_000),
      receiptNumber: receiptNumberFor('hn-hk', 'reg-01', 1),
      receiptSeq: 1,
    };
    await pushDocs(server, 'sales-hn-hk', [sale], hanoi.auth);
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('opens the Hoàn Kiếm sale at Quận 1 from the number typed lower-case', async () => {
    const { page } = counter;
    await returnsScreen.open(page);
    await returnsScreen.find(page, 'hk-01-000001');
    await expect(page.getByTestId('return-panel').locator('h2').textContent()).resolves.toContain(
      'HK-01-000001',
    );
    await expect(returnsScreen.line(page, 'SKU000001').count()).resolves.toBe(1);
  });
});
