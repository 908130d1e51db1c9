/**
 * The customer kiosk (AppConfig.kiosk): a price check by scanning, with the promotion the till
 * would apply; points and tier by card or by phone plus the card's last four digits; the return
 * to the start screen after a short idle time; and no way from the kiosk to staff screens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, generateDemoProducts } from '../../src/demo';
import type { LoyaltyEntryDoc, ProductDoc } from '../../src/documents';
import { minor } from '../../src/money';
import { stockLevel } from '../../src/stock';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { kioskScreen } from './helpers/kiosk-screen';
import { startManagerStack } from './helpers/manager-stack';
import type { ManagerStack } from './helpers/manager-stack';

const [coffee] = generateDemoProducts(1, 20261123, '2026-01-01T00:00:00.000Z') as [ProductDoc];
const IDLE_MS = 3000;
/** What the demo seed left on the shelf (its opening delivery less its past sales). */
const demoStock = generateDemoData({ now: new Date().toISOString() }).stock;
const opening = (storeId: string): number => stockLevel(demoStock, storeId, coffee.sku).sellable;

/**
 * A panel's text after a touch on the product's name: a customer reading the screen, so the
 * kiosk keeps the price shown (a scan again would show it anew and hide a figure never updated).
 */
async function touchedText(page: Page, testId: string): Promise<string | null> {
  await page.getByTestId('kiosk-product-name').click({ timeout: 1000 });
  return page.getByTestId(testId).textContent();
}

