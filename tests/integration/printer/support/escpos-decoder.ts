/**
 * Reads an ESC/POS byte stream back into commands and text lines, the way a printer would, so
 * tests assert on what the printer prints rather than on byte offsets. Text is decoded with
 * the code table selected at that point (ESC t), using the decoders from src/receipt/encoding.
 */
import { decodeTable } from '../../../../src/receipt/encoding/vietnamese-encoding';
import type { CodeTable } from '../../../../src/receipt/encoding/encoded-text';

export type EscPosEvent =
  | { kind: 'init' }
  | { kind: 'code-table'; n: number }
  | { kind: 'line'; text: string }
  | { kind: 'cut'; bytes: number[] }
  | { kind: 'drawer'; bytes: number[] }
  | { kind: 'status-query'; n: number }
  | { kind: 'raster'; widthBytes: number; height: number; blackDots: number }
  | { kind: 'barcode'; type: number; data: string }
  | { kind: 'qr'; data: string }
  | { kind: 'command'; bytes: number[] };

const TABLES: Record<number, CodeTable> = { 52: 'cp1258', 30: 'tcvn3', 31: 'tcvn3-capitals' };
const ONE_ARG_ESC = new Set([0x21, 0x45, 0x2d, 0x61, 0x64, 0x4d, 0x33, 0x4a, 0x7b, 0x47, 0x52]);
const ONE_ARG_GS = new Set([0x42, 0x48, 0x66, 0x77, 0x68, 0x21, 0x4c]);

export function decodeEscPos(input: Uint8Array | readonly number[]): EscPosEvent[] {
  const bytes = Array.from(input);
  const events: EscPosEvent[] = [];
  let table: CodeTable | null = null;
  let pendingText: { table: CodeTable | null; bytes: number[] }[] = [];
  const at = (i: number): number => {
    const value = bytes[i];
    if (value === undefined) throw new Error(`ESC/POS stream ends inside a command at byte ${i}.`);
    return value;
  };
  const flushLine = (): void => {
    const text = pendingText
      .map((run) =>
        run.table === null ? String.fromCharCode(...run.bytes) : decodeTable(run.bytes, run.table),
      )
      .join('');
    events.push({ kind: 'line', text });
    pendingText = [];
  };
  const addText = (byte: number): void => {
    const last = pendingText[pendingText.length - 1];
    if (last && last.table === table) last.bytes.push(byte);
    else pendingText.push({ table, bytes: [byte] });
  };
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      flushLine();
      i += 1;
    } else if (b === 0x10 && bytes[i + 1] === 0x04) {
      events.push({ kind: 'status-query', n: at(i + 2) });
      i += 3;
    } else if (b === 0x1b) {
      const c = at(i + 1);
      if (c === 0x40) {
        events.push({ kind: 'init' });
        table = null;
        i += 2;
      } else if (c === 0x74) {
        const n = at(i + 2);
        events.push({ kind: 'code-table', n });
        table = TABLES[n] ?? null;
        i += 3;
      } else if (c === 0x70) {
        events.push({ kind: 'drawer', bytes: bytes.slice(i, i + 5) });
        i += 5;
      } else if (c === 0x32) {
        events.push({ kind: 'command', bytes: [b, c] });
        i += 2;
      } else if (ONE_ARG_ESC.has(c)) {
        events.push({ kind: 'command', bytes: bytes.slice(i, i + 3) });
        i += 3;
      } else {
        throw new Error(`Unknown ESC command 0x${c.toString(16)} at byte ${i}.`);
      }
    } else if (b === 0x1d) {
      const c = at(i + 1);
      if (c === 0x56) {
        const m = at(i + 2);
        const length = m === 65 || m === 66 ? 4 : 3;
        events.push({ kind: 'cut', bytes: bytes.slice(i, i + length) });
        i += length;
      } else if (c === 0x6b) {
        const m = at(i + 2);
        if (m <= 6) {
          const end = bytes.indexOf(0, i + 3);
          events.push({
            kind: 'barcode',
            type: m,
            data: String.fromCharCode(...bytes.slice(i + 3, end)),
          });
          i = end + 1;
        } else {
          const n = at(i + 3);
          const data = bytes.slice(i + 4, i + 4 + n);
          const text = String.fromCharCode(...data);
          events.push({ kind: 'barcode', type: m, data: m === 73 ? text.slice(2) : text });
          i += 4 + n;
        }
      } else if (c === 0x28 && at(i + 2) === 0x6b) {
        const length = at(i + 3) + at(i + 4) * 256;
        const body = bytes.slice(i + 5, i + 5 + length);
        if (body[0] === 0x31 && body[1] === 0x50) {
          events.push({ kind: 'qr', data: String.fromCharCode(...body.slice(3)) });
        } else {
          events.push({ kind: 'command', bytes: bytes.slice(i, i + 5 + length) });
        }
        i += 5 + length;
      } else if (c === 0x76 && at(i + 2) === 0x30) {
        const widthBytes = at(i + 4) + at(i + 5) * 256;
        const height = at(i + 6) + at(i + 7) * 256;
        const data = bytes.slice(i + 8, i + 8 + widthBytes * height);
        if (data.length !== widthBytes * height) throw new Error('Raster image is cut short.');
        const blackDots = data.reduce((sum, byte) => sum + popcount(byte), 0);
        events.push({ kind: 'raster', widthBytes, height, blackDots });
        i += 8 + widthBytes * height;
      } else if (ONE_ARG_GS.has(c)) {
        events.push({ kind: 'command', bytes: bytes.slice(i, i + 3) });
        i += 3;
      } else {
        throw new Error(`Unknown GS command 0x${c.toString(16)} at byte ${i}.`);
      }
    } else if (b < 0x20) {
      throw new Error(`Unexpected control byte 0x${b.toString(16)} at byte ${i}.`);
    } else {
      addText(b);
      i += 1;
    }
  }
  if (pendingText.length > 0) flushLine();
  return events;
}

function popcount(byte: number): number {
  let count = 0;
  for (let v = byte; v > 0; v >>= 1) count += v & 1;
  return count;
}

/** The printed text lines, trailing padding removed. */
export function printedLines(events: readonly EscPosEvent[]): string[] {
  return events.flatMap((e) => (e.kind === 'line' ? [e.text.trimEnd()] : []));
}

/** The events of the print jobs, without the real-time status questions asked before them. */
export function jobEvents(events: readonly EscPosEvent[]): EscPosEvent[] {
  return events.filter((e) => e.kind !== 'status-query');
}
