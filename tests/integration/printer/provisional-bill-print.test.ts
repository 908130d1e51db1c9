/**
 * The provisional bill on paper: built by src/receipt from the code the payment panel shows,
 * encoded by the ESC/POS job builder the printer drivers use, and read back as the printer would.
 * The QR command stores exactly the VietQR payload (so a banking app scanning the paper pays the
 * same transfer), the Vietnamese store name and "not paid" come out as printed text.
 */
import { describe, expect, it } from 'vitest';
import { buildJobBytes } from '../../../main/devices/printer/escpos-job';
import { resolvePrinterSettings } from '../../../main/devices/printer/printer-settings';
import { minor } from '../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../src/pricing';
import { buildProvisionalBill, layoutReceipt } from '../../../src/receipt';
import { makeTransferCode } from '../../../renderer/sell/payment/bank-transfer';
import { cart, NOW, SALE_ID, storeSettings } from '../../unit/renderer/sale-fixtures';
import { decodeVietQr } from '../../unit/payments/emv-reader';
import { decodeEscPos, printedLines } from './support/escpos-decoder';

async function printedBill(paperWidth: 58 | 80) {
  const made = await makeTransferCode(
    {
      bankBin: '970436',
      bankName: 'Vietcombank',
      accountNumber: '0011000123456',
      accountName: 'CONG TY OMNITILL',
    },
    minor(72_000),
    'Omnitill Quận 1',
  );
  if (!made.ok) throw new Error(made.reason);
  const settings = storeSettings();
  const items = cart();
  const receipt = buildProvisionalBill({
    documentId: SALE_ID,
    storeName: 'Omnitill Quận 1',
    locale: 'vi-VN',
    currency: 'VND',
    now: new Date(NOW),
    cart: items,
    priced: priceCart(items, pricingContextFromSettings(settings, NOW)),
    transfer: made.code,
  });
  const printer = resolvePrinterSettings({ url: 'tcp://127.0.0.1:9100', paperWidth });
  const job = await buildJobBytes(layoutReceipt(receipt, printer.columns), printer, null);
  return { code: made.code, events: decodeEscPos(job.bytes) };
}

describe('the provisional bill on an ESC/POS printer', () => {
  it.each([58, 80] as const)(
    'stores the VietQR payload in the QR command on %i mm',
    async (width) => {
      const { code, events } = await printedBill(width);
      const qr = events.filter((event) => event.kind === 'qr');
      expect(qr).toEqual([{ kind: 'qr', data: code.payload }]);
      const decoded = decodeVietQr(qr[0]?.kind === 'qr' ? qr[0].data : '');
      expect(decoded.crcOk).toBe(true);
      expect(decoded.root.get('54')).toBe('72000');
      expect(decoded.additional.get('08')).toContain(code.reference);
    },
  );

  it('prints the store name with its diacritics, the title, "not paid" and the reference', async () => {
    const { code, events } = await printedBill(80);
    const lines = printedLines(events).map((text) => text.trim());
    expect(lines).toContain('Omnitill Quận 1');
    expect(lines).toContain('PHIẾU TẠM TÍNH');
    expect(lines).toContain('CHƯA THANH TOÁN');
    expect(lines).toContain('Ngân hàng: Vietcombank (970436)');
    expect(lines).toContain(`Nội dung: ${code.reference}`);
    // Printed before its QR code, and the paper is cut after it.
    const qrAt = events.findIndex((event) => event.kind === 'qr');
    const nameAt = events.findIndex(
      (event) => event.kind === 'line' && event.text.trim() === 'Omnitill Quận 1',
    );
    expect(nameAt).toBeGreaterThanOrEqual(0);
    expect(nameAt).toBeLessThan(qrAt);
    expect(events.slice(qrAt).some((event) => event.kind === 'cut')).toBe(true);
  });
});
