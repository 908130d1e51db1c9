/**
 * The queue's state machine, step by step: what a pass takes, what each provider verdict makes
 * of an invoice, the retry waits doubling up to the last try, a verdict from an attempt that is
 * not the current one ignored, and an accepted invoice never taken or resent again.
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../../src/money';
import {
  afterResult,
  claimed,
  isDue,
  QueueRefusal,
  resent,
} from '../../../../sync-server/einvoice/einvoice-queue-state';
import type { StoredInvoice } from '../../../../sync-server/einvoice/einvoice-queue-state';

const T0 = Date.parse('2026-12-03T17:00:00.000Z');
const RETRY = { baseMs: 1000, maxMs: 5000, maxAttempts: 4 };

function queued(overrides: Partial<StoredInvoice> = {}): StoredInvoice {
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
    maxAttempts: RETRY.maxAttempts,
    dueAt: new Date(T0).toISOString(),
    createdAt: new Date(T0 - 60_000).toISOString(),
    updatedAt: new Date(T0 - 60_000).toISOString(),
    xml: '<HDon/>',
    ...overrides,
  };
}

const failed = { id: 'x', outcome: 'failed', reason: 'provider down' } as const;

describe('the e-invoice queue state', () => {
  it('takes a queued invoice only once its batch is due (the end of the day)', () => {
    expect(isDue(queued(), T0 - 1, 60_000)).toBe(false);
    expect(isDue(queued(), T0, 60_000)).toBe(true);
  });

  it('a claim sends it and counts the attempt; the verdict of that claim is recorded', () => {
    const sent = claimed(queued(), 'c1', T0);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, claim: 'c1' });
    expect(isDue(sent, T0 + 1000, 60_000)).toBe(false);
    const accepted = afterResult(
      sent,
      'c1',
      { id: sent.id, outcome: 'accepted', providerId: 'P-1' },
      T0 + 10,
      RETRY,
    );
    expect(accepted).toMatchObject({ status: 'accepted', providerId: 'P-1' });
    expect(accepted?.claim).toBeUndefined();
  });

  it('an accepted invoice is never taken again nor resent', () => {
    const accepted = afterResult(
      claimed(queued(), 'c1', T0),
      'c1',
      { id: 'x', outcome: 'accepted', providerId: 'P-1' },
      T0,
      RETRY,
    ) as StoredInvoice;
    expect(isDue(accepted, T0 + 10 ** 9, 60_000)).toBe(false);
    expect(() => claimed(accepted, 'c2', T0)).toThrow(QueueRefusal);
    expect(() =>
      resent(accepted, { xml: '<HDon/>', code: 'c', symbol: 's', total: minor(1) }, T0),
    ).toThrow(/never sent again/);
  });

  it('a verdict for another attempt (another process, or after a resend) is not recorded', () => {
    const sent = claimed(queued(), 'c1', T0);
    expect(
      afterResult(sent, 'c-other', { id: 'x', outcome: 'accepted', providerId: 'P' }, T0, RETRY),
    ).toBeUndefined();
    expect(
      afterResult(queued(), 'c1', { id: 'x', outcome: 'accepted', providerId: 'P' }, T0, RETRY),
    ).toBeUndefined();
  });

  it('failures wait 1 s, 2 s, 4 s, and after the last try wait for a manager', () => {
    let entry = queued();
    const waits: (number | undefined)[] = [];
    let now = T0;
    for (let attempt = 1; attempt <= RETRY.maxAttempts; attempt++) {
      expect(isDue(entry, now, 60_000)).toBe(true);
      entry = afterResult(claimed(entry, `c${attempt}`, now), `c${attempt}`, failed, now, RETRY)!;
      expect(entry).toMatchObject({ status: 'failed', attempts: attempt, reason: 'provider down' });
      waits.push(entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) - now : undefined);
      expect(isDue(entry, now, 60_000)).toBe(false);
      now = entry.nextAttemptAt ? Date.parse(entry.nextAttemptAt) : now;
    }
    expect(waits).toEqual([1000, 2000, 4000, undefined]);
    expect(isDue(entry, now + 10 ** 9, 60_000)).toBe(false);
  });

  it('a refusal is final until a manager resends; the resend is due now with tries afresh', () => {
    const refused = afterResult(
      claimed(queued(), 'c1', T0),
      'c1',
      { id: 'x', outcome: 'refused', reason: 'bad total' },
      T0,
      RETRY,
    ) as StoredInvoice;
    expect(refused).toMatchObject({ status: 'refused', reason: 'bad total' });
    expect(isDue(refused, T0 + 10 ** 9, 60_000)).toBe(false);
    const again = resent(
      refused,
      { xml: '<HDon>2</HDon>', code: 'M1', symbol: 'C26MAA', total: minor(27_000) },
      T0 + 5000,
    );
    expect(again).toMatchObject({ status: 'queued', attempts: 0, xml: '<HDon>2</HDon>' });
    expect(again.reason).toBeUndefined();
    expect(isDue(again, T0 + 5000, 60_000)).toBe(true);
  });

  it('a resend that still cannot be built stays blocked with the reason', () => {
    const blocked = queued({ status: 'blocked', reason: 'no register number' });
    delete blocked.xml;
    expect(() => claimed(blocked, 'c', T0)).toThrow(QueueRefusal);
    expect(resent(blocked, { problem: 'still no register number' }, T0)).toMatchObject({
      status: 'blocked',
      reason: 'still no register number',
    });
  });

  it('an invoice on its way is not resent, and one left sent by a dead process is taken again', () => {
    const sent = claimed(queued(), 'c1', T0);
    expect(() => resent(sent, { problem: 'x' }, T0)).toThrow(/wait for the provider/);
    expect(() => resent(queued(), { problem: 'x' }, T0)).toThrow(QueueRefusal);
    expect(isDue(sent, T0 + 60_000, 60_000)).toBe(true);
    expect(claimed(sent, 'c2', T0 + 60_000)).toMatchObject({ attempts: 2, claim: 'c2' });
  });
});
