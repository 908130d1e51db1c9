/**
 * A register holds only the customers its store needs (docs/DATA.md), so a customer who has
 * never been to this store, a web shopper here, is found at the counter through the server: by
 * scanning their loyalty card and by typing their phone in the customer panel (F4). Run with no
 * store set to "all customers" (OMNITILL_ALL_CUSTOMERS empty), as a chain past the demo is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCustomers } from '../../src/demo';
import { openBrowser, unexpectedErrors } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { customerPanel } from './helpers/customer-panel';
import { readReplica } from './helpers/replica-reader';
import { launchApp } from './helpers/launch-app';
import type { RunningApp } from './helpers/launch-app';
import { sellScreen } from './helpers/sell-screen';
import { openTillFor } from './helpers/till';

const REPLICA = 'omnitill-hcm-q1-reg-01';
const [, , third, , , sixth] = generateDemoCustomers(6, 20261123, '2026-01-01T00:00:00.000Z');
// Demo customers 3 and 6 were born on the web (src/demo): no sale, no store of theirs.
const WEB_CARD = 'LC00000003';
const WEB_PHONE = '0900000006';

describe('a customer this store has never seen, at the counter', () => {
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await launchApp({ env: { OMNITILL_ALL_CUSTOMERS: '' } });
    browser = await openBrowser(app.url);
    await openTillFor(browser.page, '1111');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('is not on this register until asked for', async () => {
    const cards = async () =>
      (await readReplica<{ loyaltyCardNumber?: string }>(browser.page, REPLICA, 'customers')).map(
        (customer) => customer.loyaltyCardNumber,
      );
    // The register has synced its own store's customers (card 1 was born at Quận 1)...
    await expect.poll(cards, { timeout: 30_000 }).toContain('LC00000001');
    // ...and not the web shopper, whom this store has never seen.
    expect(await cards()).not.toContain(WEB_CARD);
  });

  it('is attached by scanning their loyalty card, through the server', async () => {
    const { page } = browser;
    await sellScreen.wedgeScan(page, WEB_CARD);
    await page
      .getByTestId('customer-bar')
      .filter({ hasText: third?.name ?? '?' })
      .waitFor();
    // The server now sends this customer to the store's registers: the replica gets them.
    await expect
      .poll(
        async () =>
          (await readReplica<{ loyaltyCardNumber?: string }>(page, REPLICA, 'customers')).map(
            (customer) => customer.loyaltyCardNumber,
          ),
        { timeout: 30_000 },
      )
      .toContain(WEB_CARD);
  });

  it('is found by their phone in the customer panel, through the server', async () => {
    const { page } = browser;
    await customerPanel.open(page);
    await customerPanel.search(page, WEB_PHONE);
    await expect
      .poll(() => customerPanel.name(page), { timeout: 15_000 })
      .toContain(sixth?.name ?? '?');
    await customerPanel.close(page);
    const bar = (await page.getByTestId('customer-bar').textContent()) ?? '';
    expect(bar).toContain(sixth?.name ?? '?');
    expect(unexpectedErrors(browser.consoleErrors)).toEqual([]);
  });
});
