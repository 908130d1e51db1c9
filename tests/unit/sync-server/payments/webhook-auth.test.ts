import { describe, expect, it } from 'vitest';
import {
  genericAdapter,
  payosAdapter,
  sepayAdapter,
} from '../../../../sync-server/payments/notification-adapters';
import {
  payosSignatureOf,
  payosSignatureProblem,
} from '../../../../sync-server/payments/payos-signature';
import {
  signatureProblem,
  signedHeaders,
} from '../../../../sync-server/payments/webhook-signature';

const SECRET = 'a-retailer-secret-of-at-least-32-chars';
const NOW = Date.parse('2026-12-03T09:00:00Z');
const body = Buffer.from('{"transactionId":"FT1","amount":125000,"content":"OT7KQ2M9XA"}');

const headersOf = (signed: Record<string, string>) => ({
  timestamp: signed['x-omnitill-timestamp'],
  signature: signed['x-omnitill-signature'],
});

describe('the Omnitill webhook signature', () => {
  it('accepts the body as signed, within five minutes either way', () => {
    for (const skew of [0, 4 * 60_000, -4 * 60_000]) {
      expect(
        signatureProblem(SECRET, headersOf(signedHeaders(SECRET, body, NOW + skew)), body, NOW),
      ).toBeNull();
    }
  });

  it('refuses another secret, another body, an old or future time, and missing headers', () => {
    const good = headersOf(signedHeaders(SECRET, body, NOW));
    expect(signatureProblem(`${SECRET}x`, good, body, NOW)).toMatch(/does not match/);
    expect(signatureProblem(SECRET, good, Buffer.from(`${body.toString()} `), NOW)).toMatch(
      /does not match/,
    );
    const old = headersOf(signedHeaders(SECRET, body, NOW - 6 * 60_000));
    expect(signatureProblem(SECRET, old, body, NOW)).toMatch(/5 minutes/);
    const future = headersOf(signedHeaders(SECRET, body, NOW + 6 * 60_000));
    expect(signatureProblem(SECRET, future, body, NOW)).toMatch(/5 minutes/);
    expect(signatureProblem(SECRET, {}, body, NOW)).toMatch(/x-omnitill-timestamp/);
    expect(signatureProblem(SECRET, { timestamp: good.timestamp }, body, NOW)).toMatch(
      /x-omnitill-signature/,
    );
  });
});

describe("payOS's own signature", () => {
  // The example on payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature: its checksum
  // key, its data and the signature it publishes for them.
  const checksumKey = '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675';
  const data = {
    orderCode: 123,
    amount: 3000,
    description: 'VQRIO123',
    accountNumber: '12345678',
    reference: 'TF230204212323',
    transactionDateTime: '2023-02-04 18:25:00',
    currency: 'VND',
    paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
    code: '00',
    desc: 'Thành công',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: '',
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
  };
  const published = '412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03';

  it('reproduces the signature payOS publishes for its example', () => {
    expect(payosSignatureOf(data, checksumKey)).toBe(published);
    expect(
      payosSignatureProblem({ code: '00', data, signature: published }, checksumKey),
    ).toBeNull();
  });

  it('refuses changed data', () => {
    const changed = { code: '00', data: { ...data, amount: 30000 }, signature: published };
    expect(payosSignatureProblem(changed, checksumKey)).toMatch(/does not match/);
  });
});

describe('notification adapters', () => {
  it('map SePay money in, and ignore money out', () => {
    const sepay = {
      id: 92704,
      gateway: 'Vietcombank',
      transactionDate: '2023-03-25 14:02:37',
      accountNumber: '0123499999',
      code: null,
      content: 'OT7KQ2M9XA chuyen tien',
      transferType: 'in',
      transferAmount: 2277000,
      accumulated: 19077000,
      subAccount: null,
      referenceCode: 'MBVCB.3278907687',
    };
    expect(sepayAdapter(sepay)).toEqual({
      kind: 'notification',
      notification: {
        source: 'sepay',
        transactionId: '92704',
        amount: 2277000,
        content: 'OT7KQ2M9XA chuyen tien',
        accountNumber: '0123499999',
        // 14:02:37 in Vietnam (UTC+7).
        bookedAt: '2023-03-25T07:02:37.000Z',
        bankReference: 'MBVCB.3278907687',
      },
    });
    expect(sepayAdapter({ ...sepay, transferType: 'out' }).kind).toBe('ignored');
  });

  it('map a successful payOS payment and ignore others', () => {
    const data = { amount: 3000, description: 'OT7KQ2M9XA', reference: 'TF1', code: '00' };
    expect(payosAdapter({ code: '00', data })).toMatchObject({
      kind: 'notification',
      notification: { source: 'payos', transactionId: 'TF1', amount: 3000, bankReference: 'TF1' },
    });
    expect(payosAdapter({ data: { ...data, code: '01' } }).kind).toBe('ignored');
  });

  it('refuse what is not a transfer, saying what is wrong', () => {
    expect(genericAdapter([])).toEqual({ kind: 'invalid', reason: 'Send a JSON object.' });
    const bad = genericAdapter({ transactionId: 'FT1', amount: 12.5, content: 'x' });
    expect(bad.kind === 'invalid' && bad.reason).toMatch(/whole number/);
    expect(genericAdapter({ amount: 1, content: 'x' }).kind).toBe('invalid');
  });
});
