/**
 * The one suite every receipt printer transport must pass (TCP, serial, USB device file): the
 * bytes the printer receives are decoded back and checked as a printer would read them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildTestReceipt,
  VIETNAMESE_LETTERS,
  VIETNAMESE_SAMPLE,
} from '../../../../src/receipt/builders/test-receipt';
import { createReceiptPrinter } from '../../../../main/devices/printer/escpos-printer';
import type { EscPosPrinter } from '../../../../main/devices/printer/escpos-printer';
import type { PrinterSettingsInput } from '../../../../main/devices/printer/printer-settings';
import { jobEvents, printedLines } from './escpos-decoder';
import type { EscPosEvent } from './escpos-decoder';
import { PAPER_OUT } from './fake-printer-peer';
import type { PrinterHarness } from './printer-harnesses';

const receipt = buildTestReceipt({
  storeName: 'Cửa hàng Omnitill',
  locale: 'vi-VN',
  currency: 'VND',
  now: new Date('2025-03-04T05:06:07Z'),
  documentId: 'sale_TEST0001',
});

function printerFor(
  harness: PrinterHarness,
  settings: Omit<PrinterSettingsInput, 'url'> = {},
): EscPosPrinter {
  const created = createReceiptPrinter({ url: harness.url, timeoutMs: 2000, ...settings });
  if (!created.ok) throw new Error(created.message);
  return created.value;
}

const kinds = (events: readonly EscPosEvent[]): string[] => events.map((e) => e.kind);

export function describePrinterDriver(
  transport: string,
  makeHarness: () => Promise<PrinterHarness>,
): void {
  describe(`receipt printer over ${transport}`, () => {
    let harness: PrinterHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('prints the test receipt in Windows-1258 on 80 mm: ESC @ first, table 52, Vietnamese intact, cut', async () => {
      const result = await printerFor(harness, { paperWidth: 80, codepage: 'cp1258' }).print(
        receipt,
      );
      expect(result).toMatchObject({ ok: true, value: { unmapped: [] } });
      const events = jobEvents(await harness.captured());
      expect(events[0]).toEqual({ kind: 'init' });
      expect(events).toContainEqual({ kind: 'code-table', n: 52 });
      const lines = printedLines(events).map((l) => l.trim());
      expect(lines).toContain(VIETNAMESE_SAMPLE);
      expect(lines).toContain(VIETNAMESE_LETTERS);
      expect(lines).toContain('IN THỬ / TEST PRINT');
      expect(events).toContainEqual({ kind: 'barcode', type: 73, data: 'OMNITILL-TEST' });
      expect(events).toContainEqual({ kind: 'qr', data: 'omnitill:test:sale_TEST0001' });
      expect(kinds(events)).toContain('cut');
    });

    it('prints TCVN-3 on 58 mm, switching to the capitals table for capitals', async () => {
      const result = await printerFor(harness, { paperWidth: 58, codepage: 'tcvn3' }).print(
        receipt,
      );
      expect(result.ok).toBe(true);
      const events = jobEvents(await harness.captured());
      expect(events[0]).toEqual({ kind: 'init' });
      expect(events).toContainEqual({ kind: 'code-table', n: 30 });
      expect(events).toContainEqual({ kind: 'code-table', n: 31 });
      const lines = printedLines(events);
      expect(lines.map((l) => l.trim())).toContain(VIETNAMESE_SAMPLE);
      expect(lines.map((l) => l.trim())).toContain(VIETNAMESE_LETTERS);
      for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(32);
    });

    it('kicks the drawer with ESC p exactly as configured, in 2 ms units', async () => {
      const printer = printerFor(harness, { drawer: { pin: 2, onMs: 50, offMs: 500 } });
      expect(await printer.kickDrawer()).toEqual({ ok: true, value: null });
      expect(await printer.kickDrawer(5, 100, 200)).toEqual({ ok: true, value: null });
      const drawerEvents = (events: EscPosEvent[]): EscPosEvent[] =>
        events.filter((e) => e.kind === 'drawer');
      const events = await harness.captured((e) => drawerEvents(e).length >= 2);
      expect(drawerEvents(events)).toEqual([
        { kind: 'drawer', bytes: [0x1b, 0x70, 0x00, 0x19, 0xfa] },
        { kind: 'drawer', bytes: [0x1b, 0x70, 0x01, 0x32, 0x64] },
      ]);
      expect(kinds(jobEvents(events))).not.toContain('init');
    });

    it('prints raster text on 58 mm as 384-dot GS v 0 images, with no code table', async () => {
      const result = await printerFor(harness, { paperWidth: 58, mode: 'raster' }).print(receipt);
      expect(result.ok).toBe(true);
      const events = jobEvents(await harness.captured());
      expect(events[0]).toEqual({ kind: 'init' });
      const images = events.filter((e) => e.kind === 'raster');
      expect(images.length).toBeGreaterThan(10);
      for (const image of images) expect(image).toMatchObject({ widthBytes: 48 });
      expect(images.every((image) => image.kind === 'raster' && image.blackDots > 0)).toBe(true);
      expect(kinds(events)).not.toContain('code-table');
      expect(kinds(events)).toContain('cut');
    });

    it('reports the printer ready', async () => {
      const status = await printerFor(harness).status();
      expect(status).toMatchObject({ kind: 'printer', state: 'ready' });
    });

    it('reports paper out from DLE EOT and does not send the job', async () => {
      if (!harness.readsStatus || !harness.peer) return;
      harness.peer.status = PAPER_OUT;
      const printer = printerFor(harness);
      const result = await printer.print(receipt);
      expect(result).toMatchObject({ ok: false, code: 'paper-out', canRetry: true });
      expect(result.ok ? '' : result.message).toMatch(/out of paper/);
      expect(await printer.status()).toMatchObject({ state: 'paper-out' });
      expect(kinds(jobEvents(await harness.captured(() => true)))).not.toContain('init');
    });
  });
}
