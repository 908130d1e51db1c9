import type { Page } from 'playwright-core';
import { generateDemoProducts } from '../../../src/demo';
import { sellScreen } from './sell-screen';

/** Twelve products sold by the piece, from the demo catalog the embedded server seeds. */
export const TWELVE_BARCODES = generateDemoProducts(40, 20261123, '2026-01-01T00:00:00.000Z')
  .filter((product) => !product.plu)
  .slice(0, 12)
  .map((product) => product.barcodes[0] ?? '');

/** A long sale: the twelve products scanned one after the other, each line in the cart. */
export async function ringTwelveLines(page: Page): Promise<void> {
  for (const [index, barcode] of TWELVE_BARCODES.entries()) {
    await sellScreen.wedgeScan(page, barcode);
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="cart-line"]').length >= count,
      index + 1,
    );
  }
}