describe('the customer kiosk', () => {
  let stack: ManagerStack;
  let browser: TestBrowser;

  beforeAll(async () => {
    stack = await startManagerStack({ OMNITILL_KIOSK: '1' });
    const settings = stack.demoSettings();
    await stack.put('settings', {
      ...settings,
      promotions: [
        {
          id: 'drinks-15',
          kind: 'item-discount',
          label: { vi: 'Đồ uống giảm 15%', en: 'Drinks 15% off' },
          target: { categoryIds: [coffee.categoryId] },
          reward: { kind: 'percent', percentBp: 1500 },
        },
      ],
      loyalty: {
        program: {
          earnPoints: 1,
          earnSpend: minor(10_000),
          categoryMultipliers: [],
          tiers: [
            {
              id: 'silver',
              name: { vi: 'Bạc', en: 'Silver' },
              thresholdPoints: 1000,
              earnMultiplierBp: 10_000,
            },
            {
              id: 'gold',
              name: { vi: 'Vàng', en: 'Gold' },
              thresholdPoints: 5000,
              earnMultiplierBp: 15_000,
            },
          ],
          tierWindowDays: null,
          pointValue: minor(1000),
          minimumRedemptionPoints: 10,
          maxRedemptionShareBp: 5000,
          expiryDays: null,
          holdMinutes: 15,
        },
        offline: { enabled: true, perCustomerPerDayPoints: 500, perStorePerDayPoints: 5000 },
      },
      updatedAt: new Date().toISOString(),
    });
    const earned: LoyaltyEntryDoc = {
      id: 'loy_e2e_kiosk1',
      customerId: 'cust_demo0000001',
      kind: 'earn',
      points: 1500,
      channel: 'web',
      sourceId: 'ord_e2e',
      idempotencyKey: 'earn:ord_e2e',
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    };
    await stack.put('loyalty', { ...earned });
    const now = new Date().toISOString();
    for (const [storeId, quantity] of [
      ['hcm-q1', 12],
      ['hn-hk', 7],
    ] as const) {
      await stack.put(`stock-${storeId}`, {
        id: `stk_e2e_kiosk_${storeId}`,
        kind: 'receive',
        sku: coffee.sku,
        quantity,
        storeId,
        sourceId: 'rcv_e2e_kiosk',
        createdAt: now,
      });
    }
    await stack.put('orders-hcm-q1', {
      id: 'ord_01E2EKIOSK000000000000000',
      orderNumber: 'W-1001',
      customerId: 'cust_demo0000001',
      channel: 'web',
      pickupStoreId: 'hcm-q1',
      currency: 'VND',
      lines: [
        {
          lineId: 'l1',
          sku: coffee.sku,
          name: coffee.name.vi,
          quantity: 2,
          unitPrice: coffee.unitPrice,
          lineTotal: minor(coffee.unitPrice * 2),
          taxRateBp: 800,
        },
      ],
      total: minor(coffee.unitPrice * 2),
      prepaid: minor(coffee.unitPrice * 2),
      status: 'ready-for-pickup',
      placedAt: now,
      readyAt: now,
      updatedAt: now,
    });
    browser = await openBrowser(`${stack.app.url}/#/kiosk?idleMs=${IDLE_MS}`, {
      width: 1080,
      height: 1400,
    });
    await kioskScreen.waitForHome(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows no staff functions: no status bar, no sign-in, no manager link', async () => {
    const { page } = browser;
    await page.screenshot({ path: 'docs/screenshots/kiosk-home.png' });
    expect(await page.getByTestId('sync-status').count()).toBe(0);
    expect(await page.getByTestId('open-manager').count()).toBe(0);
    expect(await page.getByLabel(/Nhập mã PIN|Enter your PIN/).count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/manager'));
    await kioskScreen.waitForHome(page);
    expect(await page.getByTestId('manager-screen').count()).toBe(0);
  });

  it('checks a price by scanning, with the promotion the till applies', async () => {
    const { page } = browser;
    await kioskScreen.scan(page, coffee.barcodes[0] ?? '');
    await page.getByTestId('kiosk-price').waitFor();
    await expect(page.getByTestId('kiosk-product-name').textContent()).resolves.toBe(
      coffee.name.vi,
    );
    await expect(page.getByTestId('kiosk-product-price').textContent()).resolves.toBe('25.000 ₫');
    await expect
      .poll(() => page.getByTestId('kiosk-price-after').textContent(), { timeout: 20_000 })
      .toBe('21.250 ₫');
    await expect(page.getByTestId('kiosk-promotions').textContent()).resolves.toContain(
      'Đồ uống giảm 15%',
    );
    // A fresh register is still pulling this store's stock history when the kiosk opens: the
    // figure follows it in. The customer touches the panel meanwhile, so the idle reset waits.
    await expect
      .poll(() => touchedText(page, 'kiosk-stock-here'), { timeout: 20_000 })
      .toBe(`Còn tại cửa hàng: ${opening('hcm-q1') + 12}`);
    // Other stores' stock is asked of the server, apart from the replica's own: it may come later.
    await expect
      .poll(() => page.getByTestId('kiosk-stock-nearby').textContent(), { timeout: 20_000 })
      .toBe(`Omnitill Hoàn Kiếm: ${opening('hn-hk') + 7}`);
    await page.screenshot({ path: 'docs/screenshots/kiosk-price-check.png' });
  });

  it("follows this store's stock while the price is shown, as moves reach the register", async () => {
    const { page } = browser;
    await kioskScreen.scan(page, coffee.barcodes[0] ?? '');
    await expect
      .poll(() => touchedText(page, 'kiosk-stock-here'), { timeout: 20_000 })
      .toBe(`Còn tại cửa hàng: ${opening('hcm-q1') + 12}`);
    // A delivery booked elsewhere (the manager's screen, another register) replicates in.
    await stack.put('stock-hcm-q1', {
      id: 'stk_e2e_kiosk_later',
      kind: 'receive',
      sku: coffee.sku,
      quantity: 3,
      storeId: 'hcm-q1',
      sourceId: 'rcv_e2e_kiosk_later',
      createdAt: new Date().toISOString(),
    });
    // It comes by the register's live pull (a changes poll every 2 s), slower on a loaded machine.
    await expect
      .poll(() => touchedText(page, 'kiosk-stock-here'), { timeout: 40_000 })
      .toBe(`Còn tại cửa hàng: ${opening('hcm-q1') + 15}`);
  });

  it('returns to the start screen after the idle time', async () => {
    const { page } = browser;
    await kioskScreen.scan(page, coffee.barcodes[0] ?? '');
    await expect.poll(() => kioskScreen.view(page)).toBe('price');
    await expect.poll(() => kioskScreen.view(page), { timeout: IDLE_MS + 5000 }).toBe('home');
  });

  it('shows points and tier for a phone number with the last four digits of the card', async () => {
    const { page } = browser;
    await kioskScreen.lookUpMember(page, '0900000001', '9999');
    await expect(page.getByTestId('kiosk-error').textContent()).resolves.toMatch(
      /không khớp|do not match/,
    );
    await page.getByTestId('kiosk-last4').fill('0001');
    await page.getByTestId('kiosk-show-points').click();
    await expect
      .poll(() => page.getByTestId('kiosk-points').textContent(), { timeout: 20_000 })
      .toMatch(/1[.,]500 điểm/);
    await expect(page.getByTestId('kiosk-tier').textContent()).resolves.toContain('Bạc');
    await page.screenshot({ path: 'docs/screenshots/kiosk-loyalty.png' });
    await page.getByTestId('kiosk-home-button').click();
    await kioskScreen.waitForHome(page);
  });

  it('shows points for a loyalty card number typed in the scan field, in English too', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'English' }).click();
    await kioskScreen.typeCode(page, 'LC00000001');
    await expect
      .poll(() => page.getByTestId('kiosk-points').textContent(), { timeout: 10_000 })
      .toBe('1,500 points');
    // The idle reset also puts the next customer back in the store's language.
    await kioskScreen.waitForHome(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Xin chào!');
  });

  it('checks a customer in for a web-order pickup by order number', async () => {
    const { page } = browser;
    await page.getByTestId('kiosk-choice-pickup').click();
    await page.getByTestId('kiosk-order-number').fill('W-1001');
    await page.getByTestId('kiosk-order-number').press('Enter');
    await expect
      .poll(() => page.getByTestId('kiosk-order').textContent(), { timeout: 20_000 })
      .toContain('W-1001');
    await page.getByTestId('kiosk-check-in').click();
    await page.getByTestId('kiosk-checked-in').waitFor();
    await page.screenshot({ path: 'docs/screenshots/kiosk-pickup-check-in.png' });
    const saved = await page.evaluate(() => localStorage.getItem('omnitill.pickupCheckins'));
    expect(saved).toContain('W-1001');
    // The server has it too, so every register of the store is alerted, not just this device.
    const response = await fetch(`${stack.server.url}/api/v1/checkins?store=hcm-q1`, {
      headers: { Authorization: stack.server.adminAuth },
    });
    const { checkins } = (await response.json()) as { checkins: { orderNumber: string }[] };
    expect(checkins.map((checkin) => checkin.orderNumber)).toContain('W-1001');
  });
});
