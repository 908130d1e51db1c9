/**
 * The payment ledger holds no state of its own: two ledgers on one store stand for two server
 * processes on one CouchDB. Whatever the interleaving, one transfer confirms a payment once, and
 * of two different transfers for one payment exactly one pays it and the other is flagged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmByHand } from '../../../../src/payments';
import type { BankNotification, PaymentIntent } from '../../../../src/payments';
import { overduePaymentFlags } from '../../../../sync-server/payments/overdue-payments';
import { PaymentLedger } from '../../../../sync-server/payments/payment-ledger';
import { PouchDocumentStore } from '../../../../sync-server/storage/pouch-document-store';
import type { FlagDraft } from '../../../../sync-server/index/reconciler';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function twoLedgers() {
  const dir = mkdtempSync(join(tmpdir(), 'omnitill-payments-'));
  const store = new PouchDocumentStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const flags: FlagDraft[] = [];
  const raise = (drafts: readonly FlagDraft[]) => {
    flags.push(...drafts);
    return Promise.resolve();
  };
  const first = new PaymentLedger(store, raise);
  await first.init();
  return { first, second: new PaymentLedger(store, raise), flags };
}

const intent: PaymentIntent = {
  reference: 'OT7KQ2M9XA',
  storeId: 'hcm-q1',
  registerId: 'reg-01',
  saleId: 'sale_01',
  amount: 125_000,
  status: 'pending',
  createdAt: '2026-12-03T09:00:00.000Z',
};

const transfer = (transactionId: string): BankNotification => ({
  source: 'generic',
  transactionId,
  amount: 125_000,
  content: 'chuyen tien OT7KQ2M9XA',
});

describe('two server processes receiving bank notifications', () => {
  it('confirm one transfer once, however many deliveries race', async () => {
    const { first, second, flags } = await twoLedgers();
    await first.open(intent);
    const now = '2026-12-03T09:01:00.000Z';
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) => (n % 2 ? first : second).receive(transfer('FT1'), now)),
    );
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(results.filter((result) => result.verdict.kind === 'settles')).toHaveLength(1);
    // Every other delivery knows the transfer as the one that paid: nothing to refund.
    expect(results.filter((result) => result.verdict.kind === 'already')).toHaveLength(5);
    expect(flags).toEqual([]);
    expect(await second.intent(intent.reference)).toMatchObject({
      status: 'confirmed',
      transactionId: 'FT1',
    });
  });

  it('judge a repeat on the first delivery, even when its body differs', async () => {
    const { first, second, flags } = await twoLedgers();
    await first.open(intent);
    const now = '2026-12-03T09:01:00.000Z';
    expect((await first.receive({ ...transfer('FT1'), amount: 1_000 }, now)).verdict.kind).toBe(
      'amount-mismatch',
    );
    const repeat = await second.receive(transfer('FT1'), now);
    expect(repeat).toMatchObject({ duplicate: true, verdict: { kind: 'amount-mismatch' } });
    expect((await first.intent(intent.reference))?.status).toBe('pending');
    expect(new Set(flags.map((flag) => flag.key))).toEqual(new Set(['generic-FT1']));
  });

  it('let exactly one of two different transfers pay, and flag the other', async () => {
    const { first, second, flags } = await twoLedgers();
    await first.open(intent);
    const now = '2026-12-03T09:01:00.000Z';
    const [a, b] = await Promise.all([
      first.receive(transfer('FT1'), now),
      second.receive(transfer('FT2'), now),
    ]);
    const kinds = [a.verdict.kind, b.verdict.kind].sort();
    expect(kinds).toEqual(['paid-twice', 'settles']);
    expect(flags.map((flag) => flag.kind)).toEqual(['payment-paid-twice']);
    expect(flags[0]?.storeId).toBe('hcm-q1');
  });

  it('refuse a second payment under a reference already used', async () => {
    const { first, second } = await twoLedgers();
    expect((await first.open(intent)).created).toBe(true);
    expect((await second.open(intent)).created).toBe(false);
    await expect(second.open({ ...intent, saleId: 'sale_02' })).rejects.toThrow(/already used/);
  });
});

describe('a transfer confirmed by hand that never arrives', () => {
  it('is flagged after the grace hour, and not once the bank matched it', async () => {
    const { first } = await twoLedgers();
    await first.open(intent);
    await first.open({ ...intent, reference: 'OT22222222', saleId: 'sale_02' });
    const at = '2026-12-03T09:00:00.000Z';
    for (const reference of [intent.reference, 'OT22222222']) {
      await first.update(reference, (current) => confirmByHand(current, 'staff_minh', at));
    }
    await first.receive({ ...transfer('FT9'), content: 'OT22222222' }, '2026-12-03T09:10:00.000Z');
    const soon = await overduePaymentFlags(first, Date.parse('2026-12-03T09:59:00Z'));
    expect(soon).toEqual([]);
    const later = await overduePaymentFlags(first, Date.parse('2026-12-03T10:01:00Z'));
    expect(later.map((flag) => [flag.kind, flag.key])).toEqual([
      ['payment-not-arrived', intent.reference],
    ]);
    expect(later[0]?.summary).toMatch(/staff_minh/);
  });
});
