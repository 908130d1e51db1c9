import type { Page } from 'playwright-core';

/** The customer panel (F4): look-up, new customer, tier, points and history. */
export const customerPanel = {
  async open(page: Page): Promise<void> {
    await page.keyboard.press('F4');
    await page.getByTestId('customer-panel').waitFor();
  },

  async search(page: Page, text: string): Promise<void> {
    await page.getByTestId('customer-search').fill(text);
    await page.getByTestId('customer-search').press('Enter');
  },

  async name(page: Page): Promise<string> {
    return (await page.getByTestId('customer-name').textContent()) ?? '';
  },

  async points(page: Page): Promise<string> {
    return (await page.getByTestId('customer-points').textContent()) ?? '';
  },

  async close(page: Page): Promise<void> {
    await page.getByTestId('customer-close').click();
    await page.getByTestId('customer-panel').waitFor({ state: 'detached' });
  },
};
