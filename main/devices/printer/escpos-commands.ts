/**
 * The ESC/POS bytes Omnitill writes itself rather than take from node-thermal-printer: the
 * library sends no ESC @ at job start, and its drawer kick (ESC p m without t1 t2) is shorter
 * than the command the ESC/POS reference defines, so printers read the next bytes as pulse times.
 */
import type { CodeTable } from '../../../src/receipt/encoding/encoded-text';
import type { DrawerPin, DrawerSettings, PrinterCommandSet } from './printer-settings';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

/** ESC @: clears the buffer and every mode a previous job (or another program) left set. */
export const INITIALIZE = Uint8Array.of(ESC, 0x40);

/** Epson's ESC t numbers for the Vietnamese tables (TM-T20/T88 technical references). */
export const EPSON_CODE_TABLES: Readonly<Record<CodeTable, number>> = {
  cp1258: 52,
  tcvn3: 30,
  'tcvn3-capitals': 31,
};

export function selectCodeTable(commandSet: PrinterCommandSet, table: number): Uint8Array {
  // Star line mode selects tables with ESC GS t n.
  return commandSet === 'star'
    ? Uint8Array.of(ESC, GS, 0x74, table)
    : Uint8Array.of(ESC, 0x74, table);
}

/** Milliseconds to the 2 ms units of ESC p, clamped to one byte (at least one unit). */
export function toPulseUnits(ms: number): number {
  return Math.min(255, Math.max(1, Math.round(ms / 2)));
}

/**
 * ESC p m t1 t2: pulse on connector pin 2 (m = 0) or pin 5 (m = 1) for t1 x 2 ms, then wait
 * t2 x 2 ms. Star line mode uses ESC BEL n1 n2 (10 ms units) to set the pulse, then BEL to
 * drive device 1 (pin 2) or SUB for device 2 (pin 5).
 */
export function drawerKick(commandSet: PrinterCommandSet, drawer: DrawerSettings): Uint8Array {
  if (commandSet === 'star') {
    const on = Math.min(127, Math.max(1, Math.round(drawer.onMs / 10)));
    const off = Math.min(127, Math.max(1, Math.round(drawer.offMs / 10)));
    return Uint8Array.of(ESC, 0x07, on, off, drawer.pin === 2 ? 0x07 : 0x1a);
  }
  return Uint8Array.of(
    ESC,
    0x70,
    pinSelector(drawer.pin),
    toPulseUnits(drawer.onMs),
    toPulseUnits(drawer.offMs),
  );
}

function pinSelector(pin: DrawerPin): number {
  return pin === 2 ? 0 : 1;
}

/** DLE EOT n: real-time status, answered even while the printer is busy or offline. */
export function realTimeStatus(n: 1 | 2 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

/**
 * GS v 0 m xL xH yL yH d1...dk: one raster bit image, `widthBytes` x 8 dots wide, rows of
 * packed bits, most significant bit leftmost, 1 = black.
 */
export function rasterImage(widthBytes: number, height: number, bits: Uint8Array): Uint8Array {
  if (bits.length !== widthBytes * height) {
    throw new RangeError(`Raster data is ${bits.length} bytes, expected ${widthBytes * height}.`);
  }
  const header = Uint8Array.of(
    GS,
    0x76,
    0x30,
    0,
    widthBytes & 0xff,
    (widthBytes >> 8) & 0xff,
    height & 0xff,
    (height >> 8) & 0xff,
  );
  const out = new Uint8Array(header.length + bits.length);
  out.set(header, 0);
  out.set(bits, header.length);
  return out;
}
