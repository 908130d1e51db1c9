/**
 * A price changed on the server reaches the sell screen while the cashier is looking at it: the
 * search results on screen show the new price without retyping the query, and the product then
 * goes into the sale at that price.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../src/documents';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';
import { sellScreen } from './helpers/sell-screen';

describe('catalog changes on a screen already showing them', () => {
  let server: SyncServerProcess;
  let counter: Counter;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server, { locale: 'en-US' });
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
  });

  it('re-prices a search result in place, and sells at the new price', async () => {
    const { page } = counter;
    const url = `${server.url}/db/products/prod_SKU000001`;
    const headers = { Authorization: server.adminAuth, 'Content-Type': 'application/json' };
    const product = (await (await fetch(url, { headers })).json()) as ProductDoc & {
      _rev: string;
    };

    await page.getByTestId('scan-input').fill(product.sku);
    const result = page.getByTestId('search-results').getByRole('button').first();
    await expect.poll(() => result.textContent()).toContain(product.name.en);
    const newPrice = product.unitPrice + 1000;
    const put = await fetch(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        ...product,
        unitPrice: newPrice,
        updatedAt: new Date().toISOString(),
      }),
    });
    expect(put.status).toBe(201);

    const shown = `₫${newPrice.toLocaleString('en-US')}`;
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain(shown);
    await result.click();
    await expect.poll(() => sellScreen.total(page)).toContain(shown);
  });
});
