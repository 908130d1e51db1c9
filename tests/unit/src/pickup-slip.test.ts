import { describe, expect, it } from 'vitest';
import type { PickupDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { buildPickupSlip } from '../../../src/receipt/builders/pickup-slip';
import { layoutReceipt, layoutText } from '../../../src/receipt/receipt-layout';

const ORDER: WebOrderDoc = {
  id: 'ord_01SLIP',
  orderNumber: 'W-SLIP0001',
  customerId: 'cust_1',
  channel: 'web',
  pickupStoreId: 'hcm-q1',
  currency: 'VND',
  lines: [
    {
      lineId: 'l1',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      quantity: 3,
      unitPrice: minor(25_000),
      lineTotal: minor(70_000),
      taxRateBp: 800,
    },
    {
      lineId: 'l2',
      sku: 'SKU000002',
      name: 'Bánh mì sandwich',
      quantity: 1,
      unitPrice: minor(22_000),
      lineTotal: minor(22_000),
      taxRateBp: 800,
    },
  ],
  total: minor(92_000),
  prepaid: minor(0),
  status: 'ready-for-pickup',
  placedAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-23T01:00:00.000Z',
};

const PICKUP: PickupDoc = {
  id: 'pick_01SLIP',
  orderId: ORDER.id,
  storeId: 'hcm-q1',
  deviceId: 'dev_1',
  staffId: 'staff_lan',
  lines: [{ lineId: 'l1', quantity: 2 }],
  amountCollected: minor(46_667),
  createdAt: '2026-11-23T03:00:00.000Z',
};

const base = {
  order: ORDER,
  pickup: PICKUP,
  header: ['Omnitill Quận 1'],
  footer: ['Cảm ơn quý khách!'],
  storeName: 'Omnitill Quận 1',
  currency: 'VND' as const,
  now: new Date('2026-11-23T03:00:00.000Z'),
};

describe('the pickup slip', () => {
  it('shows what left the store now, what is still to collect and what was paid here', () => {
    const slip = buildPickupSlip({
      ...base,
      locale: 'vi-VN',
      remaining: [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l2', quantity: 1 },
      ],
      customerName: 'Nguyễn Văn An',
      staffName: 'Nguyễn Thị Lan',
      payment: [
        { label: 'Tiền mặt', amount: minor(50_000) },
        { label: 'Tiền thừa', amount: minor(3_333) },
      ],
    });
    expect(slip).toMatchObject({ documentId: 'pick_01SLIP', kind: 'pickup' });
    const text = layoutText(layoutReceipt(slip, 42)).join('\n');
    expect(text).toContain('PHIẾU GIAO HÀNG ĐẶT ONLINE');
    expect(text).toContain('Đơn hàng: W-SLIP0001');
    expect(text).toMatch(/Cà phê sữa đá\s+2\s+46\.667/);
    expect(text).toContain('Còn lại chờ nhận');
    expect(text).toContain('1 x Bánh mì sandwich');
    expect(text).toMatch(/Thu tại quầy\s+46\.667/);
    expect(text).toContain('Tiền thừa: 3.333');
    expect(slip.blocks).toContainEqual({
      kind: 'qr',
      value: 'OMNITILL:ORDER:ord_01SLIP',
      cellSize: 4,
    });
  });

  it('says when the order is collected in full, in English', () => {
    const slip = buildPickupSlip({
      ...base,
      order: { ...ORDER, prepaid: ORDER.total },
      pickup: { ...PICKUP, amountCollected: minor(0) },
      locale: 'en-US',
      remaining: [
        { lineId: 'l1', quantity: 0 },
        { lineId: 'l2', quantity: 0 },
      ],
    });
    const text = layoutText(layoutReceipt(slip, 32)).join('\n');
    expect(text).toContain('Order collected in full');
    expect(text).toMatch(/Paid online\s+92,000/);
  });
});
