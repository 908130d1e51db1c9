/**
 * The Epson-style customer display command set that most 2 x 20 pole displays (VFD and LCD)
 * understand in their default "ESC/POS" mode.
 */

const ESC = 0x1b;
const US = 0x1f;

/** ESC @: back to power-on settings (clears the screen, default code table and mode). */
export const INITIALIZE = Uint8Array.of(ESC, 0x40);
/** CLR: clear the whole screen and put the cursor home. */
export const CLEAR_SCREEN = Uint8Array.of(0x0c);
/**
 * US MD1: overwrite mode. Writing the 20th character of the bottom line must not scroll the
 * screen (vertical scroll mode would push line 1 off).
 */
export const OVERWRITE_MODE = Uint8Array.of(US, 0x01);

/** ESC t n: select the character code table (n depends on the display model). */
export function selectCodeTable(table: number): Uint8Array {
  if (!Number.isInteger(table) || table < 0 || table > 255) {
    throw new RangeError(`code table must be a byte, got ${table}`);
  }
  return Uint8Array.of(ESC, 0x74, table);
}

/** US $ x y: cursor to column x (1-based) on row y (1-based). */
export function moveCursor(column: number, row: number): Uint8Array {
  return Uint8Array.of(US, 0x24, column, row);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** ASCII text to bytes; callers pass text already reduced to ASCII. */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code >= 0x20 && code <= 0x7e ? code : 0x3f; // '?' — never a control byte
  });
}
