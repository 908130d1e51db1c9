/**
 * Gift cards sold in a shift, on the manager's screens (docs/MANAGER.md "Gift cards in the
 * reports"): a coffee and a 200.000 ₫ card paid in cash. The X report expects all the cash in the
 * drawer and shows the card on its own line; the sales report leaves the card out of the sales
 * total and names it apart. The sale is made with src/sales completeSale, tagged with the open
 * shift and written to the server as a till's sale would arrive (as in manager-shift.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../src/demo';
import type { ProductDoc } from '../../src/documents';
import { timeOrderedId } from '../../src/ids';
import { minor } from '../../src/money';
import { completeSale } from '../../src/sales';
import { giftCardLine } from '../../src/stored-value';
import { openBrowser } from './helpers/browser';
import type { TestBrowser } from './helpers/browser';
import { managerScreen } from './helpers/manager-screen';
import { startManagerStack } from './helpers/manager-stack';
import type { ManagerStack } from './helpers/manager-stack';

const [coffee] = generateDemoProducts(1, 20261123, '2026-01-01T00:00:00.000Z') as [ProductDoc];
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('a gift card sold in a shift, on the X report and the sales report', () => {
  let stack: ManagerStack;
  let browser: TestBrowser;

  beforeAll(async () => {
    stack = await startManagerStack();
    browser = await openBrowser(stack.app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('expects the card’s cash in the drawer and shows the card apart from the sales', async () => {
    const { page } = browser;
    await managerScreen.signInAndWait(page, '9999');
    await managerScreen.openRegister(page, '500.000');
    await page.getByTestId('scan-input').waitFor();
    await managerScreen.open(page, 'shift');
    const shiftId = await managerScreen.shiftId(page);

    const now = new Date().toISOString();
    const result = completeSale({
      saleId: timeOrderedId('sale', Date.now(), randomBytes),
      createdAt: now,
      completedAt: now,
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: 'dev_e2e',
      staffId: 'staff_lan',
      shiftId,
      settings: stack.demoSettings(),
      cart: {
        lines: [
          {
            lineId: 'l1',
            productId: coffee.id,
            sku: coffee.sku,
            name: coffee.name.vi,
            categoryId: coffee.categoryId,
            pricing: 'unit',
            unitPrice: coffee.unitPrice,
            quantity: 1,
            taxRateId: coffee.taxRateId,
          },
          giftCardLine({
            lineId: 'g1',
            number: `GC${Date.now()}`,
            amount: minor(200_000),
            name: 'Thẻ quà tặng',
          }),
        ],
      },
      tenders: [{ kind: 'cash', tenderId: 't1', amount: minor(225_000) }],
    });
    if (!result.ok) throw new Error(result.error.message);
    const sale = result.completed.sale;
    expect(sale.priced.totals.total).toBe(225_000);
    await stack.put('sales-hcm-q1', sale as unknown as { id: string });

    await expect
      .poll(
        async () => {
          await page.getByTestId('x-report-button').click();
          return managerScreen.reportCell(page, 'x-report-table', 'cash', 'expected');
        },
        { timeout: 20_000 },
      )
      .toBe('725.000 ₫');
    const line = page.getByTestId('x-report-table').getByTestId('report-gift-cards');
    expect(spaced(await line.textContent())).toMatch(/^Thẻ quà tặng đã bán \(1\)200\.000 ₫ /);

    await managerScreen.open(page, 'reports');
    await expect
      .poll(() => page.getByTestId('reports-summary').textContent())
      .toMatch(/1 giao dịch, tổng 25\.000 ₫/);
    expect(spaced(await page.getByTestId('reports-gift-cards').textContent())).toContain(
      'Thẻ quà tặng đã bán: 1 thẻ, 200.000 ₫.',
    );
    await expect(page.getByTestId('chart-sales-by-tender').textContent()).resolves.toMatch(
      /225\.000 ₫/,
    );
  });
});
