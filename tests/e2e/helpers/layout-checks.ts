/**
 * Layout checks a person would make by eye, measured with the page's own boxes (issue #18): a
 * touch target too small to hit, text running out of its box, something cut off at the right
 * edge, a button pushed off the screen.
 */
import type { Locator, Page } from 'playwright-core';

/** The documented minimum touch target (docs/CASHIER.md). */
export const MIN_TARGET_PX = 44;

/** Where an element is off the viewport, or null when it is wholly inside it. */
export async function outsideViewport(page: Page, locator: Locator): Promise<string | null> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return 'not shown';
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5;
  return inside
    ? null
    : `at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${viewport.width}×${viewport.height}`;
}

/**
 * Every layout problem on the page now, one line each, prefixed with `where`:
 * - a visible button, field, select, link or choice smaller than 44×44 px (a radio or checkbox
 *   counts by the label that wraps it: the whole label is what a finger presses);
 * - an element whose text or content is wider than its box (scrollWidth past clientWidth);
 * - a visible element reaching past the viewport's right edge, or a page that scrolls sideways.
 */
export async function layoutProblems(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate((minimum) => {
    const problems: string[] = [];
    const viewportWidth = document.documentElement.clientWidth;
    const describe = (element: Element): string => {
      const id = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const label = element.getAttribute('aria-label');
      return `<${element.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}${
        element.className && typeof element.className === 'string'
          ? ` class="${element.className}"`
          : ''
      }> "${label ?? text}"`;
    };
    const shown = (element: Element): boolean =>
      element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
      element.getBoundingClientRect().width > 0 &&
      element.getBoundingClientRect().height > 0;

    const targets = document.querySelectorAll(
      'button, input:not([type="hidden"]), select, textarea, a[href], [role="button"]',
    );
    for (const element of targets) {
      if (!shown(element)) continue;
      const choice =
        element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type);
      const target = choice ? (element.closest('label') ?? element) : element;
      const box = target.getBoundingClientRect();
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5)
        problems.push(
          `target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(target)}`,
        );
    }

    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (['SCRIPT', 'STYLE', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(element.tagName))
        continue;
      if (element.closest('svg')) continue;
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      // The outermost element past the edge is named; its children are past it with it.
      const parent = element.parentElement;
      const parentPast =
        parent !== null && parent.getBoundingClientRect().right > viewportWidth + 0.5;
      if (box.right > viewportWidth + 0.5 && !parentPast)
        problems.push(
          `past the right edge (${Math.round(box.right)} > ${viewportWidth}): ${describe(element)}`,
        );
      // Wider content than its box: text running out of it, or content the box clips or
      // hides behind a sideways scroll (the Z report's last columns). A child drawn on purpose
      // past a box that does not clip (a sticky footer's bleed) is no problem.
      if (style.display !== 'inline' && element.scrollWidth > element.clientWidth + 1) {
        const ownText = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
        );
        if (ownText || style.overflowX !== 'visible')
          problems.push(
            `${ownText ? 'text overflows its box' : 'content cut off at its right edge'} (${element.scrollWidth} > ${element.clientWidth}): ${describe(element)}`,
          );
      }
    }
    if (document.documentElement.scrollWidth > viewportWidth)
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${viewportWidth})`,
      );
    return problems;
  }, MIN_TARGET_PX);
  return [...new Set(found)].map((problem) => `${where}: ${problem}`);
}

/**
 * A staff screen built like the sell screen: its content kept off the window's left edge by the
 * screen's padding, and buttons in the sell screen's type scale (none larger than Pay, 1.2rem),
 * so a Back button is never set in a heading's size.
 */
export async function screenStyleProblems(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('.app-shell > main');
    if (!main) return ['no screen'];
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    for (const element of main.querySelectorAll<HTMLElement>('*')) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const parentLeft = element.parentElement?.getBoundingClientRect().left ?? 0;
      if (box.left < 4 && !(parentLeft < 4 && element.parentElement !== main))
        problems.push(`flush against the left edge: <${element.tagName.toLowerCase()}>`);
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (element.tagName === 'BUTTON' && size > rootSize * 1.2 + 0.5)
        problems.push(
          `button in ${Math.round(size)} px type: "${(element.textContent ?? '').trim()}"`,
        );
    }
    return problems;
  });
  return [...new Set(found)].map((problem) => `${where}: ${problem}`);
}
