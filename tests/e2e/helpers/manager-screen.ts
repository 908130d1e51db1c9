import type { Page } from 'playwright-core';
import { loginScreen } from './login-screen';

/** The manager screens (`#/manager`) and the register gate in front of the sell screen. */
export const managerScreen = {
  async signInAndWait(page: Page, pin: string): Promise<void> {
    await loginScreen.signIn(page, pin);
  },

  async openRegister(page: Page, float: string): Promise<void> {
    await page.getByTestId('register-gate').waitFor();
    await page.getByTestId('opening-float').fill(float);
    await page.getByTestId('open-shift').click();
    await page.getByTestId('register-gate').waitFor({ state: 'detached' });
  },

  async open(
    page: Page,
    area: 'shift' | 'stock' | 'reports' | 'settings' | 'promotions' | 'pickups',
  ) {
    if (!(await page.getByTestId('manager-screen').isVisible())) {
      await page.getByTestId('open-manager').click();
      await page.getByTestId('manager-screen').waitFor();
    }
    await page.getByTestId(`manager-tab-${area}`).click();
  },

  async shiftId(page: Page): Promise<string> {
    const info = page.getByTestId('shift-info');
    await info.waitFor();
    return (await info.getAttribute('data-shift-id')) ?? '';
  },

  async cashMove(
    page: Page,
    kind: 'paid-in' | 'paid-out' | 'drop' | 'float',
    amount: string,
    reason = '',
  ): Promise<string> {
    await page.getByTestId(`cash-kind-${kind}`).click();
    await page.getByTestId('cash-amount').fill(amount);
    await page.getByTestId('cash-reason').fill(reason);
    await page.getByTestId('record-cash-move').click();
    const message = page.getByTestId('cash-message');
    await message.waitFor();
    return (await message.textContent()) ?? '';
  },

  /** Cells of one tender's row of an X or Z report table, by column test id. */
  async reportCell(
    page: Page,
    table: 'x-report-table' | 'z-report-table',
    tender: string,
    cell: 'expected' | 'counted' | 'over-short',
  ): Promise<string> {
    return (
      (await page
        .getByTestId(table)
        .getByTestId(`report-row-${tender}`)
        .getByTestId(cell)
        .textContent()) ?? ''
    );
  },

  /** The blind count: what was counted per tender, then close (asked twice: it is final). */
  async closeShift(page: Page, counts: Record<string, string>): Promise<void> {
    for (const [tender, amount] of Object.entries(counts)) {
      await page.getByTestId(`count-${tender}`).fill(amount);
    }
    await page.getByTestId('close-shift').click();
    await page.getByTestId('close-shift').click();
    await page.getByTestId('z-report').waitFor();
  },
};

/** The stock area of the manager screens. */
export const stockScreen = {
  async view(page: Page, view: 'lookup' | 'low' | 'receive' | 'count' | 'adjust' | 'transfer') {
    await page.getByTestId(`stock-view-${view}`).click();
  },

  /** Types a SKU or barcode into the view's scan-or-type field, as a person would. */
  async enter(page: Page, field: string, code: string): Promise<void> {
    await page.getByTestId(field).fill(code);
    await page.getByTestId(field).press('Enter');
  },
};
