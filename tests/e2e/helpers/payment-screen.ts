import type { Page } from 'playwright-core';

/** The payment panel (F9): tenders, quick cash notes, change, completing the sale. */
export const paymentScreen = {
  async open(page: Page): Promise<void> {
    await page.keyboard.press('F9');
    await page.getByTestId('payment-panel').waitFor();
  },

  /** A quick note button: 'exact' or an amount in đồng (100000). */
  async cashNote(page: Page, note: 'exact' | number): Promise<void> {
    await page.getByTestId('tender-cash').click();
    await page.getByTestId(note === 'exact' ? 'cash-exact' : `cash-${note}`).click();
  },

  async card(page: Page, amount: string, approvalCode: string): Promise<void> {
    await page.getByTestId('tender-card').click();
    await page.getByTestId('tender-amount').fill(amount);
    await page.getByTestId('tender-reference').fill(approvalCode);
    await page.getByTestId('tender-add').click();
  },

  /** A credit note by its number; an empty amount takes what is still due. */
  async storeCredit(page: Page, amount: string, number: string): Promise<void> {
    await page.getByTestId('tender-store-credit').click();
    await page.getByTestId('tender-amount').fill(amount);
    await page.getByTestId('tender-reference').fill(number);
    await page.getByTestId('tender-add').click();
  },

  async points(page: Page, points: number): Promise<void> {
    await page.getByTestId('tender-loyalty-points').click();
    await page.getByTestId('tender-amount').fill(String(points));
    await page.getByTestId('tender-add').click();
  },

  async change(page: Page): Promise<string> {
    return (await page.getByTestId('payment-change').textContent()) ?? '';
  },

  async remaining(page: Page): Promise<string> {
    return (await page.getByTestId('payment-remaining').textContent()) ?? '';
  },

  async error(page: Page): Promise<string> {
    return (await page.getByTestId('payment-error').textContent()) ?? '';
  },

  /** F12: the sale is saved and the last-sale panel shows; returns the sale id. */
  async complete(page: Page): Promise<string> {
    const last = page.getByTestId('last-sale');
    const before = (await last.count()) > 0 ? await last.getAttribute('data-sale-id') : null;
    await page.keyboard.press('F12');
    await page.waitForFunction((previous) => {
      const id = document.querySelector('[data-testid="last-sale"]')?.getAttribute('data-sale-id');
      return id && id !== previous;
    }, before);
    return (await last.getAttribute('data-sale-id')) ?? '';
  },
};
