/** The sale receipt (src/receipt/builders/sale-receipt.ts), read as the printer would lay it out. */
import { describe, expect, it } from 'vitest';
import { COPY_HEADER, buildSaleReceipt, layoutReceipt, layoutText } from '../../../src/receipt';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';
import { cart, NOW, SALE_ID, storeSettings } from './sale-fixtures';

function saleWith(tenders: TenderInput[], customer = false) {
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: NOW,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(),
    cart: { ...cart(), orderDiscount: { kind: 'percent', percentBp: 500 } },
    tenders,
    ...(customer ? { customer: { id: 'cust_1', tier: null, availablePoints: 10 } } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed;
}

function receiptText(copy = false, customer = false): { text: string[]; blocks: unknown[] } {
  const completed = saleWith(
    [
      { tenderId: 't1', kind: 'card', amount: minor(20_000), approvalCode: 'APP123' },
      { tenderId: 't2', kind: 'cash', amount: minor(100_000) },
    ],
    customer,
  );
  const settings = storeSettings();
  const receipt = buildSaleReceipt({
    sale: completed.sale,
    storeName: settings.name,
    locale: 'vi-VN',
    currency: 'VND',
    now: new Date(NOW),
    header: settings.receipt.header,
    footer: settings.receipt.footer,
    taxKinds: { vat8: 'rate' },
    staffName: 'Nguyễn Thị Lan',
    ...(customer ? { customer: { name: 'Trần Thị Mai', cardNumber: 'LC00000001' } } : {}),
    pointsBalance: completed.pointsAfter,
    copy,
  });
  return { text: layoutText(layoutReceipt(receipt, 48)), blocks: receipt.blocks };
}

describe('the sale receipt', () => {
  it('prints the store header, lines with quantity and price, totals, VAT, tenders and change', () => {
    const { text } = receiptText();
    const all = text.join('\n');
    expect(all).toContain('Omnitill Quận 1');
    expect(all).toContain('HÓA ĐƠN BÁN HÀNG');
    expect(all).toContain('Cà phê sữa đá Sài Gòn Xanh 250ml');
    expect(all).toMatch(/2 x 25\.000 +50\.000/);
    expect(all).toMatch(/Giảm giá \(Giảm giá đơn 5%\) +-3\.600/);
    expect(all).toMatch(/TỔNG CỘNG +68\.400/);
    expect(all).toMatch(/Thẻ \(mã duyệt APP123\) +20\.000/);
    expect(all).toMatch(/Tiền mặt +100\.000/);
    // 48,400 left in cash, rounded to 48,500 by the store's 500 ₫ cash rounding.
    expect(all).toMatch(/Tiền thừa +51\.500/);
    expect(all).toMatch(/Thuế GTGT \(đã gồm trong giá\) *\n8% +[\d.]+ +[\d.]+\n/);
    expect(all).toContain('Cảm ơn quý khách! Hẹn gặp lại.');
  });

  it('carries the sale id as a Code 128 and an OMNITILL QR code, then cuts', () => {
    const { blocks } = receiptText();
    expect(blocks).toContainEqual({
      kind: 'barcode',
      symbology: 'CODE128',
      value: SALE_ID,
      showText: true,
    });
    expect(blocks).toContainEqual({ kind: 'qr', value: `OMNITILL:SALE:${SALE_ID}`, cellSize: 4 });
    expect(blocks[blocks.length - 1]).toEqual({ kind: 'cut' });
  });

  it("shows the customer's points earned and balance", () => {
    const all = receiptText(false, true).text.join('\n');
    expect(all).toContain('Khách hàng: Trần Thị Mai (LC00000001)');
    expect(all).toMatch(/Điểm cộng +\+6/);
    expect(all).toMatch(/Điểm hiện có +16/);
  });

  it('marks a reprint as a copy', () => {
    expect(receiptText(true).text[0]?.trim()).toBe(COPY_HEADER);
    expect(receiptText(false).text[0]?.trim()).not.toBe(COPY_HEADER);
  });
});
