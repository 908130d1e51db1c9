/**
 * Is a piece of UI text in the wrong language? The rule the i18n tests share (issue #18):
 * - In the Vietnamese UI, a word is English when it is plain ASCII and cannot be a Vietnamese
 *   syllable written without its marks (an initial from Vietnamese's set, one vowel group, a
 *   Vietnamese final), or when it is a common English word that happens to spell like one
 *   ("not", "set", "up"). Loanwords and names people use as they are (PIN, VietQR, online) are
 *   allowed.
 * - In the English UI, a word with a Vietnamese letter or tone mark is Vietnamese.
 * Numbers, codes (anything with a digit, ALL-CAPS abbreviations) and the data removed by the
 * caller (product, customer, staff and store names) are not judged.
 */
export type UiLocale = 'vi-VN' | 'en-US';

/** Words both UIs may show unchanged: brands, loanwords, units, abbreviations in lower case. */
const EITHER_LANGUAGE = new Set(
  [
    'omnitill',
    'vietqr',
    'pin',
    'ok',
    'sku',
    'plu',
    'qr',
    'pos',
    'email',
    'e-mail',
    'online',
    'offline',
    'kg',
    'g',
    'ml',
    'x',
    'z',
    'csv',
    'id',
    'usb',
    'tcp',
    'wifi',
    'web',
    'app',
    'ean',
    'gtin',
    'vnd',
    'visa',
    'mastercard',
    'napas',
    'momo',
    'zalopay',
    'vnpay',
    'zalo',
    'sms',
    'gram',
    'mm',
    'esc',
    'del',
    'enter',
    'vd',
  ].map((word) => word.toLowerCase()),
);

/** English words that also spell a Vietnamese syllable without marks; judged English in vi. */
const ENGLISH_LOOKALIKES = new Set([
  'no',
  'not',
  'set',
  'up',
  'on',
  'at',
  'it',
  'as',
  'or',
  'of',
  'by',
  'be',
  'but',
  'can',
  'cash',
  'card',
  'code',
  'done',
  'due',
  'get',
  'go',
  'let',
  'log',
  'more',
  'none',
  'one',
  'open',
  'pay',
  'sale',
  'save',
  'so',
  'tap',
  'tax',
  'time',
  'use',
  'we',
  'you',
  'your',
  'yes',
  'fail',
  'full',
  'hold',
  'line',
  'lines',
  'low',
  'new',
  'note',
  'out',
  'sent',
  'stock',
  'store',
  'total',
  'void',
]);

const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];
const VOWELS =
  /^(uye|uya|uyu|ieu|yeu|uoi|uou|oai|oay|oao|oeo|uay|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)/;
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Could this ASCII word be a Vietnamese syllable written without diacritics? */
export function couldBeVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  for (const initial of INITIALS) {
    if (!lower.startsWith(initial)) continue;
    const rest = lower.slice(initial.length);
    const vowel = VOWELS.exec(rest)?.[0];
    if (!vowel) continue;
    // The longest vowel group may swallow a final's letter; try every shorter split too.
    for (let length = vowel.length; length >= 1; length--) {
      if (FINALS.has(rest.slice(length))) return true;
    }
  }
  return false;
}

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * Words a person reads: technical tokens (a path, a device address, a file name, a key=value)
 * are examples to copy, and tokens with a digit are codes or amounts (reg-01, W-10001, 250ml):
 * in no language, they are dropped.
 */
function words(text: string): string[] {
  const prose = text
    .split(/\s+/)
    .filter((token) => !/[/\\=_\d]|\p{L}\.\p{L}/u.test(token))
    .join(' ');
  return (prose.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []).map((word) =>
    word.replace(/['’-]+$/, ''),
  );
}

/** A word any UI may show as it is: a brand, loanword, unit, or an abbreviation in capitals. */
function isNeutral(word: string): boolean {
  return (
    EITHER_LANGUAGE.has(word.toLowerCase()) || (word.length <= 5 && word === word.toUpperCase())
  );
}

/** True when a text has no word of either language (only names, units, codes). */
export function isLanguageNeutral(text: string): boolean {
  return words(text).every(isNeutral);
}

/** The words of a text that are in the wrong language for `locale`. */
export function wrongLanguageWords(text: string, locale: UiLocale): string[] {
  return words(text).filter((word) => {
    if (locale === 'en-US') return VIETNAMESE_LETTER.test(word) && !isNeutral(word);
    if (VIETNAMESE_LETTER.test(word) || isNeutral(word)) return false;
    const lower = word.toLowerCase();
    if (ENGLISH_LOOKALIKES.has(lower)) return true;
    return lower.split('-').some((part) => part !== '' && !couldBeVietnameseSyllable(part));
  });
}
