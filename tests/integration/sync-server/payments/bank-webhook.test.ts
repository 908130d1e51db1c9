/**
 * VietQR payments confirmed by the bank, against the real sync-server process: a register
 * records the payment it shows a QR for and polls it; a bank-notification service posts signed
 * transfers. A genuine notification confirms; a replayed one is answered 200 "duplicate" and
 * confirms nothing twice (also after a restart); a forged or stale signature is 401; a wrong
 * amount, a second payment and a payment for a sale paid otherwise are flagged; a supervisor's
 * confirmation by hand is matched when the bank catches up.
 */
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPaymentReference } from '../../../../src/payments';
import { REPO_ROOT, startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { signedHeaders } from '../../../helpers/bank-notification';

const SECRET = 'test-bank-webhook-secret-0123456789abcdef';
const PAYOS_KEY = 'test-payos-checksum-key-0123456789';

interface Intent {
  reference: string;
  status: string;
  amount: number;
  transactionId?: string;
  confirmedAt?: string;
  manual?: { approverId: string };
}

/** Signs like a sender would (tests/helpers/bank-notification.ts). */
const signed = (body: string, secret = SECRET, atMs = Date.now()) =>
  signedHeaders(body, secret, atMs);

describe('bank transfer notifications', () => {
  let server: SyncServerProcess;
  let register: EnrolledDevice;
  let otherStore: EnrolledDevice;

  const nextReference = () => newPaymentReference((length) => randomBytes(length));

  const call = async (device: EnrolledDevice, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const open = async (reference: string, amount = 125_000) => {
    const opened = await call(register, 'POST', '/payments/intents', {
      reference,
      saleId: `sale_${reference}`,
      amount,
      registerId: 'reg-01',
    });
    expect(opened.status).toBe(201);
  };
  const status = async (reference: string) =>
    (await call(register, 'GET', `/payments/intents/${reference}`)).body.intent as Intent;
  const notify = async (adapter: string, body: string, headers = signed(body)) => {
    const response = await fetch(`${server.url}/api/v1/payments/bank-notifications/${adapter}`, {
      method: 'POST',
      headers,
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const generic = (transactionId: string, reference: string, amount = 125_000) =>
    JSON.stringify({
      transactionId,
      amount,
      content: `NGUYEN VAN A chuyen tien ${reference} Omnitill`,
      accountNumber: '0011000123456',
    });
  const flags = async () => {
    const response = await fetch(`${server.url}/api/v1/flags`, {
      headers: { Authorization: server.adminAuth },
    });
    return ((await response.json()) as { flags: { kind: string; summary: string }[] }).flags;
  };

  beforeAll(async () => {
    server = await startSyncServerProcess({
      seedDemo: true,
      env: { OMNITILL_BANK_WEBHOOK_SECRET: SECRET, OMNITILL_PAYOS_CHECKSUM_KEY: PAYOS_KEY },
    });
    register = await server.enrollDevice('hcm-q1', 'reg-01');
    otherStore = await server.enrollDevice('hn-hk', 'reg-hn');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("takes the store's bank account in its settings from the administrator, checked", async () => {
    const url = `${server.url}/db/settings/store_hcm-q1`;
    const admin = { Authorization: server.adminAuth, 'Content-Type': 'application/json' };
    const settings = (await (await fetch(url, { headers: admin })).json()) as Record<
      string,
      unknown
    >;
    const put = (bankTransfer: unknown) =>
      fetch(url, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ ...settings, bankTransfer }),
      });
    const badBin = await put({
      bankBin: '97043',
      accountNumber: '0011000123456',
      accountName: 'X',
    });
    expect(badBin.status).toBeGreaterThanOrEqual(400);
    const good = { bankBin: '970436', accountNumber: '0011000123456', accountName: 'OMNITILL Q1' };
    expect((await put(good)).status).toBe(201);
    const stored = (await (await fetch(url, { headers: admin })).json()) as Record<string, unknown>;
    expect(stored.bankTransfer).toEqual(good);
  });

  it('sets the bank account with the admin command', async () => {
    const { stdout } = await promisify(execFile)(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [
        join(REPO_ROOT, 'sync-server/admin-cli.ts'),
        'bank-account',
        '--server',
        server.url,
        '--store',
        'hn-hk',
        '--bin',
        '970415',
        '--account',
        '113366668888',
        '--name',
        'OMNITILL HOAN KIEM',
        '--bank-name',
        'Techcombank',
      ],
      { env: { ...process.env, OMNITILL_ADMIN_TOKEN: server.adminToken } },
    );
    expect(stdout).toMatch(
      /hn-hk now takes bank transfers into Techcombank \(970415\) 113366668888/,
    );
    const stored = (await (
      await fetch(`${server.url}/db/settings/store_hn-hk`, {
        headers: { Authorization: server.adminAuth },
      })
    ).json()) as Record<string, unknown>;
    expect(stored.bankTransfer).toEqual({
      bankBin: '970415',
      accountNumber: '113366668888',
      accountName: 'OMNITILL HOAN KIEM',
      bankName: 'Techcombank',
    });
  }, 30_000);

  it('confirms a pending payment on a signed notification; a replay confirms nothing twice', async () => {
    const reference = nextReference();
    await open(reference);
    expect((await status(reference)).status).toBe('pending');

    const body = generic('FT26337000001', reference);
    const headers = signed(body);
    const first = await notify('generic', body, headers);
    expect(first).toEqual({
      status: 200,
      body: { ok: true, duplicate: false, outcome: 'settles', reference },
    });
    const confirmed = await status(reference);
    expect(confirmed).toMatchObject({ status: 'confirmed', transactionId: 'FT26337000001' });

    // The very same request again (a service's retry, or someone replaying it within 5 minutes).
    const replay = await notify('generic', body, headers);
    expect(replay).toEqual({
      status: 200,
      body: { ok: true, duplicate: true, outcome: 'already', reference },
    });
    expect(await status(reference)).toEqual(confirmed);

    // Another store's register cannot see it.
    expect((await call(otherStore, 'GET', `/payments/intents/${reference}`)).status).toBe(404);
  });

  it('refuses a forged signature and a stale timestamp with 401, and changes nothing', async () => {
    const reference = nextReference();
    await open(reference);
    const body = generic('FT26337000002', reference);

    const forged = await notify(
      'generic',
      body,
      signed(body, 'not-the-retailers-secret-at-all-000'),
    );
    expect(forged.status).toBe(401);
    expect(JSON.stringify(forged.body)).toMatch(/signature does not match/);

    const tampered = await notify('generic', body.replace('125000', '1250000'), signed(body));
    expect(tampered.status).toBe(401);

    const stale = await notify('generic', body, signed(body, SECRET, Date.now() - 6 * 60_000));
    expect(stale.status).toBe(401);
    expect(JSON.stringify(stale.body)).toMatch(/5 minutes/);

    const unsigned = await notify('generic', body, { 'Content-Type': 'application/json' });
    expect(unsigned.status).toBe(401);

    expect((await status(reference)).status).toBe('pending');
  });

  it('flags a transfer of another amount and leaves the payment waiting', async () => {
    const reference = nextReference();
    await open(reference);
    const short = await notify('generic', generic('FT26337000003', reference, 120_000));
    expect(short.body).toMatchObject({ outcome: 'amount-mismatch', reference });
    expect((await status(reference)).status).toBe('pending');
    const flag = (await flags()).find((entry) => entry.kind === 'payment-amount-mismatch');
    expect(flag?.summary).toMatch(/FT26337000003/);
  });

  it('flags a second payment, a payment for a sale paid otherwise and an unknown one', async () => {
    const paid = nextReference();
    await open(paid);
    await notify('generic', generic('FT26337000004', paid));
    const twice = await notify('generic', generic('FT26337000005', paid));
    expect(twice.body).toMatchObject({ outcome: 'paid-twice', reference: paid });

    const cancelled = nextReference();
    await open(cancelled);
    expect((await call(register, 'POST', `/payments/intents/${cancelled}/cancel`)).status).toBe(
      200,
    );
    const late = await notify('generic', generic('FT26337000006', cancelled));
    expect(late.body).toMatchObject({ outcome: 'sale-paid-otherwise' });

    const stray = await notify('generic', generic('FT26337000007', 'tien an trua'));
    expect(stray.body).toMatchObject({ outcome: 'no-reference' });

    const kinds = (await flags()).map((flag) => flag.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'payment-paid-twice',
        'payment-sale-paid-otherwise',
        'payment-unmatched',
      ]),
    );
  });

  it('maps SePay and payOS payloads to the same confirmation', async () => {
    const viaSepay = nextReference();
    await open(viaSepay, 2_277_000);
    const sepay = JSON.stringify({
      id: 92704,
      gateway: 'Vietcombank',
      transactionDate: '2026-12-03 14:02:37',
      accountNumber: '0011000123456',
      code: null,
      content: `${viaSepay.toLowerCase()} chuyen tien`,
      transferType: 'in',
      transferAmount: 2_277_000,
      accumulated: 19_077_000,
      subAccount: null,
      referenceCode: 'MBVCB.3278907687',
    });
    expect((await notify('sepay', sepay)).body).toMatchObject({ outcome: 'settles' });
    expect(await status(viaSepay)).toMatchObject({ status: 'confirmed', transactionId: '92704' });

    const viaPayos = nextReference();
    await open(viaPayos, 3_000);
    const payos = JSON.stringify({
      code: '00',
      desc: 'success',
      success: true,
      data: {
        orderCode: 123,
        amount: 3_000,
        description: viaPayos,
        accountNumber: '12345678',
        reference: 'TF230204212323',
        transactionDateTime: '2026-12-03 18:25:00',
        currency: 'VND',
        paymentLinkId: '124c33293c43417ab7879e14c8d9eb18',
        code: '00',
        desc: 'Thành công',
      },
      signature: 'not checked: the Omnitill signature header is',
    });
    expect((await notify('payos', payos)).body).toMatchObject({ outcome: 'settles' });
    expect((await status(viaPayos)).transactionId).toBe('TF230204212323');

    const moneyOut = JSON.stringify({ ...JSON.parse(sepay), id: 92705, transferType: 'out' });
    expect((await notify('sepay', moneyOut)).body).toMatchObject({ outcome: 'ignored' });
    expect((await notify('nope', generic('X', viaPayos))).status).toBe(404);
  });

  it("takes payOS's own signature when its checksum key is configured", async () => {
    const reference = nextReference();
    await open(reference, 50_000);
    const data = {
      orderCode: 7,
      amount: 50_000,
      description: reference,
      reference: 'TF26337000010',
      code: '00',
      currency: 'VND',
    };
    // payOS's documented scheme, written here: data fields sorted, key=value joined by &.
    const text = Object.entries(data)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    const signature = createHmac('sha256', PAYOS_KEY).update(text).digest('hex');
    const json = { 'Content-Type': 'application/json' };
    const forged = JSON.stringify({ code: '00', data: { ...data, amount: 5_000 }, signature });
    expect((await notify('payos', forged, json)).status).toBe(401);
    const genuine = JSON.stringify({ code: '00', desc: 'success', data, signature });
    expect((await notify('payos', genuine, json)).body).toMatchObject({ outcome: 'settles' });
    // Another adapter never takes payOS's signature in place of ours.
    expect((await notify('generic', generic('FT26337000011', reference), json)).status).toBe(401);
  });

  it("records a supervisor's confirmation by hand and matches the bank's notification later", async () => {
    const reference = nextReference();
    await open(reference);
    const path = `/payments/intents/${reference}/confirm`;
    const cashier = await call(register, 'POST', path, { staffId: 'staff_lan', pin: '1111' });
    expect(cashier.status).toBe(403);
    const byHand = await call(register, 'POST', path, { staffId: 'staff_minh', pin: '2222' });
    expect(byHand.status).toBe(200);
    expect(byHand.body.intent).toMatchObject({
      status: 'confirmed',
      manual: { approverId: 'staff_minh' },
    });
    expect((await status(reference)).transactionId).toBeUndefined();

    const later = await notify('generic', generic('FT26337000008', reference));
    expect(later.body).toMatchObject({ outcome: 'matches-manual' });
    expect(await status(reference)).toMatchObject({
      transactionId: 'FT26337000008',
      manual: { approverId: 'staff_minh' },
    });
  });

  it('remembers a transaction across a restart: the replay is still a duplicate', async () => {
    const reference = nextReference();
    await open(reference);
    const body = generic('FT26337000009', reference);
    expect((await notify('generic', body)).body).toMatchObject({ outcome: 'settles' });

    const { dataDir, port } = server;
    await server.stop({ keepData: true });
    server = await startSyncServerProcess({
      dataDir,
      port,
      env: { OMNITILL_BANK_WEBHOOK_SECRET: SECRET },
    });
    const replay = await notify('generic', body);
    expect(replay.body).toMatchObject({ duplicate: true, outcome: 'already' });
    expect((await status(reference)).transactionId).toBe('FT26337000009');
  }, 60_000);
});
