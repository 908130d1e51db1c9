import { afterEach, describe, expect, it } from 'vitest';
import type { ScanSuffix } from '../../../main/devices/scanner/scan-framer';
import { waitFor } from '../../helpers/wait-for';
import { startScannerHarness } from './scanner-harness';
import type { ScannerHarness } from './scanner-harness';

let harness: ScannerHarness | null = null;

async function start(options: Parameters<typeof startScannerHarness>[0] = {}) {
  harness = await startScannerHarness(options);
  return harness;
}

afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

describe('serial scanner on a pseudo-terminal: suffixes', () => {
  const suffixes: { suffix: ScanSuffix; terminator: string }[] = [
    { suffix: 'cr', terminator: '\r' },
    { suffix: 'lf', terminator: '\n' },
    { suffix: 'crlf', terminator: '\r\n' },
    { suffix: 'auto', terminator: '\r\n' },
    { suffix: 'auto', terminator: '\r' },
  ];
  for (const { suffix, terminator } of suffixes) {
    it(`${suffix} configured, scanner sends ${JSON.stringify(terminator)}: the scan arrives raw`, async () => {
      const h = await start({ suffix });
      await h.send(`8934567890123${terminator}`);
      const [scan] = await h.waitForScans(1);
      expect(scan).toMatchObject({ scannerId: 'scanner-1', raw: '8934567890123' });
      expect(Number.isNaN(Date.parse(scan?.at ?? ''))).toBe(false);
      expect(h.warnings).toEqual([]);
    });
  }
});

describe('serial scanner on a pseudo-terminal: framing', () => {
  it('one scan in three reads is reassembled', async () => {
    const h = await start({ suffix: 'cr' });
    await h.send('89345');
    await h.send('6789');
    expect(h.scans).toEqual([]);
    await h.send('0123\r');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['8934567890123']);
  });

  it('the terminator alone in the next read still ends the scan (CR | LF split)', async () => {
    const h = await start({ suffix: 'crlf' });
    await h.send('4006381333931\r');
    await h.send('\n');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['4006381333931']);
    expect(h.warnings).toEqual([]);
  });

  it('three scans in one read arrive as three events, in order', async () => {
    const h = await start();
    await h.send('111\r222\r\n333\n');
    expect((await h.waitForScans(3)).map((scan) => scan.raw)).toEqual(['111', '222', '333']);
  });

  it('passes the AIM prefix and GS separators through for the classifier', async () => {
    const h = await start();
    await h.send(']C10109501101530003\x1d10ABC123\r');
    expect((await h.waitForScans(1))[0]?.raw).toBe(']C10109501101530003\x1d10ABC123');
  });

  it('honours other line settings (19200 baud, 7E1)', async () => {
    const h = await start({ baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1 });
    await h.send('ABC-123\r');
    expect((await h.waitForScans(1))[0]?.raw).toBe('ABC-123');
  });
});

describe('serial scanner on a pseudo-terminal: bad input', () => {
  it('garbage on the line is reported, does not crash, and the next scan arrives', async () => {
    const h = await start();
    await h.send(Uint8Array.of(0x00, 0xff, 0x1b, 0x07));
    await h.waitForWarning('garbage');
    await h.send('12\x0734\r');
    await waitForCount(h, 'garbage', 2);
    await h.send('8934567890123\r');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['8934567890123']);
    expect(h.scanner.status().state).toBe('ready');
  });

  it('a half-received scan is discarded after the quiet-line timeout, never delivered', async () => {
    const h = await start({ interCharTimeoutMs: 80 });
    await h.send('40063813');
    const warning = await h.waitForWarning('incomplete');
    expect(warning).toMatchObject({ scannerId: 'scanner-1', detail: '40063813' });
    await h.send('4006381333931\r');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['4006381333931']);
  });

  it('a frame past the maximum length is dropped and reported', async () => {
    const h = await start({ maxLength: 32 });
    await h.send(`${'9'.repeat(100)}\r`);
    await h.waitForWarning('too-long');
    await h.send('42\r');
    expect((await h.waitForScans(1)).map((scan) => scan.raw)).toEqual(['42']);
  });
});

async function waitForCount(h: ScannerHarness, code: string, count: number): Promise<void> {
  await waitFor(() => h.warnings.filter((warning) => warning.code === code).length >= count, {
    description: `${count} '${code}' warnings`,
  });
}
