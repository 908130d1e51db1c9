import { describe, expect, it } from 'vitest';
import { ScanFramer } from '../../../main/devices/scanner/scan-framer';
import type { FramerOutput, ScanSuffix } from '../../../main/devices/scanner/scan-framer';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

function feed(framer: ScanFramer, ...chunks: (string | Uint8Array)[]): FramerOutput[] {
  return chunks.flatMap((chunk) => framer.push(typeof chunk === 'string' ? bytes(chunk) : chunk));
}

const scans = (outputs: FramerOutput[]): string[] =>
  outputs.flatMap((output) => (output.kind === 'scan' ? [output.raw] : []));
const warnings = (outputs: FramerOutput[]): string[] =>
  outputs.flatMap((output) => (output.kind === 'warning' ? [output.code] : []));

/** Every way of cutting a string in two, plus one byte at a time. */
function chunkings(text: string): string[][] {
  const cuts = [...Array(text.length + 1).keys()].map((at) => [text.slice(0, at), text.slice(at)]);
  return [[text], ...cuts, [...text]];
}

describe('scan framer: suffixes × chunking', () => {
  const cases: { suffix: ScanSuffix; wire: string }[] = [
    { suffix: 'cr', wire: '8934567890123\r4006381333931\r' },
    { suffix: 'lf', wire: '8934567890123\n4006381333931\n' },
    { suffix: 'crlf', wire: '8934567890123\r\n4006381333931\r\n' },
    { suffix: 'auto', wire: '8934567890123\r4006381333931\r' },
    { suffix: 'auto', wire: '8934567890123\n4006381333931\n' },
    { suffix: 'auto', wire: '8934567890123\r\n4006381333931\r\n' },
  ];
  for (const { suffix, wire } of cases) {
    it(`${suffix} suffix, ${JSON.stringify(wire.slice(13, 15))} on the wire, any chunking: two scans, no warning`, () => {
      for (const chunks of chunkings(wire)) {
        const outputs = feed(new ScanFramer({ suffix }), ...chunks);
        expect(scans(outputs), JSON.stringify(chunks)).toEqual(['8934567890123', '4006381333931']);
        expect(warnings(outputs)).toEqual([]);
      }
    });
  }
});

describe('scan framer: what passes through', () => {
  it('keeps the AIM symbology prefix and GS separators for the classifier', () => {
    const raw = ']C10109501101530003\x1d10ABC123';
    expect(scans(feed(new ScanFramer(), `${raw}\r`))).toEqual([raw]);
  });

  it('decodes UTF-8 text from a QR code', () => {
    const framer = new ScanFramer();
    const outputs = framer.push(new TextEncoder().encode('Cà phê sữa\n'));
    expect(scans(outputs)).toEqual(['Cà phê sữa']);
  });

  it('ignores empty frames (a bare terminator)', () => {
    expect(feed(new ScanFramer({ suffix: 'cr' }), '\r\r123\r')).toEqual([
      { kind: 'scan', raw: '123' },
    ]);
  });
});

describe('scan framer: damaged input is reported, never delivered', () => {
  it('line noise before a scan is dropped with one warning, the scan survives', () => {
    const outputs = feed(new ScanFramer(), Uint8Array.of(0x00, 0xff, 0x07, 0x80), '12345\r');
    expect(warnings(outputs)).toEqual(['garbage']);
    expect(scans(outputs)).toEqual(['12345']);
  });

  it('a control byte inside a scan discards that scan, the next one arrives', () => {
    const outputs = feed(new ScanFramer(), '1234\x07567\r', '890\r');
    expect(warnings(outputs)).toEqual(['garbage']);
    expect(scans(outputs)).toEqual(['890']);
  });

  it('invalid UTF-8 inside a scan discards it', () => {
    const outputs = feed(new ScanFramer(), Uint8Array.of(0x41, 0xc3, 0x28, 0x0d));
    expect(warnings(outputs)).toEqual(['garbage']);
    expect(scans(outputs)).toEqual([]);
  });

  it('crlf mode: a lone CR is not a terminator and spoils the scan', () => {
    const outputs = feed(new ScanFramer({ suffix: 'crlf' }), '123\r456\r\n', '789\r\n');
    expect(warnings(outputs)).toEqual(['garbage']);
    expect(scans(outputs)).toEqual(['789']);
  });

  it('cr mode: the LF of a CR LF scanner is reported as noise', () => {
    const outputs = feed(new ScanFramer({ suffix: 'cr' }), '123\r\n456\r');
    expect(scans(outputs)).toEqual(['123', '456']);
    expect(warnings(outputs)).toEqual(['garbage']);
  });

  it('a frame past maxLength is reported once and skipped up to its terminator', () => {
    const framer = new ScanFramer({ maxLength: 8 });
    const outputs = feed(framer, '123456789012', '345678\r', '42\r');
    expect(warnings(outputs)).toEqual(['too-long']);
    expect(scans(outputs)).toEqual(['42']);
  });

  it('a half-received scan is discarded on demand, with its bytes in the warning', () => {
    const framer = new ScanFramer();
    expect(feed(framer, '400638')).toEqual([]);
    expect(framer.hasPartial).toBe(true);
    const outputs = framer.discardPartial();
    expect(outputs).toEqual([
      expect.objectContaining({ kind: 'warning', code: 'incomplete', detail: '400638' }),
    ]);
    expect(framer.hasPartial).toBe(false);
    expect(scans(feed(framer, '123\r'))).toEqual(['123']);
  });

  it('rejects a nonsensical maxLength', () => {
    expect(() => new ScanFramer({ maxLength: 0 })).toThrow(RangeError);
  });
});
