/** The omnichannel screens as a cashier uses them: pickup counter, returns, customer history. */
import type { Page } from 'playwright-core';

export const pickupScreen = {
  async open(page: Page): Promise<void> {
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('pickup-screen').waitFor();
  },

  queueRow(page: Page, orderNumber: string) {
    return page.locator(`[data-testid="pickup-row"][data-order="${orderNumber}"]`);
  },

  async openFromQueue(page: Page, orderNumber: string): Promise<void> {
    await pickupScreen.queueRow(page, orderNumber).getByRole('button').click();
    await page.getByTestId('order-panel').waitFor();
  },

  /** The order panel's Back: the queue again (the screen's own Back goes to the sale). */
  async backToQueue(page: Page): Promise<void> {
    await page
      .getByTestId('order-panel')
      .getByRole('button', { name: /^(Quay lại|Back)$/ })
      .click();
    await page.getByTestId('order-panel').waitFor({ state: 'detached' });
  },

  async markReady(page: Page): Promise<void> {
    await page.getByRole('button', { name: /Mark ready|Báo hàng đã sẵn sàng/ }).click();
    await page
      .getByTestId('order-state')
      .filter({ hasText: /Ready|Sẵn sàng/ })
      .waitFor();
  },

  /** Quantities to hand over now, in the order's line order. */
  async setQuantities(page: Page, quantities: number[]): Promise<void> {
    const lines = page.getByTestId('order-line');
    for (const [index, quantity] of quantities.entries()) {
      await lines.nth(index).locator('input').fill(String(quantity));
    }
  },

  async handOver(
    page: Page,
    check: { orderNumber: string; nameOrPhone: string },
    payment?: { cash: string } | { approvalCode: string },
  ): Promise<string> {
    const panel = page.getByTestId('order-panel');
    await panel
      .getByLabel(/Order number the customer quotes|Số đơn khách đọc/)
      .fill(check.orderNumber);
    await panel
      .getByLabel(/Customer's name or phone|Tên hoặc số điện thoại/)
      .fill(check.nameOrPhone);
    if (payment && 'cash' in payment) {
      await panel.getByLabel(/Cash handed over|Tiền khách đưa/).fill(payment.cash);
    } else if (payment) {
      await panel.getByRole('radio', { name: /Card|Thẻ/ }).check();
      await panel.getByLabel(/Approval code|Mã duyệt/).fill(payment.approvalCode);
    }
    const before =
      (await page
        .getByTestId('pickup-notice')
        .textContent()
        .catch(() => '')) ?? '';
    await panel.getByRole('button', { name: /^(Hand over|Giao hàng)$/ }).click();
    const notice = page.getByTestId('pickup-notice');
    await notice.filter({ hasNotText: before || '\u0000' }).waitFor();
    return (await notice.textContent()) ?? '';
  },
};

export const returnsScreen = {
  async open(page: Page): Promise<void> {
    await page.getByTestId('nav-returns').click();
    await page.getByTestId('returns-screen').waitFor();
  },

  async find(page: Page, text: string): Promise<void> {
    await page.getByTestId('return-lookup').fill(text);
    await page.keyboard.press('Enter');
    await page.getByTestId('return-panel').waitFor();
  },

  line(page: Page, sku: string) {
    return page.locator(`[data-testid="return-line"][data-sku="${sku}"]`);
  },

  async choose(
    page: Page,
    sku: string,
    quantity: number,
    condition: 'sellable' | 'damaged',
  ): Promise<void> {
    const line = returnsScreen.line(page, sku);
    await line.locator('input[type="number"]').fill(String(quantity));
    await line.locator('select').selectOption(condition);
  },

  async plan(page: Page): Promise<string> {
    await page.getByTestId('plan-return').click();
    await page.getByTestId('return-plan').or(page.getByTestId('return-notice')).first().waitFor();
    return (
      (await page
        .getByTestId('return-plan')
        .or(page.getByTestId('return-notice'))
        .first()
        .textContent()) ?? ''
    );
  },

  async confirm(page: Page, managerPin?: string): Promise<string> {
    if (managerPin) await page.getByLabel(/Manager PIN|PIN quản lý/).fill(managerPin);
    const notice = page.getByTestId('return-notice');
    const before = (await notice.isVisible()) ? ((await notice.textContent()) ?? '') : '';
    await page.getByTestId('confirm-return').click();
    const answer = page
      .getByTestId('return-done')
      .or(notice.filter({ hasNotText: before || '\u0000' }))
      .first();
    await answer.waitFor();
    return (await answer.textContent()) ?? '';
  },
};

export const customerHistoryScreen = {
  async open(page: Page): Promise<void> {
    await page.getByTestId('nav-customer-history').click();
    await page.getByTestId('customer-history-screen').waitFor();
  },

  async search(page: Page, text: string): Promise<void> {
    await page.getByTestId('customer-search').fill(text);
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-profile').waitFor();
  },
};
