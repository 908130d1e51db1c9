/**
 * The register's side of an e-receipt: which server answers mean "keep it and try again" (no
 * connection, the sale not synced yet, a server error) and which are final, and the outbox that
 * keeps waiting sends across restarts under their idempotency key.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../renderer/platform/server-api';
import {
  createEReceiptOutbox,
  E_RECEIPT_OUTBOX_KEY,
  trySend,
} from '../../../renderer/sell/e-receipt-send';
import type { EReceiptRequest } from '../../../renderer/sell/e-receipt-send';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const failure = (offline: boolean, status: number, code: string): ApiResult<never> => ({
  ok: false,
  offline,
  status,
  code,
  reason: `${code} reason`,
  details: {},
});

const request = (key: string): EReceiptRequest => ({
  saleId: 'sale_1',
  channel: 'sms',
  to: '+84901234567',
  idempotencyKey: key,
});

const answering = (reply: ApiResult<unknown>) => ({
  call: () => Promise.resolve(reply as never),
});

describe('sending an e-receipt from the register', () => {
  it.each([
    ['no connection', failure(true, 0, 'offline')],
    ['the sale not on the server yet', failure(false, 404, 'not_found')],
    ['a server error', failure(false, 500, 'internal')],
  ])('waits on %s', async (_case, reply) => {
    await expect(trySend(answering(reply), request('k'))).resolves.toEqual({ kind: 'wait' });
  });

  it.each([
    ['a bad address', failure(false, 400, 'bad_request')],
    ['a channel the server has not set up', failure(false, 503, 'not-configured')],
    ['a key used for another send', failure(false, 409, 'conflict')],
  ])('gives up on %s, with the code the form translates', async (_case, reply) => {
    await expect(trySend(answering(reply), request('k'))).resolves.toMatchObject({
      kind: 'refused',
      code: reply.ok ? '' : reply.code,
    });
  });

  it('keeps waiting sends by key across restarts, and drops one once sent', () => {
    const storage = memoryStorage();
    createEReceiptOutbox(storage).add(request('a'));
    createEReceiptOutbox(storage).add(request('b'));
    createEReceiptOutbox(storage).add(request('a'));
    const restarted = createEReceiptOutbox(storage);
    expect(restarted.pending().map((entry) => entry.idempotencyKey)).toEqual(['b', 'a']);
    restarted.remove('b');
    expect(JSON.parse(storage.getItem(E_RECEIPT_OUTBOX_KEY) ?? '')).toEqual([request('a')]);
  });
});
