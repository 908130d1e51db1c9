/**
 * What a person reads on a screen, for the language test (issue #18): every visible text and
 * the attributes read aloud or shown on hover (aria-label, title, placeholder, alt), with the
 * store's data (product, customer, staff and store names, promotion and tier labels) removed.
 */
import type { Page } from 'playwright-core';
import { generateDemoData } from '../../../src/demo';
import { wrongLanguageWords } from '../../helpers/ui-language';
import type { UiLocale } from '../../helpers/ui-language';

/** Names that are data, longest first so "Cà phê sữa đá Sài Gòn Xanh 250ml" goes before "Cà phê". */
function demoDataNames(): string[] {
  const demo = generateDemoData({ now: '2026-01-01T00:00:00.000Z' });
  const names = new Set<string>();
  for (const product of demo.products) {
    names.add(product.name.vi);
    names.add(product.name.en);
  }
  for (const customer of demo.customers) names.add(customer.name);
  for (const member of demo.staff) names.add(member.name);
  for (const store of demo.stores) {
    names.add(store.name);
    names.add(store.address);
    // The receipt's header and footer are the store's words, shown as typed in settings.
    const lines = [...store.receipt.header, ...store.receipt.footer];
    for (const line of lines) names.add(line);
    names.add(lines.join('\n'));
    names.add(store.receipt.footer.join(' '));
    for (const promotion of store.promotions ?? []) {
      names.add(promotion.label.vi);
      names.add(promotion.label.en);
    }
    for (const tier of store.loyalty?.program.tiers ?? []) {
      names.add(tier.name.vi);
      names.add(tier.name.en);
    }
  }
  return [...names].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length);
}

const DATA_NAMES = demoDataNames();

/** Texts a person reads on the page now, each once. */
export async function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const add = (text: string | null | undefined): void => {
      const trimmed = text?.replace(/\s+/g, ' ').trim();
      if (trimmed) texts.add(trimmed);
    };
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (['SCRIPT', 'STYLE', 'svg'].includes(element.tagName)) continue;
      const isOption = element.tagName === 'OPTION';
      if (!isOption && !element.checkVisibility()) continue;
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('');
      add(own);
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        add(element.getAttribute(name));
      }
      if (element instanceof HTMLInputElement && ['button', 'submit'].includes(element.type))
        add(element.value);
    }
    return [...texts];
  });
}

/** The text with the store's data taken out. */
export function withoutData(text: string): string {
  let rest = text;
  for (const name of DATA_NAMES) if (rest.includes(name)) rest = rest.split(name).join(' ');
  return rest;
}

/** The language switch names the other language in that language, on purpose. */
const LANGUAGE_SWITCH = new Set(['English', 'Tiếng Việt']);

/** One line per text in the wrong language: where it was seen, the text, the wrong words. */
export function wrongLanguage(texts: readonly string[], locale: UiLocale, where: string): string[] {
  return texts.flatMap((text) => {
    if (LANGUAGE_SWITCH.has(text)) return [];
    const words = wrongLanguageWords(withoutData(text), locale);
    return words.length > 0 ? [`${where}: "${text}" (${words.join(', ')})`] : [];
  });
}

/**
 * Buttons side by side in a dialog whose labels read alike: one label is the first words of the
 * other ("Hủy" beside "Hủy đơn"), so a cashier cannot tell cancelling the dialog from the action.
 */
export async function lookAlikeButtons(page: Page, where: string): Promise<string[]> {
  const groups = await page.evaluate(() =>
    [...document.querySelectorAll('.dialog-actions')].map((group) =>
      [...group.querySelectorAll('button')].map((button) =>
        (button.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    ),
  );
  return groups.flatMap((labels) =>
    labels.flatMap((label) =>
      labels
        .filter((other) => other !== label && other.startsWith(`${label} `))
        .map((other) => `${where}: "${label}" beside "${other}"`),
    ),
  );
}
