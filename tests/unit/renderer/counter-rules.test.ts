/** Pure rules of the cashier's screen: payment checks, customer look-up, permissions. */
import { describe, expect, it } from 'vitest';
import {
  discountBasisPoints,
  discountNeedsApproval,
  hasPermission,
} from '../../../renderer/auth/permissions';
import { matchCustomers, parseCustomerQuery } from '../../../renderer/sell/customer-lookup';
import { normalizePhone } from '../../../src/customers';
import { translator } from '../../../renderer/i18n/translate';
import {
  checkPoints,
  checkTenders,
  quickCashAmounts,
  tenderKindsFor,
} from '../../../renderer/sell/payment/payment-rules';
import { giftCardLine } from '../../../src/stored-value';
import { formatMoney, minor } from '../../../src/money';
import type { Minor } from '../../../src/money';
import type { CustomerDoc } from '../../../src/documents';
import { LOYALTY, storeSettings } from './sale-fixtures';

const t = translator('vi-VN');
const en = translator('en-US');
const money = (amount: Minor) => formatMoney(amount, 'VND', 'vi-VN');

describe('payment at the counter', () => {
  it('offers the exact amount, then the notes that cover it', () => {
    expect(quickCashAmounts(minor(47_000))).toEqual([47_000, 50_000, 100_000, 200_000, 500_000]);
    expect(quickCashAmounts(minor(120_000))).toEqual([120_000, 200_000, 500_000]);
    expect(quickCashAmounts(minor(0))).toEqual([]);
  });

  it('explains a card over the amount due in the cashier language, and takes nothing', () => {
    const check = checkTenders(
      minor(47_000),
      [{ tenderId: 't1', kind: 'card', amount: minor(50_000), approvalCode: 'A1' }],
      { currency: 'VND', cashRounding: { increment: 500, mode: 'half-up' } },
      t,
      money,
    );
    expect(check).toEqual({
      ok: false,
      message:
        'Số tiền thẻ (50.000 ₫) lớn hơn số còn phải trả (47.000 ₫). Chỉ tiền mặt mới có tiền thừa.',
    });
  });

  it('a card without approval code is refused with what to do', () => {
    const check = checkTenders(
      minor(47_000),
      [{ tenderId: 't1', kind: 'card', amount: minor(40_000), approvalCode: ' ' }],
      { currency: 'VND', cashRounding: null },
      en,
      money,
    );
    expect(check).toEqual({
      ok: false,
      message: 'Enter the approval code from the card terminal.',
    });
  });

  it('points: never more than the customer holds, never without a customer', () => {
    const base = {
      hasCustomer: true,
      program: LOYALTY.program,
      available: 30,
      saleTotal: minor(200_000),
      alreadyTendered: 0,
    };
    expect(checkPoints(20, base, t)).toEqual({ ok: true, points: 20, amount: 20_000 });
    expect(checkPoints(40, base, t)).toEqual({
      ok: false,
      message: 'Khách chỉ có thể dùng tối đa 30 điểm cho đơn này (đang có 30 điểm).',
    });
    expect(checkPoints(5, base, t)).toMatchObject({ ok: false });
    expect(checkPoints(20, { ...base, hasCustomer: false }, en)).toEqual({
      ok: false,
      message: 'Attach the customer to the sale before paying with points.',
    });
  });
});

describe('paying for a gift card', () => {
  const card = giftCardLine({
    lineId: 'g1',
    number: 'GC12345678',
    amount: minor(200_000),
    name: 'Thẻ quà tặng',
  });
  const coffee = { ...card, lineId: 'l1', productId: 'prod_coffee', sku: 'SKU000001' };
  const options = { currency: 'VND' as const, cashRounding: null };

  it('offers only cash, a bank card and a transfer for a cart with a gift card line', () => {
    expect(tenderKindsFor([coffee, card])).toEqual(['cash', 'card', 'bank-transfer']);
    expect(tenderKindsFor([coffee])).toEqual([
      'cash',
      'card',
      'gift-card',
      'store-credit',
      'loyalty-points',
      'bank-transfer',
    ]);
  });

  it('refuses points or store credit already in the payment, in both languages', () => {
    const points = {
      tenderId: 'p1',
      kind: 'loyalty-points' as const,
      points: 20,
      amount: minor(20_000),
    };
    const lines = [coffee, card];
    expect(checkTenders(minor(250_000), [points], { ...options, lines }, en, money)).toEqual({
      ok: false,
      message:
        'A gift card is paid with cash, a bank card or a transfer: remove the loyalty points payment, or sell the card in a sale of its own.',
    });
    const credit = {
      tenderId: 's1',
      kind: 'store-credit' as const,
      amount: minor(10_000),
      creditReference: 'CN1',
    };
    expect(checkTenders(minor(250_000), [credit], { ...options, lines }, t, money)).toEqual({
      ok: false,
      message:
        'Thẻ quà tặng chỉ nhận tiền mặt, thẻ ngân hàng hoặc chuyển khoản: bỏ khoản trả bằng phiếu mua hàng, hoặc bán thẻ trong một đơn riêng.',
    });
    expect(
      checkTenders(minor(250_000), [points], { ...options, lines: [coffee] }, en, money),
    ).toMatchObject({ ok: true });
  });
});

describe('finding a customer', () => {
  const customers: CustomerDoc[] = [
    {
      id: 'cust_1',
      name: 'Trần Thị Mai',
      phone: '+84900000001',
      loyaltyCardNumber: 'LC00000001',
      origin: { channel: 'store' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 'cust_2',
      name: 'Nguyễn Văn Mạnh',
      phone: '+84900000002',
      origin: { channel: 'web' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ];
  const isCard = (text: string) => /^LC\d{8}$/.test(text);

  it('reads phone numbers the way people say them', () => {
    expect(normalizePhone('0900 000 001')).toBe('+84900000001');
    expect(normalizePhone('+84 900.000.001')).toBe('+84900000001');
    expect(normalizePhone('84900000001')).toBe('+84900000001');
    expect(normalizePhone('mai')).toBeNull();
  });

  it('by card, by phone, by name without accents', () => {
    const find = (text: string) => {
      const query = parseCustomerQuery(text, isCard);
      return query ? matchCustomers(customers, query).map((customer) => customer.id) : [];
    };
    expect(find('LC00000001')).toEqual(['cust_1']);
    expect(find('0900000002')).toEqual(['cust_2']);
    expect(find('tran mai')).toEqual(['cust_1']);
    expect(find('manh')).toEqual(['cust_2']);
    expect(find('   ')).toEqual([]);
  });
});

describe('permissions from store settings', () => {
  const settings = storeSettings();
  it('roles have what the store gives them', () => {
    expect(hasPermission(settings, 'cashier', 'price-override')).toBe(false);
    expect(hasPermission(settings, 'supervisor', 'price-override')).toBe(true);
    expect(hasPermission(settings, 'manager', 'return-without-receipt')).toBe(true);
    expect(hasPermission(null, 'manager', 'void-sale')).toBe(false);
  });

  it("a cashier's discount over the store's limit (10 %) needs approval", () => {
    expect(discountNeedsApproval(settings, 'cashier', 1000)).toBe(false);
    expect(discountNeedsApproval(settings, 'cashier', 1001)).toBe(true);
    expect(discountNeedsApproval(settings, 'supervisor', 5000)).toBe(false);
    expect(discountBasisPoints(minor(5_001), minor(50_000))).toBe(1001);
  });
});
