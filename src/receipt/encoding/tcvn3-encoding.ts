/**
 * TCVN 5712 "VN3" (TCVN-3) as Epson printers hold it: one table with the precomposed small
 * letters (ESC t 30) and a second one with the capitals at the same positions (ESC t 31). VN3
 * has no combining marks, so a capital is printed by switching to the capitals table for it;
 * characters neither table holds (₫, €, letters of other languages) become '?'.
 */
import { RunBuilder, isPrintableAscii } from './encoded-text';
import type { CodeTable, EncodedText } from './encoded-text';

/** Runs of consecutive positions: [first byte, letters]. Small letters (table "TCVN-3 1"). */
const SMALL_RUNS: readonly (readonly [number, string])[] = [
  [0xa8, 'ăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặầẩẫấậè'],
  [0xce, 'ẻẽéẹềểễếệìỉ'],
  [0xdc, 'ĩíịò'],
  [0xe1, 'ỏõóọồổỗốộờởỡớợù'],
  [0xf1, 'ủũúụừửữứựỳỷỹýỵ'],
];

/**
 * Capitals (table "TCVN-3 2"): the toned capitals sit where their small letters do; the plain
 * base capitals sit at 0xA1, 0xA2, 0xA7 and 0xAA..0xAD in Epson's chart.
 */
const CAPITAL_RUNS: readonly (readonly [number, string])[] = [
  [0xa1, 'ĂÂ'],
  [0xa7, 'Đ'],
  [0xaa, 'ÊÔƠƯ'],
  ...SMALL_RUNS.slice(1).map(([byte, letters]) => [byte, letters.toUpperCase()] as const),
];

function tableOf(runs: readonly (readonly [number, string])[]): Map<string, number> {
  const table = new Map<string, number>();
  for (const [first, letters] of runs) {
    Array.from(letters).forEach((letter, offset) => table.set(letter, first + offset));
  }
  return table;
}

const SMALL = tableOf(SMALL_RUNS);
const CAPITALS = tableOf(CAPITAL_RUNS);
const SMALL_BYTES = new Map([...SMALL].map(([letter, byte]) => [byte, letter]));
const CAPITAL_BYTES = new Map([...CAPITALS].map(([letter, byte]) => [byte, letter]));

export function encodeTcvn3(text: string): EncodedText {
  const out = new RunBuilder();
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0) ?? -1;
    const small = SMALL.get(character);
    const capital = CAPITALS.get(character);
    if (isPrintableAscii(codePoint)) out.pushAscii(codePoint, 'tcvn3');
    else if (small !== undefined) out.push('tcvn3', small);
    else if (capital !== undefined) out.push('tcvn3-capitals', capital);
    else out.replace(character, 'tcvn3');
  }
  return out.build();
}

export function decodeTcvn3(bytes: Iterable<number>, table: CodeTable): string {
  const letters = table === 'tcvn3-capitals' ? CAPITAL_BYTES : SMALL_BYTES;
  let text = '';
  for (const byte of bytes) {
    text += byte < 0x80 ? String.fromCharCode(byte) : (letters.get(byte) ?? '\ufffd');
  }
  return text;
}
