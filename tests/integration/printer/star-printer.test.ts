/**
 * STAR line mode, checked on the bytes: ESC @ first, raster text (Star has no Vietnamese code
 * page), Star's cut, and the drawer pulse as ESC BEL n1 n2 then BEL (drawer 1) or SUB (drawer 2).
 * Also: a missing raster font is reported, not silently replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestReceipt } from '../../../src/receipt/builders/test-receipt';
import { createReceiptPrinter } from '../../../main/devices/printer/escpos-printer';
import { tcpHarness } from './support/printer-harnesses';
import type { PrinterHarness } from './support/printer-harnesses';

const receipt = buildTestReceipt({
  storeName: 'Omnitill',
  locale: 'vi-VN',
  currency: 'VND',
  now: new Date('2025-03-04T05:06:07Z'),
  documentId: 'sale_STAR01',
});

function indexOf(haystack: readonly number[], needle: readonly number[]): number {
  for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    if (needle.every((byte, offset) => haystack[i + offset] === byte)) return i;
  }
  return -1;
}

let harness: PrinterHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe('STAR printer', () => {
  it('asks for raster mode instead of pretending to have a Vietnamese code page', () => {
    const created = createReceiptPrinter({ url: 'tcp://127.0.0.1:9100', type: 'star' });
    expect(created).toMatchObject({ ok: false, code: 'bad-request' });
    expect(created.ok ? '' : created.message).toMatch(/raster/);
  });

  it('prints raster text with ESC @ first and a Star cut, and pulses drawer 2', async () => {
    harness = await tcpHarness();
    const peer = harness.peer;
    if (!peer) throw new Error('The TCP harness has a peer.');
    const created = createReceiptPrinter({
      url: harness.url,
      type: 'star',
      mode: 'raster',
      paperWidth: 58,
    });
    if (!created.ok) throw new Error(created.message);
    expect(await created.value.print(receipt)).toMatchObject({ ok: true });
    expect(await created.value.kickDrawer(5, 100, 200)).toEqual({ ok: true, value: null });
    const drawer = [0x1b, 0x07, 10, 20, 0x1a];
    await peer.waitFor((received) => indexOf(received, drawer) >= 0);
    expect(peer.received.slice(0, 2)).toEqual([0x1b, 0x40]);
    expect(indexOf(peer.received, [0x1b, 0x64, 0x02])).toBeGreaterThan(0);
    expect(indexOf(peer.received, [0x10, 0x04])).toBe(-1);
  });

  it('reports a missing raster font in words instead of printing with another font', async () => {
    harness = await tcpHarness();
    const created = createReceiptPrinter({
      url: harness.url,
      mode: 'raster',
      fontPath: '/nonexistent/DejaVuSansMono.ttf',
    });
    if (!created.ok) throw new Error(created.message);
    const result = await created.value.print(receipt);
    expect(result).toMatchObject({ ok: false, code: 'not-configured', canRetry: false });
    expect(result.ok ? '' : result.message).toMatch(/receipt font .* is missing/);
  });
});
