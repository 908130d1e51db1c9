/**
 * The e-invoice code on paper: a sale of a store that issues e-invoices, its receipt built by
 * src/receipt from the store settings and encoded by the ESC/POS job builder the printer drivers
 * use, read back as the printer would. The code is a printed line whole on 58 and 80 mm paper,
 * the lookup address is a QR code after the one that finds the sale; a voided sale prints neither.
 */
import { describe, expect, it } from 'vitest';
import { buildJobBytes } from '../../../main/devices/printer/escpos-job';
import { resolvePrinterSettings } from '../../../main/devices/printer/printer-settings';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { layoutReceipt, storeSaleReceipt } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { cart, NOW, SALE_ID, storeSettings } from '../../unit/renderer/sale-fixtures';
import { decodeEscPos, printedLines } from './support/escpos-decoder';

const LOOKUP = 'https://hoadon.example.vn/tra-cuu?ma=M1-26-AB12C-00300000123';

function settings(): StoreSettingsDoc {
  return {
    ...storeSettings(),
    einvoice: {
      from: '2026-11-01',
      sellerBlock: 'AB12C',
      series: 'AA',
      registers: [{ registerId: 'reg-01', number: 3 }],
      lookupUrl: 'https://hoadon.example.vn/tra-cuu?ma={code}',
    },
  };
}

function sale(): SaleDoc {
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
    receiptSequence: 123,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function printed(printedSale: SaleDoc, paperWidth: 58 | 80) {
  const printer = resolvePrinterSettings({ url: 'tcp://127.0.0.1:9100', paperWidth });
  const receipt = storeSaleReceipt(printedSale, settings());
  const job = await buildJobBytes(layoutReceipt(receipt, printer.columns), printer, null);
  return decodeEscPos(job.bytes);
}

describe('the e-invoice code on a printed sale receipt', () => {
  it.each([58, 80] as const)('prints the code and the lookup QR on %i mm paper', async (width) => {
    const events = await printed(sale(), width);
    const lines = printedLines(events).map((text) => text.trim());
    expect(lines).toContain('Mã hóa đơn điện tử');
    expect(lines).toContain('M1-26-AB12C-00300000123');
    const qrs = events.flatMap((event) => (event.kind === 'qr' ? [event.data] : []));
    expect(qrs).toHaveLength(2);
    expect(qrs[1]).toBe(LOOKUP);
    // The address as text too, for a phone without a QR reader: broken over lines, never cut.
    expect(lines.join('')).toContain(LOOKUP);
  });

  it('prints no code and no lookup QR for a voided sale', async () => {
    const completed = sale();
    const voided: SaleDoc = {
      ...completed,
      status: 'voided',
      void: { voidedAt: NOW, voidedBy: 'staff_minh', reason: 'wrong items' },
    };
    const events = await printed(voided, 80);
    const lines = printedLines(events);
    expect(lines.some((text) => text.includes('M1-26-AB12C'))).toBe(false);
    expect(events.filter((event) => event.kind === 'qr')).toHaveLength(1);
  });
});
