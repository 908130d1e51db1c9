/**
 * Payments confirmed by hand while the server was unreachable are recorded on the server once
 * it answers (docs/PAYMENTS.md), kept across restarts, and dropped once recorded or refused.
 */
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/money';
import type { ApiResult } from '../../../renderer/platform/server-api';
import { createTransferOutbox, OUTBOX_KEY } from '../../../renderer/sell/payment/transfer-outbox';
import type { UnrecordedPayment } from '../../../renderer/sell/payment/transfer-outbox';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const failure = (offline: boolean, status: number): ApiResult<never> => ({
  ok: false,
  offline,
  status,
  code: offline ? 'offline' : 'conflict',
  reason: offline ? 'unreachable' : 'held by another sale',
  details: {},
});

const payment = (reference: string): UnrecordedPayment => ({
  reference,
  saleId: `sale_${reference}`,
  amount: minor(47_000),
  registerId: 'reg-01',
});

describe('the outbox of payments confirmed by hand offline', () => {
  it('keeps them while the server is unreachable, and records each once it answers', async () => {
    const storage = memoryStorage();
    const sent: unknown[] = [];
    let reply: (reference: string) => ApiResult<unknown> = () => failure(true, 0);
    const api = {
      call: (_name: string, request: UnrecordedPayment) => {
        sent.push(request);
        return Promise.resolve(reply(request.reference));
      },
    } as unknown as Parameters<typeof createTransferOutbox>[0]['api'];
    const outbox = createTransferOutbox({ api, storage });
    outbox.add(payment('OT22222222'));
    outbox.add(payment('OT33333333'));
    outbox.add(payment('OT22222222'));
    expect(outbox.pending().map((entry) => entry.reference)).toEqual(['OT33333333', 'OT22222222']);

    await expect(outbox.flush()).resolves.toBe(2);
    // A restart reads the same list back.
    expect(createTransferOutbox({ api, storage }).pending()).toHaveLength(2);

    reply = (reference) =>
      reference === 'OT33333333' ? { ok: true, status: 201, value: {} } : failure(false, 503);
    await expect(outbox.flush()).resolves.toBe(1);
    expect(outbox.pending().map((entry) => entry.reference)).toEqual(['OT22222222']);

    // A refusal does not change by asking again: it is dropped.
    reply = () => failure(false, 409);
    await expect(outbox.flush()).resolves.toBe(0);
    expect(sent).toContainEqual(payment('OT33333333'));
    expect(JSON.parse(storage.getItem(OUTBOX_KEY) ?? 'null')).toEqual([]);
  });

  it('keeps a payment added while a flush is under way', async () => {
    const storage = memoryStorage();
    type Api = Parameters<typeof createTransferOutbox>[0]['api'];
    // The cashier's screen adds one (same storage) while the server is being asked.
    const screen = createTransferOutbox({ api: {} as Api, storage });
    const api = {
      call: () => {
        screen.add(payment('OT44444444'));
        return Promise.resolve({ ok: true, status: 201, value: {} });
      },
    } as unknown as Api;
    const outbox = createTransferOutbox({ api, storage });
    outbox.add(payment('OT55555555'));
    await expect(outbox.flush()).resolves.toBe(1);
    expect(outbox.pending().map((entry) => entry.reference)).toEqual(['OT44444444']);
  });
});
