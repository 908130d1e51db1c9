/**
 * Most pole displays only hold ASCII (or a Western code page without Vietnamese letters), so
 * text is reduced to plain ASCII: "Cà phê sữa" → "Ca phe sua", đ → d. Reading "Ca phe sua" is
 * fine for a customer; mojibake is not.
 */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  // The dong sign: Vietnamese write "25.000đ", so "d" reads naturally.
  '₫': 'd',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '…': '...',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '×': 'x',
  '·': '.',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
};

/**
 * Plain ASCII, one character per display cell. Control characters become spaces so that text
 * from the catalog can never smuggle a display command (ESC, CLR…) onto the line; anything
 * without an ASCII look-alike becomes '?'.
 */
export function toDisplayAscii(text: string): string {
  let out = '';
  // NFD splits a letter from its accents (ữ → u + horn + tilde); the marks are then dropped.
  for (const char of text.normalize('NFD')) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) {
      out += char;
    } else if (/\p{M}/u.test(char)) {
      continue;
    } else if (/\s/u.test(char) || code < 0x20 || code === 0x7f) {
      out += ' ';
    } else {
      out += REPLACEMENTS[char] ?? '?';
    }
  }
  return out;
}
