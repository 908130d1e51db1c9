import { describe, expect, it } from 'vitest';
import type { ReturnDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { buildReturnReceipt } from '../../../src/receipt/builders/return-receipt';
import { layoutReceipt, layoutText } from '../../../src/receipt/receipt-layout';

const RETURN: ReturnDoc = {
  id: 'ret_01RECEIPT',
  storeId: 'hn-hk',
  registerId: 'reg-01',
  deviceId: 'dev_1',
  staffId: 'staff_tuan',
  original: { documentId: 'ord_01ORDER', channel: 'web', storeId: 'hcm-q1' },
  customerId: 'cust_1',
  currency: 'VND',
  lines: [
    {
      originalLineId: 'l1',
      productId: 'prod_SKU000001',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      categoryId: 'drinks',
      quantity: 1,
      refund: minor(25_000),
      tax: minor(1_852),
      taxRateId: 'vat8',
      rateBp: 800,
      reason: 'Khách đổi ý',
      restock: true,
    },
    {
      originalLineId: 'l2',
      productId: 'prod_SKU000002',
      sku: 'SKU000002',
      name: 'Bánh mì sandwich',
      categoryId: 'bakery',
      quantity: 1,
      refund: minor(22_000),
      tax: minor(1_630),
      taxRateId: 'vat8',
      rateBp: 800,
      reason: 'Hỏng',
      restock: false,
    },
  ],
  totals: { refund: minor(47_000), taxable: minor(43_518), tax: minor(3_482) },
  taxBreakdown: [],
  tenders: [
    {
      kind: 'card',
      originalTenderId: 'online-payment',
      covers: minor(40_000),
      amount: minor(40_000),
      originalApprovalCode: 'AP123',
    },
    { kind: 'cash', originalTenderId: 'pick_1', covers: minor(7_000), amount: minor(7_000) },
  ],
  cashRoundingAdjustment: minor(0),
  loyalty: { pointsEarnedReversed: 4, pointsRedeemedReturned: 0 },
  status: 'completed',
  createdAt: '2026-11-23T03:00:00.000Z',
  completedAt: '2026-11-23T03:00:00.000Z',
};

const base = {
  header: ['Omnitill Hoàn Kiếm', '8 Hàng Bài'],
  footer: ['Cảm ơn quý khách!'],
  storeName: 'Omnitill Hoàn Kiếm',
  currency: 'VND' as const,
  now: new Date('2026-11-23T03:00:00.000Z'),
};

describe('the return receipt', () => {
  it('names the original and its store, each line and where it went, the refund per tender', () => {
    const receipt = buildReturnReceipt({
      ...base,
      locale: 'vi-VN',
      returnDoc: RETURN,
      originalLabel: 'W-ORDER01',
      staffName: 'Phạm Anh Tuấn',
      approverName: 'Lê Thu Hà',
      customer: { name: 'Nguyễn Văn An' },
    });
    expect(receipt).toMatchObject({ documentId: 'ret_01RECEIPT', kind: 'return' });
    const text = layoutText(layoutReceipt(receipt, 42)).join('\n');
    expect(text).toContain('PHIẾU TRẢ HÀNG');
    expect(text).toContain('Hóa đơn gốc: W-ORDER01 (hcm-q1)');
    expect(text).toContain('Quản lý duyệt: Lê Thu Hà');
    expect(text).toMatch(/nhập lại kho - Khách đổi ý/);
    expect(text).toMatch(/hàng lỗi - Hỏng/);
    expect(text).toMatch(/TỔNG HOÀN TRẢ\s+47\.000/);
    expect(text).toMatch(/Hoàn về thẻ\s+40\.000\n\s*mã duyệt gốc AP123/);
    expect(text).toMatch(/Hoàn tiền mặt\s+7\.000/);
    expect(text).toContain('Điểm bị trừ: -4');
    expect(receipt.blocks).toContainEqual({
      kind: 'qr',
      value: 'OMNITILL:RETURN:ret_01RECEIPT',
      cellSize: 4,
    });
    expect(receipt.blocks).toContainEqual({
      kind: 'barcode',
      symbology: 'CODE128',
      value: 'ret_01RECEIPT',
      showText: true,
    });
  });

  it('prints an exchange as store credit to spend, in English', () => {
    const exchange: ReturnDoc = {
      ...RETURN,
      exchangeSaleId: 'sale_NEXT',
      tenders: [{ kind: 'store-credit', covers: minor(47_000), amount: minor(47_000) }],
      loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    };
    const receipt = buildReturnReceipt({
      ...base,
      locale: 'en-US',
      returnDoc: exchange,
      copy: true,
    });
    expect(receipt).toMatchObject({ kind: 'exchange', copy: true });
    const text = layoutText(layoutReceipt(receipt, 48)).join('\n');
    expect(text).toContain('EXCHANGE RECEIPT');
    expect(text).toMatch(/Store credit\s+47,000\n\s*ret_01RECEIPT/);
    expect(text).toContain('Use this credit to pay for the exchanged goods');
    expect(text).not.toContain('Points taken back');
  });
});
