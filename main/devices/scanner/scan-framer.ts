/**
 * Cuts a serial byte stream into scans. Pure (no I/O, no timers) so every framing rule is tested
 * on plain byte arrays; the serial adapter feeds it reads and tells it when the line went quiet.
 *
 * Serial reads do not follow scan boundaries: one scan may arrive in several reads and one read
 * may hold several scans, so bytes are collected until the configured terminator.
 */

export type ScanSuffix = 'cr' | 'lf' | 'crlf' | 'auto';

export interface ScanFramerOptions {
  /** The terminator the scanner is programmed to send. 'auto' accepts CR, LF or CR LF. */
  suffix?: ScanSuffix;
  /** Longest scan in bytes; longer frames are discarded (a stuck line must not grow forever). */
  maxLength?: number;
}

export type FramerWarningCode = 'garbage' | 'incomplete' | 'too-long';

export type FramerOutput =
  | { kind: 'scan'; raw: string }
  | { kind: 'warning'; code: FramerWarningCode; message: string; detail: string };

export const DEFAULT_MAX_SCAN_LENGTH = 4096;

const CR = 0x0d;
const LF = 0x0a;
/** GS separates GS1 element strings (FNC1); scanners send it inside the data. */
const GS = 0x1d;
const DETAIL_LIMIT = 64;

/** Printable ASCII, GS, and bytes of multi-byte UTF-8 (QR codes may carry non-ASCII text). */
function isDataByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === GS || byte >= 0x80;
}

/** ASCII, or a UTF-8 lead byte (continuation bytes and 0xC0, 0xC1, 0xF5–0xFF never lead). */
function canStartUtf8(byte: number): boolean {
  return byte < 0x80 || (byte >= 0xc2 && byte <= 0xf4);
}

