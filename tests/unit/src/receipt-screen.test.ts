/**
 * The on-screen receipt (issue #18) is the printed one: receiptScreenLines reads the printer's own
 * layout, so for a sale (discount, weighed line, split tender with change), a return and a pickup
 * the screen's text lines are the lines the printer prints, and a reprint is the same receipt
 * headed BẢN SAO / COPY.
 */
import { describe, expect, it } from 'vitest';
import { FakeReceiptPrinter } from '../../../main/devices/printer/fake-receipt-printer';
import type { PickupDoc, ReturnDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import {
  COPY_HEADER,
  buildPickupSlip,
  buildReturnReceipt,
  receiptScreenLines,
  SCREEN_COLUMNS,
  storeSaleReceipt,
} from '../../../src/receipt';
import type { Receipt } from '../../../src/receipt';
import { completeSale } from '../../../src/sales';
import { omniTranslator } from '../../../renderer/i18n/use-omni-translate';
import { pickupPaymentRows } from '../../../renderer/lookup/document-receipts';
import { cart, line, NOW, SALE_ID, storeSettings } from '../renderer/sale-fixtures';

async function printedLines(receipt: Receipt): Promise<string[]> {
  const printer = new FakeReceiptPrinter(SCREEN_COLUMNS);
  const result = await printer.print(receipt);
  expect(result.ok).toBe(true);
  return printer.printed[0]?.lines ?? [];
}

const screenText = (receipt: Receipt): string[] =>
  receiptScreenLines(receipt).flatMap((l) => (l.kind === 'text' ? [l.text] : []));

function sale() {
  const settings = storeSettings();
  const weighed = { ...line('line_w', 1), pricing: 'weight' as const, grams: 750 };
  const result = completeSale({
    saleId: SALE_ID,
    createdAt: NOW,
    completedAt: NOW,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings,
    cart: {
      lines: [...cart().lines, weighed],
      orderDiscount: { kind: 'percent', percentBp: 500 },
    },
    tenders: [
      { tenderId: 't1', kind: 'card', amount: minor(20_000), approvalCode: 'APP123' },
      { tenderId: 't2', kind: 'cash', amount: minor(200_000) },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  return { sale: result.completed.sale, settings };
}

const ORDER: WebOrderDoc = {
  id: 'ord_01VIEW',
  orderNumber: 'W-VIEW0001',
  customerId: 'cust_1',
  channel: 'web',
  pickupStoreId: 'hcm-q1',
  currency: 'VND',
  lines: [
    {
      lineId: 'l1',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      quantity: 2,
      unitPrice: minor(25_000),
      lineTotal: minor(50_000),
      taxRateBp: 800,
    },
  ],
  total: minor(50_000),
  prepaid: minor(0),
  status: 'ready-for-pickup',
  placedAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-23T01:00:00.000Z',
};

const PICKUP: PickupDoc = {
  id: 'pick_01VIEW',
  orderId: ORDER.id,
  storeId: 'hcm-q1',
  deviceId: 'dev_1',
  staffId: 'staff_lan',
  lines: [{ lineId: 'l1', quantity: 1 }],
  amountCollected: minor(25_000),
  tenders: [
    {
      kind: 'cash',
      tenderId: 'cash-1',
      amount: minor(50_000),
      applied: minor(25_000),
      rounding: minor(0),
      change: minor(25_000),
    },
  ],
  createdAt: '2026-11-23T03:00:00.000Z',
};

const RETURN: ReturnDoc = {
  id: 'ret_01VIEW',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  deviceId: 'dev_1',
  staffId: 'staff_lan',
  original: { documentId: SALE_ID, channel: 'store', storeId: 'hcm-q1' },
  currency: 'VND',
  lines: [
    {
      originalLineId: 'line_a',
      productId: 'prod_SKU000001',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      categoryId: 'drinks',
      quantity: 1,
      refund: minor(23_750),
      tax: minor(1_759),
      taxRateId: 'vat8',
      rateBp: 800,
      reason: 'Khách đổi ý',
      restock: true,
    },
  ],
  totals: { refund: minor(23_750), taxable: minor(21_991), tax: minor(1_759) },
  taxBreakdown: [],
  tenders: [{ kind: 'cash', originalTenderId: 't2', covers: minor(23_750), amount: minor(23_750) }],
  cashRoundingAdjustment: minor(0),
  loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
  status: 'completed',
  createdAt: '2026-11-23T03:00:00.000Z',
  completedAt: '2026-11-23T03:00:00.000Z',
};

const counter = {
  header: ['Omnitill Quận 1'],
  footer: ['Cảm ơn quý khách!'],
  storeName: 'Omnitill Quận 1',
  locale: 'vi-VN' as const,
  currency: 'VND' as const,
  now: new Date('2026-11-23T03:00:00.000Z'),
};

describe('the on-screen receipt', () => {
  it('shows a sale with a discount, a weighed line and a split tender with change as printed', async () => {
    const { sale: done, settings } = sale();
    expect(done.payment.change).toBeGreaterThan(0);
    const receipt = storeSaleReceipt(done, settings, { staffName: 'Nguyễn Thị Lan' });
    const screen = screenText(receipt);
    expect(screen).toEqual(await printedLines(receipt));
    const all = screen.join('\n');
    expect(all).toContain('APP123');
    expect(all).toMatch(/0,750 kg x 22\.000\/kg/);
    // The receipt's codes are shown as the text they encode, as the printer's layout has them.
    const codes = receiptScreenLines(receipt).filter((l) => l.kind === 'code');
    expect(codes.length).toBeGreaterThan(0);
  });

  it('shows a return receipt as printed', async () => {
    const receipt = buildReturnReceipt({ ...counter, returnDoc: RETURN, staffName: 'Lan' });
    const screen = screenText(receipt);
    expect(screen).toEqual(await printedLines(receipt));
    expect(screen.join('\n')).toContain('PHIẾU TRẢ HÀNG');
  });

  it('shows a pickup slip as printed, with the payment and change read back from the pickup', async () => {
    const payment = pickupPaymentRows(PICKUP, omniTranslator('vi-VN'));
    expect(payment).toEqual([
      { label: 'Tiền mặt', amount: 50_000 },
      { label: 'Tiền thừa', amount: 25_000 },
    ]);
    const receipt = buildPickupSlip({
      ...counter,
      order: ORDER,
      pickup: PICKUP,
      remaining: [{ lineId: 'l1', quantity: 1 }],
      payment,
    });
    const screen = screenText(receipt);
    expect(screen).toEqual(await printedLines(receipt));
    expect(screen.join('\n')).toContain('W-VIEW0001');
  });

  it('marks a reprint BẢN SAO / COPY above the same lines', async () => {
    const { sale: done, settings } = sale();
    const receipt = storeSaleReceipt(done, settings);
    const copy = await printedLines({ ...receipt, copy: true });
    expect(copy[0]?.trim()).toBe(COPY_HEADER);
    expect(copy.slice(2)).toEqual(screenText(receipt));
  });
});
