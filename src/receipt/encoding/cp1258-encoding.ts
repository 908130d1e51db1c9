/**
 * Windows-1258 (Epson "WPC1258", ESC t 52). It has the Vietnamese base letters (ă â ê ô ơ ư đ)
 * and five combining tone marks, but only some toned letters precomposed, so a letter such as
 * "ậ" is sent as its base letter "â" followed by the combining dot below. Letters the table holds
 * precomposed ("á", "é") are sent as one byte: the same text, and one cell fewer on printers
 * that print a combining mark in a cell of its own.
 */
import { RunBuilder, isPrintableAscii } from './encoded-text';
import type { EncodedText } from './encoded-text';

/** Windows-1258 is Latin-1 above 0xA0 except for these positions. */
const DIFFERENCES_FROM_LATIN1: readonly (readonly [number, number])[] = [
  [0xc3, 0x0102], // Ă
  [0xcc, 0x0300], // combining grave (huyền)
  [0xd0, 0x0110], // Đ
  [0xd2, 0x0309], // combining hook above (hỏi)
  [0xd5, 0x01a0], // Ơ
  [0xdd, 0x01af], // Ư
  [0xde, 0x0303], // combining tilde (ngã)
  [0xe3, 0x0103], // ă
  [0xec, 0x0301], // combining acute (sắc)
  [0xf0, 0x0111], // đ
  [0xf2, 0x0323], // combining dot below (nặng)
  [0xf5, 0x01a1], // ơ
  [0xfd, 0x01b0], // ư
  [0xfe, 0x20ab], // ₫
];

/** 0x80..0x9F: punctuation as in Windows-1252; the unassigned positions stay unmapped. */
const HIGH_PUNCTUATION: readonly (readonly [number, number])[] = [
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9f, 0x0178],
];

const TONE_MARKS = new Set([0x0300, 0x0301, 0x0303, 0x0309, 0x0323]);

const BYTE_TO_CODE_POINT = new Map<number, number>();
for (let byte = 0xa0; byte <= 0xff; byte += 1) BYTE_TO_CODE_POINT.set(byte, byte);
for (const [byte, codePoint] of [...DIFFERENCES_FROM_LATIN1, ...HIGH_PUNCTUATION]) {
  BYTE_TO_CODE_POINT.set(byte, codePoint);
}
const CODE_POINT_TO_BYTE = new Map<number, number>();
for (const [byte, codePoint] of BYTE_TO_CODE_POINT) CODE_POINT_TO_BYTE.set(codePoint, byte);

function byteFor(character: string): number | undefined {
  const codePoint = character.codePointAt(0) ?? -1;
  if (isPrintableAscii(codePoint)) return codePoint;
  return CODE_POINT_TO_BYTE.get(codePoint);
}

export function encodeCp1258(text: string): EncodedText {
  const out = new RunBuilder();
  for (const character of text.normalize('NFC')) {
    const direct = byteFor(character);
    if (direct !== undefined) {
      out.push('cp1258', direct);
      continue;
    }
    const bytes = decomposeToCp1258(character);
    if (bytes) for (const byte of bytes) out.push('cp1258', byte);
    else out.replace(character, 'cp1258');
  }
  return out.build();
}

/**
 * Splits a letter into the base letter Windows-1258 holds (with its circumflex, breve or horn)
 * and the tone mark as a combining byte. NFD orders the dot below before the circumflex, so the
 * marks are sorted into "shape" and "tone" rather than taken as a prefix.
 */
function decomposeToCp1258(character: string): number[] | null {
  const [base, ...marks] = Array.from(character.normalize('NFD'));
  if (base === undefined) return null;
  const shapeMarks = marks.filter((m) => !TONE_MARKS.has(m.codePointAt(0) ?? -1));
  const toneMarks = marks.filter((m) => TONE_MARKS.has(m.codePointAt(0) ?? -1));
  const shaped = (base + shapeMarks.join('')).normalize('NFC');
  if (Array.from(shaped).length !== 1) return null;
  const baseByte = byteFor(shaped);
  if (baseByte === undefined) return null;
  const toneBytes = toneMarks.map((m) => CODE_POINT_TO_BYTE.get(m.codePointAt(0) ?? -1));
  if (toneBytes.some((b) => b === undefined)) return null;
  return [baseByte, ...(toneBytes as number[])];
}

/** Back to Unicode (NFC), for previews and for tests that read what a printer was sent. */
export function decodeCp1258(bytes: Iterable<number>): string {
  let text = '';
  for (const byte of bytes) {
    const codePoint = byte < 0x80 ? byte : BYTE_TO_CODE_POINT.get(byte);
    text += codePoint === undefined ? '\ufffd' : String.fromCodePoint(codePoint);
  }
  return text.normalize('NFC');
}
