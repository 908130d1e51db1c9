import type { Page } from 'playwright-core';

/** The PIN sign-in screen. */
export const loginScreen = {
  async signIn(page: Page, pin: string): Promise<void> {
    await page.getByLabel(/Nhập mã PIN|Enter your PIN/).fill(pin);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-staff').waitFor();
  },
};
