/**
 * Product pictures (docs/CASHIER.md "Product pictures"): the demo's quick-key products have
 * images the server made at seed time. The register shows them on the quick keys and in search
 * results (the others show their initials), and still shows them after the server is stopped
 * and the page reloaded: they are kept on the register, not fetched each time.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SyncServerProcess } from '../helpers/sync-server-process';
import { layoutProblems } from './helpers/layout-checks';
import { loginScreen } from './helpers/login-screen';
import { openShiftIfClosed, startCounter, startServer } from './helpers/omnichannel-counter';
import type { Counter } from './helpers/omnichannel-counter';

/** Pictures in a list that have loaded and decoded (a broken one has no natural width). */
const decoded = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .getByTestId('product-image')
    .evaluateAll((images) =>
      images.filter((image) => (image as HTMLImageElement).naturalWidth > 0).map(() => 1),
    )
    .then((list) => list.length);

describe('product pictures on the sell screen', () => {
  let server: SyncServerProcess;
  let counter: Counter;

  beforeAll(async () => {
    server = await startServer();
    counter = await startCounter(server, { locale: 'en-US' });
  });

  afterAll(async () => {
    await counter?.stop();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('shows images on quick keys and in search results, initials for the rest', async () => {
    const { page } = counter;
    const manifest = (await (
      await fetch(`${server.url}/api/v1/product-images`, {
        headers: { Authorization: counter.device.auth },
      })
    ).json()) as { images: { sku: string }[] };
    expect(manifest.images.length).toBeGreaterThan(0);

    await expect.poll(() => decoded(page, 'quick-keys'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('quick-keys').getByTestId('product-initials').count())
      .toBeGreaterThan(0);
    expect(await layoutProblems(page, 'quick keys with pictures')).toEqual([]);

    const pictured = manifest.images[0]?.sku ?? '';
    await page.getByTestId('scan-input').fill(pictured);
    await expect.poll(() => decoded(page, 'search-results')).toBe(1);
    expect(await layoutProblems(page, 'search results with pictures')).toEqual([]);
    await page.getByTestId('scan-input').fill('');
  });

  it('still shows them with the server stopped and the page reloaded', async () => {
    const { page } = counter;
    const shown = await decoded(page, 'quick-keys');
    await server.stop({ keepData: true });
    await page.reload();
    const pin = page.getByLabel(/Nhập mã PIN|Enter your PIN/);
    await pin.or(page.getByTestId('scan-input')).first().waitFor({ timeout: 60_000 });
    if (await pin.isVisible()) await loginScreen.signIn(page, '2222');
    await openShiftIfClosed(page);
    await expect.poll(() => decoded(page, 'quick-keys'), { timeout: 20_000 }).toBe(shown);
  });
});
