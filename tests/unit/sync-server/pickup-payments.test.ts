/** What the order view shows of a pickup's payment: tenders, with codes and numbers cut short. */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import { tenderView } from '../../../sync-server/services/pickup-payments';

const settled = { applied: minor(50_000), rounding: minor(0), change: minor(0) };

describe('a tender as the order view shows it', () => {
  it('card: last four digits, and only the end of the approval code', () => {
    const view = tenderView({
      kind: 'card',
      tenderId: 't1',
      amount: minor(50_000),
      approvalCode: 'APPROVAL-778899',
      terminalId: 'TERM-01',
      cardLast4: '4242',
      ...settled,
    });
    expect(view).toEqual({
      tenderId: 't1',
      kind: 'card',
      amount: 50_000,
      applied: 50_000,
      change: 0,
      cardLast4: '4242',
      approvalCodeEnd: '8899',
    });
  });

  it('gift card and store credit: only the end of the number', () => {
    expect(
      tenderView({
        kind: 'gift-card',
        tenderId: 't2',
        amount: minor(50_000),
        cardNumber: '6001234567890123',
        ...settled,
      }),
    ).toMatchObject({ cardNumberEnd: '0123' });
    const credit = tenderView({
      kind: 'store-credit',
      tenderId: 't3',
      amount: minor(50_000),
      creditReference: 'CN-2026-000417',
      ...settled,
    });
    expect(credit).toMatchObject({ creditReferenceEnd: '0417' });
    expect(JSON.stringify(credit)).not.toContain('CN-2026');
  });

  it('cash: handed over, applied and change; loyalty points: the points', () => {
    expect(
      tenderView({
        kind: 'cash',
        tenderId: 't4',
        amount: minor(100_000),
        applied: minor(50_000),
        rounding: minor(0),
        change: minor(50_000),
      }),
    ).toEqual({ tenderId: 't4', kind: 'cash', amount: 100_000, applied: 50_000, change: 50_000 });
    expect(
      tenderView({
        kind: 'loyalty-points',
        tenderId: 't5',
        amount: minor(50_000),
        points: 50,
        ...settled,
      }),
    ).toMatchObject({ points: 50 });
  });
});
