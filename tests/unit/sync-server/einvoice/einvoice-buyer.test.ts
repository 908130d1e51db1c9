/**
 * Buyer data added to a queued invoice (sync-server/einvoice/einvoice-buyer.ts), status by
 * status: a queued invoice is rebuilt with it and due at once, a failed one rebuilt keeping its
 * next try, a refused or blocked one keeps it for the manager's resend, one that cannot be
 * rebuilt is blocked with the reason, and a sent or accepted invoice is refused.
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../../src/money';
import { withBuyer } from '../../../../sync-server/einvoice/einvoice-buyer';
import { QueueRefusal } from '../../../../sync-server/einvoice/einvoice-queue-state';
import type {
  BuiltInvoice,
  StoredInvoice,
} from '../../../../sync-server/einvoice/einvoice-queue-state';

const T0 = Date.parse('2026-12-03T10:00:00.000Z');
const BUYER = { name: 'Công ty TNHH Hoa Sen', taxCode: '0301234567' };
const REBUILT: BuiltInvoice = {
  xml: '<HDon><NMua/></HDon>',
  code: 'M1-26-AB12C-00100000001',
  symbol: 'C26MAA',
  total: minor(27_000),
};

function entry(overrides: Partial<StoredInvoice> = {}): StoredInvoice {
  return {
    id: 'inv_hcm-q1_2026-12-03_sale_1',
    saleId: 'sale_1',
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    businessDate: '2026-12-03',
    code: 'M1-26-AB12C-00100000001',
    symbol: 'C26MAA',
    total: minor(27_000),
    status: 'queued',
    attempts: 0,
    maxAttempts: 3,
    dueAt: '2026-12-03T17:00:00.000Z',
    createdAt: '2026-12-03T09:00:00.000Z',
    updatedAt: '2026-12-03T09:00:00.000Z',
    xml: '<HDon/>',
    ...overrides,
  };
}

describe('buyer data on a queued invoice', () => {
  it('rebuilds a queued invoice with the buyer and sends it at once', () => {
    const next = withBuyer(entry(), BUYER, REBUILT, T0);
    expect(next).toMatchObject({
      status: 'queued',
      buyer: BUYER,
      xml: REBUILT.xml,
      dueAt: new Date(T0).toISOString(),
      updatedAt: new Date(T0).toISOString(),
    });
  });

  it('rebuilds a failed invoice and keeps its next try', () => {
    const failed = entry({
      status: 'failed',
      attempts: 1,
      reason: 'provider down',
      nextAttemptAt: '2026-12-03T10:05:00.000Z',
    });
    const next = withBuyer(failed, BUYER, REBUILT, T0);
    expect(next).toMatchObject({
      status: 'failed',
      xml: REBUILT.xml,
      buyer: BUYER,
      nextAttemptAt: failed.nextAttemptAt,
      dueAt: failed.dueAt,
    });
  });

  it('keeps the buyer on a refused or blocked invoice for the resend, its XML untouched', () => {
    for (const status of ['refused', 'blocked'] as const) {
      const before = entry({ status, reason: 'why' });
      const next = withBuyer(before, BUYER, REBUILT, T0);
      expect(next).toMatchObject({ status, buyer: BUYER, xml: '<HDon/>', reason: 'why' });
    }
  });

  it('blocks an invoice that cannot be rebuilt, saying why', () => {
    const next = withBuyer(
      entry({ status: 'failed', nextAttemptAt: '2026-12-03T10:05:00.000Z' }),
      BUYER,
      { problem: 'Sale sale_1 is no longer on the server.' },
      T0,
    );
    expect(next).toMatchObject({
      status: 'blocked',
      reason: 'Sale sale_1 is no longer on the server.',
    });
    expect(next.nextAttemptAt).toBeUndefined();
  });

  it('refuses an invoice with the provider or accepted by it', () => {
    for (const status of ['sent', 'accepted'] as const) {
      const attempt = () => withBuyer(entry({ status }), BUYER, REBUILT, T0);
      expect(attempt).toThrow(QueueRefusal);
      try {
        attempt();
      } catch (error) {
        expect((error as QueueRefusal).status).toBe(status);
      }
    }
    expect(() => withBuyer(entry({ status: 'accepted' }), BUYER, REBUILT, T0)).toThrow(
      /replacing or adjusting invoice/,
    );
  });
});