/** Bytes made readable for a log line: printable ASCII as is, everything else as \xNN. */
export function describeBytes(bytes: readonly number[], limit = DETAIL_LIMIT): string {
  const shown = bytes
    .slice(0, limit)
    .map((byte) =>
      byte >= 0x20 && byte <= 0x7e && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, '0')}`,
    );
  return shown.join('') + (bytes.length > limit ? `… (${bytes.length} bytes)` : '');
}

export class ScanFramer {
  private readonly suffix: ScanSuffix;
  private readonly maxLength: number;
  // The frame being received.
  private frame: number[] = [];
  /**
   * Garbage came after data: the frame can no longer be trusted and is dropped at its end.
   * Holds the bytes from the first garbage byte on.
   */
  private corrupt: number[] | null = null;
  /** The frame passed maxLength: already reported, the rest until the terminator is skipped. */
  private tooLong = false;
  /** crlf mode: a CR arrived and the LF that completes the terminator has not yet. */
  private pendingCr = false;
  /** Noise before any data of a frame (line noise on plug-in): dropped, reported once. */
  private noise: number[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(options: ScanFramerOptions = {}) {
    this.suffix = options.suffix ?? 'auto';
    this.maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_LENGTH;
    if (!Number.isInteger(this.maxLength) || this.maxLength < 1) {
      throw new RangeError(`maxLength must be a positive integer, got ${this.maxLength}`);
    }
  }

  /** True while bytes of an unfinished scan are held (the caller runs its quiet-line timer). */
  get hasPartial(): boolean {
    return this.frame.length > 0 || this.pendingCr || this.corrupt !== null || this.tooLong;
  }

  push(chunk: Uint8Array): FramerOutput[] {
    const out: FramerOutput[] = [];
    for (const byte of chunk) {
      this.pushByte(byte, out);
    }
    this.flushNoise(out);
    return out;
  }

  /**
   * The line went quiet before the terminator: the half-received scan is dropped, never
   * delivered, because a truncated barcode can match another product.
   */
  discardPartial(): FramerOutput[] {
    const out: FramerOutput[] = [];
    this.flushNoise(out);
    const bytes = this.corrupt ? [...this.frame, ...this.corrupt] : this.frame;
    if (bytes.length > 0 && !this.tooLong) {
      out.push({
        kind: 'warning',
        code: 'incomplete',
        message: `A scan was cut off (no terminator arrived) and was discarded: ${bytes.length} bytes.`,
        detail: describeBytes(bytes),
      });
    }
    this.resetFrame();
    return out;
  }

  /** Forget everything silently (a fresh connection starts clean). */
  reset(): void {
    this.resetFrame();
    this.noise = [];
  }

  private pushByte(byte: number, out: FramerOutput[]): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      if (byte === LF) {
        this.endFrame(out);
        return;
      }
      // A lone CR in crlf mode is not a terminator: treat it like any other control byte.
      this.takeGarbage(CR);
    }
    if (this.isTerminator(byte)) {
      this.endFrame(out);
      return;
    }
    if (this.suffix === 'crlf' && byte === CR) {
      this.pendingCr = true;
      return;
    }
    // A byte that cannot start a UTF-8 character cannot start a scan either: line noise.
    if (!isDataByte(byte) || (this.frame.length === 0 && !canStartUtf8(byte))) {
      this.takeGarbage(byte);
      return;
    }
    this.flushNoise(out);
    if (this.tooLong) return;
    if (this.corrupt) {
      // Kept (bounded) only so the warning shows the whole damaged frame in order.
      if (this.corrupt.length < this.maxLength) this.corrupt.push(byte);
      return;
    }
    if (this.frame.length >= this.maxLength) {
      this.tooLong = true;
      out.push({
        kind: 'warning',
        code: 'too-long',
        message: `A scan longer than ${this.maxLength} bytes was discarded.`,
        detail: describeBytes(this.frame),
      });
      this.frame = [];
      return;
    }
    this.frame.push(byte);
  }

  private isTerminator(byte: number): boolean {
    switch (this.suffix) {
      case 'cr':
        return byte === CR;
      case 'lf':
        return byte === LF;
      case 'auto':
        return byte === CR || byte === LF;
      case 'crlf':
        return false;
    }
  }

  private takeGarbage(byte: number): void {
    if (this.tooLong) return;
    if (this.frame.length === 0 && this.corrupt === null) {
      this.noise.push(byte);
    } else if (this.corrupt === null) {
      this.corrupt = [byte];
    } else if (this.corrupt.length < this.maxLength) {
      this.corrupt.push(byte);
    }
  }

  private flushNoise(out: FramerOutput[]): void {
    if (this.noise.length === 0) return;
    out.push({
      kind: 'warning',
      code: 'garbage',
      message: `Ignored ${this.noise.length} byte(s) that are not barcode data (line noise or a wrong serial setting).`,
      detail: describeBytes(this.noise),
    });
    this.noise = [];
  }

  private endFrame(out: FramerOutput[]): void {
    this.flushNoise(out);
    const frame = this.frame;
    const corrupt = this.corrupt;
    const tooLong = this.tooLong;
    this.resetFrame();
    if (tooLong) return;
    if (corrupt) {
      out.push({
        kind: 'warning',
        code: 'garbage',
        message:
          'A scan was discarded because it contained bytes a barcode cannot hold (check the baud rate and parity).',
        detail: describeBytes([...frame, ...corrupt]),
      });
      return;
    }
    // An empty frame is the second half of CR LF in auto mode, or a stray terminator.
    if (frame.length === 0) return;
    try {
      out.push({ kind: 'scan', raw: this.decoder.decode(Uint8Array.from(frame)) });
    } catch {
      out.push({
        kind: 'warning',
        code: 'garbage',
        message: 'A scan was discarded because it is not valid text (check the serial settings).',
        detail: describeBytes(frame),
      });
    }
  }

  private resetFrame(): void {
    this.frame = [];
    this.corrupt = null;
    this.tooLong = false;
    this.pendingCr = false;
  }
}
