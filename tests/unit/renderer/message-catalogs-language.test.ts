/**
 * Every message table of the renderer, in both languages (issue #18): each key has a value in
 * both, no Vietnamese value is its English one left untranslated, and no value holds a word of
 * the other language (tests/helpers/ui-language.ts decides). The e2e test
 * tests/e2e/ui-language.test.ts checks what the screens really show.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../../src/demo';
import { categoryName, NAMED_CATEGORIES } from '../../../renderer/i18n/category-names';
import { MESSAGES } from '../../../renderer/i18n/messages';
import { OMNI_MESSAGES } from '../../../renderer/i18n/omnichannel-messages';
import { KIOSK_MESSAGES } from '../../../renderer/kiosk/kiosk-messages';
import { MANAGER_MESSAGES } from '../../../renderer/manager/manager-messages';
import { isLanguageNeutral, wrongLanguageWords } from '../../helpers/ui-language';
import type { UiLocale } from '../../helpers/ui-language';

type Tables = Record<UiLocale, Readonly<Record<string, string>>>;

const CATALOGS: Record<string, Tables> = {
  app: MESSAGES,
  omnichannel: OMNI_MESSAGES,
  manager: MANAGER_MESSAGES,
  kiosk: KIOSK_MESSAGES,
};

/** The text a person reads: placeholders like {name} are filled with data, not judged. */
function readable(value: string): string {
  return value.replace(/\{\w+\}/g, ' ');
}

/** The language switch names the other language, in that language, on purpose. */
const NAMES_OTHER_LANGUAGE = new Set(['status.language', 'kiosk.language']);

describe('the message catalogs', () => {
  for (const [name, tables] of Object.entries(CATALOGS)) {
    it(`${name}: every key in both languages, each value translated`, () => {
      const viKeys = Object.keys(tables['vi-VN']).sort();
      expect(Object.keys(tables['en-US']).sort()).toEqual(viKeys);
      const untranslated = viKeys.filter(
        (key) =>
          !isLanguageNeutral(readable(tables['vi-VN'][key] ?? '')) &&
          tables['vi-VN'][key] === tables['en-US'][key],
      );
      expect(untranslated).toEqual([]);
    });

    for (const locale of ['vi-VN', 'en-US'] as const) {
      it(`${name}: no ${locale} value holds a word of the other language`, () => {
        const wrong = Object.entries(tables[locale])
          .filter(([key]) => !NAMES_OTHER_LANGUAGE.has(key))
          .map(([key, value]) => [key, wrongLanguageWords(readable(value), locale)] as const)
          .filter(([, words]) => words.length > 0)
          .map(([key, words]) => `${key}: ${words.join(', ')}`);
        expect(wrong).toEqual([]);
      });
    }
  }
});

describe('the language rule', () => {
  it.each([
    'Chưa in được hóa đơn: No receipt printer is set up for this register. Set one up in Settings, then press Retry..',
    'Mã quét không hợp lệ: EAN-13 8930000000018: check digit should be 9, not 8',
    'Bánh mì (queued)',
    'completed',
    'Máy in: not-configured',
    'drinks',
  ])('finds English in the Vietnamese text %j', (text) => {
    expect(wrongLanguageWords(text, 'vi-VN')).not.toEqual([]);
  });

  it.each([
    'Hủy đơn',
    'Quầy reg-01',
    'Quét mã VietQR hoặc nhập mã PIN',
    'Đơn online W-10001',
    'In lại',
    'Đặt máy in, ví dụ serial:/dev/ttyUSB0?baud=9600',
  ])('takes %j for Vietnamese', (text) => {
    expect(wrongLanguageWords(text, 'vi-VN')).toEqual([]);
  });

  it('finds Vietnamese in the English UI, and takes codes and brands for either', () => {
    expect(wrongLanguageWords('Printer: chưa cài đặt', 'en-US')).toEqual(['chưa', 'cài', 'đặt']);
    expect(wrongLanguageWords('Pay with VietQR, PIN 1234', 'en-US')).toEqual([]);
  });
});

describe('category names', () => {
  it('names every category of the demo catalog in both languages, not by its key', () => {
    const keys = new Set(
      generateDemoProducts(3000, 20261123, '2026-01-01T00:00:00.000Z').map(
        (product) => product.categoryId,
      ),
    );
    expect([...keys].filter((key) => !NAMED_CATEGORIES.includes(key))).toEqual([]);
    for (const key of keys) {
      expect(wrongLanguageWords(categoryName(key, 'vi-VN'), 'vi-VN')).toEqual([]);
      expect(categoryName(key, 'en-US')).not.toBe(key);
    }
  });
});
