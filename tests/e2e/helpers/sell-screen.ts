import type { Page } from 'playwright-core';

/** The selling screen: scanning, searching and the cart. */
export const sellScreen = {
  /**
   * A keyboard-wedge scanner: the whole code in a fast burst (a few ms per key) then Enter,
   * typed wherever the focus is, as a USB HID scanner does.
   */
  async wedgeScan(page: Page, code: string): Promise<void> {
    await page.keyboard.type(code, { delay: 4 });
    await page.keyboard.press('Enter');
  },

  cartLines(page: Page) {
    return page.getByTestId('cart-line');
  },

  async total(page: Page): Promise<string> {
    return (await page.getByTestId('cart-total').textContent()) ?? '';
  },
};
