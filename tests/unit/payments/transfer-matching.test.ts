import { describe, expect, it } from 'vitest';
import { confirmByHand, intentAfter, judgeTransfer } from '../../../src/payments';
import type { BankNotification, PaymentIntent } from '../../../src/payments';

const NOW = '2026-12-03T09:00:00.000Z';

const intent = (change: Partial<PaymentIntent> = {}): PaymentIntent => ({
  reference: 'OT7KQ2M9XA',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  saleId: 'sale_01',
  amount: 125_000,
  status: 'pending',
  createdAt: NOW,
  ...change,
});

const notification = (change: Partial<BankNotification> = {}): BankNotification => ({
  source: 'generic',
  transactionId: 'FT2633700001',
  amount: 125_000,
  content: 'NGUYEN VAN A chuyen tien OT7KQ2M9XA Omnitill',
  ...change,
});

const known = (...intents: PaymentIntent[]) =>
  new Map(intents.map((entry) => [entry.reference, entry]));

describe('does a notification settle a pending payment', () => {
  it('settles: the reference and the amount match', () => {
    const verdict = judgeTransfer(notification(), known(intent()));
    expect(verdict).toEqual({ kind: 'settles', reference: 'OT7KQ2M9XA' });
    expect(intentAfter(intent(), verdict, notification(), NOW)).toMatchObject({
      status: 'confirmed',
      transactionId: 'FT2633700001',
      confirmedAt: NOW,
    });
  });

  it('finds the reference in text the bank rewrote', () => {
    const verdict = judgeTransfer(
      notification({ content: 'MBVCB.3278907687.ot7kq2m9xa.CT tu 0011000' }),
      known(intent()),
    );
    expect(verdict.kind).toBe('settles');
  });

  it('flags another amount without settling', () => {
    const verdict = judgeTransfer(notification({ amount: 120_000 }), known(intent()));
    expect(verdict).toEqual({
      kind: 'amount-mismatch',
      reference: 'OT7KQ2M9XA',
      expected: 125_000,
      received: 120_000,
    });
    expect(intentAfter(intent(), verdict, notification(), NOW)).toBeUndefined();
  });

  it('knows a retry of the transaction that already paid', () => {
    const paid = intent({ status: 'confirmed', transactionId: 'FT2633700001' });
    expect(judgeTransfer(notification(), known(paid)).kind).toBe('already');
  });

  it('flags a second transfer for a paid sale as paid twice', () => {
    const paid = intent({ status: 'confirmed', transactionId: 'FT2633700001' });
    expect(judgeTransfer(notification({ transactionId: 'FT2633700002' }), known(paid))).toEqual({
      kind: 'paid-twice',
      reference: 'OT7KQ2M9XA',
      firstTransactionId: 'FT2633700001',
    });
  });

  it('flags a transfer for a sale paid another way', () => {
    const cancelled = intent({ status: 'cancelled' });
    expect(judgeTransfer(notification(), known(cancelled)).kind).toBe('sale-paid-otherwise');
  });

  it('tells no reference from an unknown one', () => {
    expect(judgeTransfer(notification({ content: 'tien an' }), known(intent())).kind).toBe(
      'no-reference',
    );
    expect(judgeTransfer(notification(), known()).kind).toBe('unknown-reference');
  });

  it('matches a supervisor confirmation when the bank catches up', () => {
    const byHand = confirmByHand(intent(), 'staff-sup', NOW);
    expect(byHand).toMatchObject({ status: 'confirmed', manual: { approverId: 'staff-sup' } });
    const verdict = judgeTransfer(notification(), known(byHand));
    expect(verdict.kind).toBe('matches-manual');
    expect(intentAfter(byHand, verdict, notification(), '2026-12-03T09:05:00.000Z')).toMatchObject({
      transactionId: 'FT2633700001',
      confirmedAt: NOW,
      manual: { approverId: 'staff-sup' },
    });
    // The bank's amount differs from what the supervisor accepted: flagged, not matched.
    expect(judgeTransfer(notification({ amount: 12_500 }), known(byHand)).kind).toBe(
      'amount-mismatch',
    );
  });
});
