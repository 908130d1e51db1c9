/**
 * One bank transfer reported by two notification services (a store that points SePay and its
 * own relay at the same account): the second report carries another transaction id but the
 * bank's same reference, so it is the same money and no "paid twice" flag asks a manager to
 * refund it. Two transfers with different bank references are still two payments.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPaymentReference } from '../../../../src/payments';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { postBankNotification } from '../../../helpers/bank-notification';

const SECRET = 'test-bank-webhook-secret-0123456789abcdef';

let server: SyncServerProcess;
let register: EnrolledDevice;

beforeAll(async () => {
  server = await startSyncServerProcess({
    seedDemo: true,
    env: { OMNITILL_BANK_WEBHOOK_SECRET: SECRET },
  });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function openPayment(amount: number): Promise<string> {
  const reference = newPaymentReference((length) => randomBytes(length));
  const response = await fetch(`${server.url}/api/v1/payments/intents`, {
    method: 'POST',
    headers: { Authorization: register.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ reference, saleId: `sale_${reference}`, amount, registerId: 'reg-01' }),
  });
  expect(response.status).toBe(201);
  return reference;
}

async function notify(adapter: string, payload: unknown): Promise<{ outcome: string }> {
  const response = await postBankNotification(server.url, SECRET, adapter, payload);
  expect(response.status).toBe(200);
  return (await response.json()) as { outcome: string };
}

const sepay = (id: number, reference: string, amount: number, bankReference: string) => ({
  id,
  gateway: 'Vietcombank',
  transactionDate: '2026-12-03 14:02:37',
  accountNumber: '0011000123456',
  code: null,
  content: `${reference} chuyen tien`,
  transferType: 'in',
  transferAmount: amount,
  accumulated: 19_077_000,
  subAccount: null,
  referenceCode: bankReference,
});

const payos = (reference: string, amount: number, bankReference: string) => ({
  code: '00',
  desc: 'success',
  success: true,
  data: {
    orderCode: 1,
    amount,
    description: reference,
    accountNumber: '0011000123456',
    reference: bankReference,
    transactionDateTime: '2026-12-03 14:02:38',
    currency: 'VND',
    code: '00',
  },
  signature: 'not checked: the Omnitill signature header is',
});

async function paidTwiceFlags(): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/flags`, {
    headers: { Authorization: server.adminAuth },
  });
  const { flags } = (await response.json()) as { flags: { kind: string; summary: string }[] };
  return flags.filter((flag) => flag.kind === 'payment-paid-twice').map((flag) => flag.summary);
}

describe('one transfer reported by two services', () => {
  it('is one payment when both carry the same bank reference', async () => {
    const reference = await openPayment(125_000);
    expect((await notify('sepay', sepay(5001, reference, 125_000, 'FT26337900001'))).outcome).toBe(
      'settles',
    );
    const relay = {
      transactionId: 'relay-77',
      amount: 125_000,
      content: `CHUYEN TIEN ${reference}`,
      bankReference: 'FT26337900001',
    };
    expect((await notify('generic', relay)).outcome).toBe('already');
    expect((await notify('payos', payos(reference, 125_000, 'ft26337900001'))).outcome).toBe(
      'already',
    );
    expect((await paidTwiceFlags()).filter((summary) => summary.includes(reference))).toEqual([]);
  });

  it('is still two payments when the bank references differ', async () => {
    const reference = await openPayment(60_000);
    await notify('sepay', sepay(5002, reference, 60_000, 'FT26337900002'));
    const second = await notify('sepay', sepay(5003, reference, 60_000, 'FT26337900003'));
    expect(second.outcome).toBe('paid-twice');
    // Without the bank's reference there is nothing to tell one transfer from two.
    const bare = { transactionId: 'relay-78', amount: 60_000, content: reference };
    expect((await notify('generic', bare)).outcome).toBe('paid-twice');
    expect((await paidTwiceFlags()).filter((summary) => summary.includes(reference))).toHaveLength(
      2,
    );
  });
});
