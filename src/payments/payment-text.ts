/**
 * Transfer text as banks carry it: the purpose of a VietQR payment (tag 62, sub-tag 08) is
 * EMVCo "ans" text, and Vietnamese bank apps pass on ASCII only, so diacritics are taken off
 * before the text goes into the code (and a notification's content is compared the same way).
 */

/** đ and Đ are letters of their own, not a base letter with a combining mark: NFD leaves them. */
const STANDALONE: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D' };

/**
 * Vietnamese (or any Latin) text as plain printable ASCII: "Cà phê sữa đá" → "Ca phe sua da".
 * Marks are dropped, đ/Đ become d/D, anything still outside printable ASCII becomes a space,
 * and runs of spaces collapse.
 */
export function asciiTransferText(text: string): string {
  return text
    .replace(/[đĐ]/g, (letter) => STANDALONE[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The text cut to at most `max` characters, at a word boundary when one is close. */
export function fitTransferText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space >= max - 8 && space > 0 ? cut.slice(0, space) : cut).trimEnd();
}
