/**
 * The rules the server applies to a sale's bank-transfer tender and to a second report of a
 * transfer, without a server: which payment a tender may name, who may confirm it by hand, and
 * when two reports are one transfer.
 */
import { describe, expect, it } from 'vitest';
import type { StaffDoc } from '../../../src/documents';
import { intentAfter, judgeTenderPayment, judgeTransfer } from '../../../src/payments';
import type { BankNotification, PaymentIntent, TransferClaim } from '../../../src/payments';
import { transferApproverProblem } from '../../../src/staff/transfer-approver';

const NOW = '2026-12-03T09:00:00.000Z';
const SALE = { id: 'sale_01', storeId: 'hcm-q1' };

const intent = (change: Partial<PaymentIntent> = {}): PaymentIntent => ({
  reference: 'OT7KQ2M9XA',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  saleId: 'sale_01',
  amount: 125_000,
  status: 'confirmed',
  createdAt: NOW,
  transactionId: 'FT1',
  ...change,
});

const claim = (change: Partial<TransferClaim> = {}): TransferClaim => ({
  paymentReference: 'OT7KQ2M9XA',
  amount: 125_000,
  ...change,
});

const offline = { confirmedBy: 'staff_minh', confirmedOffline: true };

describe("a sale's bank-transfer tender", () => {
  it('is paid when the store holds the payment confirmed, for this sale and amount', () => {
    expect(judgeTenderPayment(claim(), intent(), SALE)).toEqual({ kind: 'paid' });
    expect(judgeTenderPayment(claim(offline), intent(), SALE)).toEqual({ kind: 'paid' });
  });

  it.each([
    ['no payment', claim(), undefined, 'unknown_payment'],
    ["another store's payment", claim(), intent({ storeId: 'hn-hk' }), 'unknown_payment'],
    ["another store's, offline", claim(offline), intent({ storeId: 'hn-hk' }), 'unknown_payment'],
    ["another sale's payment", claim(), intent({ saleId: 'sale_02' }), 'payment_used'],
    ['another amount', claim({ amount: 130_000 }), intent(), 'amount_mismatch'],
    ['a pending payment', claim(), intent({ status: 'pending' }), 'payment_unconfirmed'],
    [
      'a cancelled one, offline',
      claim(offline),
      intent({ status: 'cancelled' }),
      'payment_unconfirmed',
    ],
    ['offline with no approver', claim({ confirmedOffline: true }), undefined, 'not_approved'],
  ] as const)('is refused for %s', (_what, tender, held, code) => {
    expect(judgeTenderPayment(tender, held, SALE)).toMatchObject({ kind: 'refused', code });
  });

  it('confirmed by hand offline: recorded when new, confirmed when pending', () => {
    expect(judgeTenderPayment(claim(offline), undefined, SALE)).toEqual({
      kind: 'record-by-hand',
      approverId: 'staff_minh',
    });
    expect(judgeTenderPayment(claim(offline), intent({ status: 'pending' }), SALE)).toEqual({
      kind: 'confirm-by-hand',
      approverId: 'staff_minh',
    });
  });
});

describe('who confirms a transfer by hand', () => {
  const member = (change: Partial<StaffDoc>) => ({
    id: 'staff_x',
    role: 'supervisor' as const,
    storeIds: ['hcm-q1'],
    active: true,
    ...change,
  });

  it('a supervisor or manager of the store, active', () => {
    expect(transferApproverProblem(member({}), 'hcm-q1')).toBeNull();
    expect(
      transferApproverProblem(member({ role: 'manager', storeIds: ['*'] }), 'hcm-q1'),
    ).toBeNull();
  });

  it('never a cashier, staff of another store, someone inactive or unknown', () => {
    expect(transferApproverProblem(member({ role: 'cashier' }), 'hcm-q1')).toMatch(/cashier/);
    expect(transferApproverProblem(member({ storeIds: ['hn-hk'] }), 'hcm-q1')).toMatch(/work/);
    expect(transferApproverProblem(member({ active: false }), 'hcm-q1')).toMatch(/active/);
    expect(transferApproverProblem(undefined, 'hcm-q1')).toMatch(/no such/);
  });
});

describe('a second report of a paid transfer', () => {
  const report = (change: Partial<BankNotification>): BankNotification => ({
    source: 'sepay',
    transactionId: '92704',
    amount: 125_000,
    content: 'OT7KQ2M9XA chuyen tien',
    bankReference: 'FT26337900001',
    ...change,
  });
  const paid = intentAfter(
    intent({ status: 'pending', transactionId: undefined }),
    { kind: 'settles', reference: 'OT7KQ2M9XA' },
    report({}),
    NOW,
  )!;
  const judge = (change: Partial<BankNotification>) =>
    judgeTransfer(report(change), new Map([[paid.reference, paid]])).kind;

  it('is the same transfer under the same bank reference and amount', () => {
    expect(paid.bankReference).toBe('FT26337900001');
    expect(judge({ source: 'generic', transactionId: 'relay-1' })).toBe('already');
    expect(judge({ source: 'payos', transactionId: 'X', bankReference: ' ft26337900001 ' })).toBe(
      'already',
    );
  });

  it('is paid twice with another bank reference, none, or another amount', () => {
    expect(judge({ transactionId: '92705', bankReference: 'FT26337900002' })).toBe('paid-twice');
    expect(judge({ transactionId: '92705', bankReference: undefined })).toBe('paid-twice');
    expect(judge({ transactionId: '92705', amount: 125_001 })).toBe('paid-twice');
  });
});
