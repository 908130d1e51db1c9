import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import {
  buildXReportReceipt,
  buildZReportReceipt,
  layoutReceipt,
  layoutText,
} from '../../../src/receipt';
import { closeShift, openShift, recordCashMove, xReport } from '../../../src/shifts';
import type { ShiftMovements, TenderMovement } from '../../../src/shifts';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1) + minute * 60_000).toISOString();

const shift = openShift({
  id: 'shift_01',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  deviceId: 'dev_1',
  currency: 'VND',
  openedAt: at(0),
  openedBy: 'staff_ha',
  openingFloat: minor(500_000),
});
const sales: TenderMovement[] = [
  {
    id: 's1:0',
    shiftId: 'shift_01',
    kind: 'sale',
    tender: 'cash',
    amount: minor(50_000),
    createdAt: at(10),
  },
  {
    id: 's2:0',
    shiftId: 'shift_01',
    kind: 'sale',
    tender: 'card',
    amount: minor(22_000),
    createdAt: at(20),
  },
];
const paidOut = recordCashMove(
  shift,
  {
    id: 'cash_1',
    kind: 'paid-out',
    amount: minor(30_000),
    staffId: 'staff_ha',
    reason: 'Mua đá',
    createdAt: at(30),
  },
  { tenderMovements: sales, cashMoves: [] },
);
const movements: ShiftMovements = { tenderMovements: sales, cashMoves: [paidOut] };
const context = {
  storeName: 'Omnitill Quận 1',
  locale: 'vi-VN' as const,
  currency: 'VND' as const,
  now: new Date(at(60)),
  header: ['Omnitill Quận 1', '12 Lê Lợi'],
  staffNames: { staff_ha: 'Lê Thu Hà' },
};
const text = (receipt: Parameters<typeof layoutReceipt>[0]) =>
  layoutText(layoutReceipt(receipt, 42)).join('\n');

describe('X and Z report receipts', () => {
  it('prints the X report: opening, sales, cash moves and what each tender should hold', () => {
    const receipt = buildXReportReceipt(xReport(shift, movements, at(40)), context);
    expect(receipt).toMatchObject({ documentId: 'shift_01', kind: 'x-report' });
    const printed = text(receipt);
    expect(printed).toContain('BÁO CÁO X (GIỮA CA)');
    expect(printed).toContain('Người mở: Lê Thu Hà');
    expect(printed).toMatch(/Tiền đầu ca\s+500\.000/);
    expect(printed).toMatch(/Chi khác\s+-30\.000/);
    expect(printed).toMatch(/Tiền mặt \(2 giao dịch\)[\s\S]*Dự kiến\s+520\.000/);
    expect(printed).toMatch(/TỔNG DỰ KIẾN\s+542\.000/);
    expect(receipt.blocks.at(-1)).toEqual({ kind: 'cut' });
  });

  it('prints the gift cards sold on a line of their own, when the shift sold any', () => {
    expect(text(buildXReportReceipt(xReport(shift, movements, at(40)), context))).not.toContain(
      'Thẻ quà tặng đã bán',
    );
    const withCards: ShiftMovements = {
      ...movements,
      giftCardSales: [
        { id: 's1', shiftId: 'shift_01', count: 1, amount: minor(40_000), createdAt: at(10) },
      ],
    };
    const printed = text(buildXReportReceipt(xReport(shift, withCards, at(40)), context));
    expect(printed).toMatch(/TỔNG DỰ KIẾN\s+542\.000/);
    expect(printed).toMatch(/Thẻ quà tặng đã bán \(1\)\s+40\.000/);
    expect(printed).toContain('(không phải doanh thu; đã tính trong Bán)');
  });

  it('prints the Z report with counted and over/short per tender, signs shown', () => {
    const { report, shift: closed } = closeShift(
      shift,
      movements,
      [
        { tender: 'cash', total: minor(515_000) },
        { tender: 'card', total: minor(22_500) },
      ],
      { closedAt: at(50), closedBy: 'staff_ha' },
    );
    const receipt = buildZReportReceipt(report, {
      ...context,
      closedBy: closed.closing?.closedBy ?? '',
    });
    expect(receipt.kind).toBe('z-report');
    const printed = text(receipt);
    expect(printed).toContain('BÁO CÁO Z (KẾT CA)');
    expect(printed).toContain('Người kết: Lê Thu Hà');
    expect(printed).toMatch(/Đếm được\s+515\.000/);
    expect(printed).toMatch(/Thừa\/thiếu\s+-5\.000/);
    expect(printed).toMatch(/Thừa\/thiếu\s+\+500/);
    expect(printed).toMatch(/TỔNG THỪA\/THIẾU\s+-4\.500/);
  });

  it('prints in English, and marks tenders that were not counted', () => {
    const { report } = closeShift(shift, movements, [{ tender: 'cash', total: minor(520_000) }], {
      closedAt: at(50),
      closedBy: 'staff_ha',
    });
    const printed = text(buildZReportReceipt(report, { ...context, locale: 'en-US' }));
    expect(printed).toContain('Z REPORT (CLOSE)');
    expect(printed).toMatch(/Card \(1 movements\)[\s\S]*Counted\s+not counted/);
    expect(printed).toMatch(/TOTAL OVER\/SHORT\s+0/);
  });

  it('prints the cash counted note by note under the counted total, largest note first', () => {
    const { report } = closeShift(
      shift,
      movements,
      [
        {
          tender: 'cash',
          denominations: [
            { value: minor(10_000), count: 2 },
            { value: minor(500_000), count: 1 },
            { value: minor(5_000), count: 0 },
          ],
        },
      ],
      { closedAt: at(50), closedBy: 'staff_ha' },
    );
    const printed = text(buildZReportReceipt(report, context));
    expect(printed).toMatch(
      /Đếm được\s+520\.000\n\s+500\.000 × 1 tờ\s+500\.000\n\s+10\.000 × 2 tờ\s+20\.000\n\s+Thừa\/thiếu\s+0/,
    );
    expect(printed).not.toContain(' 5.000 × 0');
    const english = text(buildZReportReceipt(report, { ...context, locale: 'en-US' }));
    expect(english).toMatch(/500,000 × 1 notes\s+500,000/);
  });
});
