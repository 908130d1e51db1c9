/**
 * The receipt number on paper: a numbered sale's receipt, built by src/receipt and encoded by
 * the ESC/POS job builder the printer drivers use, read back as the printer would. The number is
 * printed double size under the title; the long sale id is only inside the barcode and QR code
 * (a return still finds the sale by scanning), never printed as text.
 */
import { describe, expect, it } from 'vitest';
import { buildJobBytes } from '../../../main/devices/printer/escpos-job';
import { resolvePrinterSettings } from '../../../main/devices/printer/printer-settings';
import { minor } from '../../../src/money';
import { buildSaleReceipt, layoutReceipt } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { cart, NOW, SALE_ID, storeSettings } from '../../unit/renderer/sale-fixtures';
import { decodeEscPos, printedLines } from './support/escpos-decoder';
import type { EscPosEvent } from './support/escpos-decoder';

function sale(receiptSequence?: number) {
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: NOW,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: cart(),
    tenders: [{ tenderId: 't1', kind: 'cash', amount: minor(200_000) }],
    ...(receiptSequence === undefined ? {} : { receiptSequence }),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function printed(receiptSequence: number | undefined, paperWidth: 58 | 80) {
  const settings = storeSettings();
  const receipt = buildSaleReceipt({
    sale: sale(receiptSequence),
    storeName: settings.name,
    locale: 'vi-VN',
    currency: 'VND',
    now: new Date(NOW),
    header: settings.receipt.header,
    footer: settings.receipt.footer,
  });
  const printer = resolvePrinterSettings({ url: 'tcp://127.0.0.1:9100', paperWidth });
  const job = await buildJobBytes(layoutReceipt(receipt, printer.columns), printer, null);
  return decodeEscPos(job.bytes);
}

/** The size in force for the line at `index`: the last ESC ! before it (0x30: double). */
function sizeBefore(events: readonly EscPosEvent[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.kind === 'command' && event.bytes[0] === 0x1b && event.bytes[1] === 0x21) {
      return event.bytes[2] ?? 0;
    }
  }
  return 0;
}

describe('the receipt number on a printed sale receipt', () => {
  it.each([58, 80] as const)('prints Q1-01-000123 double size on %i mm paper', async (width) => {
    const events = await printed(123, width);
    const lines = printedLines(events);
    expect(lines.some((text) => text.trim() === 'Số HĐ')).toBe(true);
    const index = events.findIndex(
      (event) => event.kind === 'line' && event.text.trim() === 'Q1-01-000123',
    );
    expect(index).toBeGreaterThan(0);
    expect(sizeBefore(events, index) & 0x30).toBe(0x30);
    // The long id stays internal: in the codes a scanner reads, not in the text.
    expect(lines.filter((text) => text.includes(SALE_ID))).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'barcode' }));
    const barcode = events.find((event) => event.kind === 'barcode');
    expect(barcode?.kind === 'barcode' && barcode.data.includes(SALE_ID)).toBe(true);
  });

  it('prints the sale id as before for a sale made before receipt numbers', async () => {
    const lines = printedLines(await printed(undefined, 80));
    expect(lines.some((text) => text.includes(`Số HĐ: ${SALE_ID}`))).toBe(true);
  });
});
