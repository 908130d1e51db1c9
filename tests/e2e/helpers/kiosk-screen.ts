import type { Page } from 'playwright-core';
import { sellScreen } from './sell-screen';

/** The customer kiosk: scanning at any moment, the loyalty keypad, the start screen. */
export const kioskScreen = {
  async waitForHome(page: Page): Promise<void> {
    await page.getByTestId('kiosk-home').waitFor();
  },

  /** A scanner burst, wherever the focus is (the kiosk takes every scan). */
  async scan(page: Page, code: string): Promise<void> {
    await sellScreen.wedgeScan(page, code);
  },

  /** A code typed into the scan field by hand (what a 1D scanner that cannot read it leaves). */
  async typeCode(page: Page, code: string): Promise<void> {
    await page.getByTestId('kiosk-scan').fill(code);
    await page.getByTestId('kiosk-scan').press('Enter');
  },

  async lookUpMember(page: Page, phone: string, last4: string): Promise<void> {
    await page.getByTestId('kiosk-choice-loyalty').click();
    await page.getByTestId('kiosk-phone').fill(phone);
    await page.getByTestId('kiosk-last4').fill(last4);
    await page.getByTestId('kiosk-show-points').click();
  },

  async view(page: Page): Promise<string | null> {
    return page.getByTestId('kiosk').getAttribute('data-view');
  },
};
