import type { Page } from 'playwright-core';

/** The selling screen: scanning, searching, the cart and its actions. */
export const sellScreen = {
  /**
   * A keyboard-wedge scanner: the whole code in a fast burst then Enter, typed wherever the
   * focus is, as a USB HID scanner does. The key events are dispatched in the page in one go:
   * driven key by key from the test, a busy 2-core machine sometimes leaves more than a
   * scanner's 30 ms between two keys, and the register rightly takes that for typing. Each
   * event carries the time a scanner would give it (2 ms apart, as the OS stamps queued keys):
   * the page can still be preempted between two dispatches on a loaded machine, which a real
   * scanner's queued keys would not show.
   */
  async wedgeScan(page: Page, code: string): Promise<void> {
    await page.evaluate(
      (keys) => {
        // No named inner function: run under tsx (npm run bench), esbuild wraps one in a
        // `__name` helper the page does not have.
        const target = document.activeElement ?? document.body;
        const start = performance.now();
        [...keys, 'Enter'].forEach((key, index) => {
          for (const [type, offset] of [
            ['keydown', 0],
            ['keyup', 1],
          ] as const) {
            const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
            Object.defineProperty(event, 'timeStamp', { value: start + index * 2 + offset });
            target.dispatchEvent(event);
          }
        });
      },
      [...code],
    );
  },

  /** Typed by hand, key by key, slower than any scanner (a person at the keyboard). */
  async typeByHand(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text, { delay: 80 });
  },

  cartLines(page: Page) {
    return page.getByTestId('cart-line');
  },

  async total(page: Page): Promise<string> {
    return (await page.getByTestId('cart-total').textContent()) ?? '';
  },

  async notice(page: Page): Promise<string> {
    return (await page.getByTestId('sell-notice').textContent()) ?? '';
  },

  /** Scans a code and waits until the cart total shows `total`. */
  async scanUntilTotal(page: Page, code: string, total: string): Promise<void> {
    await sellScreen.wedgeScan(page, code);
    await page.getByTestId('cart-total').filter({ hasText: total }).waitFor();
  },

  /** The selected line's edit dialog (F6). */
  async editLine(page: Page, index = 0): Promise<void> {
    await sellScreen.cartLines(page).nth(index).click();
    await page.keyboard.press('F6');
    await page.getByTestId('line-edit').waitFor();
  },

  async overridePrice(page: Page, price: string, reason: string): Promise<void> {
    await page.getByTestId('override-price').fill(price);
    await page.getByTestId('override-reason').fill(reason);
    await page.getByTestId('override-apply').click();
  },

  /** F8, a note, confirm: the sale is parked and the cart empties. */
  async park(page: Page, label: string): Promise<void> {
    await page.keyboard.press('F8');
    await page.getByTestId('park-label').fill(label);
    await page.getByTestId('park-confirm').click();
    await page.getByTestId('park-dialog').waitFor({ state: 'detached' });
  },

  async resumeParked(page: Page, label: string): Promise<void> {
    await page.getByTestId('action-parked').click();
    await page
      .getByTestId('parked-sale')
      .filter({ hasText: label })
      .getByTestId('parked-resume')
      .click();
    await page.getByTestId('parked-dialog').waitFor({ state: 'detached' });
  },
};

/** The manager override prompt: a supervisor's or manager's PIN. */
export const overridePrompt = {
  async approveWithPin(page: Page, pin: string): Promise<void> {
    const prompt = page.getByTestId('override-prompt');
    await prompt.waitFor();
    await prompt.getByLabel(/mã PIN|PIN/).fill(pin);
    await page.keyboard.press('Enter');
  },
};
