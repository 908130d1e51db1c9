/**
 * A sale "paid by bank transfer" is accepted only for a transfer the server knows was paid:
 * attacks by an enrolled register against the real sync-server process (on-disk storage), each
 * refused with its reason code and not stored; the legitimate offline confirmation by hand is
 * kept, recorded on the server as manual with its approver, and watched until the bank agrees.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StaffDoc, StoreSettingsDoc } from '../../../../src/documents';
import { minor } from '../../../../src/money';
import type { Minor } from '../../../../src/money';
import { newPaymentReference, transferOverdue } from '../../../../src/payments';
import type { PaymentIntent } from '../../../../src/payments';
import type { TenderInput } from '../../../../src/tenders';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  buildSale,
  lineOf,
  product,
  push,
  putAsAdmin,
  readAsAdmin,
  rejectionCodes,
  stored,
} from './sale-attack-fixtures';
import { postBankNotification } from '../../../helpers/bank-notification';

const SECRET = 'test-bank-webhook-secret-0123456789abcdef';
/** One coffee (SKU000001), what every sale here costs. */
const PRICE = 25_000;

let server: SyncServerProcess;
let register: EnrolledDevice;
let otherRegister: EnrolledDevice;
let otherStore: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({
    seedDemo: true,
    env: { OMNITILL_BANK_WEBHOOK_SECRET: SECRET },
  });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  otherRegister = await server.enrollDevice('hcm-q1', 'reg-02');
  otherStore = await server.enrollDevice('hn-hk', 'reg-hn');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
  const hkManager: StaffDoc = {
    id: 'staff_hkmgr',
    name: 'Manager at Hoàn Kiếm',
    role: 'manager',
    storeIds: ['hn-hk'],
    pin: { algorithm: 'pbkdf2-sha256', iterations: 100_000, salt: 'AAAA', hash: 'AAAA' },
    active: true,
    updatedAt: new Date().toISOString(),
  };
  await putAsAdmin(server, 'staff', hkManager);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextSaleId = () => `sale_btx${String(++counter).padStart(4, '0')}`;
const nextReference = () => newPaymentReference((length) => randomBytes(length));

type TransferFields = { confirmedBy?: string; confirmedOffline?: boolean };

/** A one-coffee sale paid by the transfer `reference` (of `amount`, by default the price). */
function saleByTransfer(
  reference: string,
  options: TransferFields & { id?: string; amount?: Minor; device?: EnrolledDevice } = {},
): SaleDoc {
  const { id = nextSaleId(), amount, device = register, ...fields } = options;
  const tenders = (total: Minor): TenderInput[] => [
    {
      kind: 'bank-transfer',
      tenderId: 't1',
      amount: amount ?? total,
      paymentReference: reference,
      ...fields,
    },
  ];
  return buildSale({
    id,
    device,
    settings,
    cart: { lines: [lineOf(product('SKU000001'), 'l1')] },
    tenders,
  });
}

async function api(device: EnrolledDevice, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Records the payment as the register does when it shows the QR. */
async function open(
  reference: string,
  saleId: string,
  amount = PRICE,
  device = register,
): Promise<void> {
  const opened = await api(device, 'POST', '/payments/intents', {
    reference,
    saleId,
    amount,
    registerId: 'reg-01',
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
}

/** A bank-notification service reports the transfer, signed with the retailer's secret. */
async function bankPays(reference: string, transactionId: string, amount = PRICE) {
  const response = await postBankNotification(server.url, SECRET, 'generic', {
    transactionId,
    amount,
    content: `CHUYEN TIEN ${reference}`,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { outcome: string };
}

/** A payment the bank confirmed, recorded for `saleId`. */
async function confirmedPayment(saleId: string, amount = PRICE): Promise<string> {
  const reference = nextReference();
  await open(reference, saleId, amount);
  expect((await bankPays(reference, `FT${reference}`, amount)).outcome).toBe('settles');
  return reference;
}

async function intentOf(reference: string, device = register): Promise<PaymentIntent> {
  const reply = await api(device, 'GET', `/payments/intents/${reference}`);
  expect(reply.status).toBe(200);
  return reply.body.intent as PaymentIntent;
}

async function expectRefused(doc: SaleDoc, code: string, device = register): Promise<string> {
  const [row] = await push(server, device, [doc]);
  expect(row, JSON.stringify(row)).toMatchObject({
    id: doc.id,
    error: 'forbidden',
    rejected: true,
  });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await stored(server, device, doc.id)).toBe(false);
  return row?.reason ?? '';
}

async function expectAccepted(doc: SaleDoc, device = register): Promise<void> {
  const [row] = await push(server, device, [doc]);
  expect(row?.error, row?.reason).toBeUndefined();
  expect(await stored(server, device, doc.id)).toBe(true);
}

describe('a sale paid online by bank transfer', () => {
  it('is accepted for a payment of this store the bank confirmed, of the same amount', async () => {
    const id = nextSaleId();
    const reference = await confirmedPayment(id);
    await expectAccepted(saleByTransfer(reference, { id }));
  });

  it('refuses a made-up reference', async () => {
    const reason = await expectRefused(saleByTransfer(nextReference()), 'unknown_payment');
    expect(reason).toMatch(/no payment/i);
  });

  it("refuses another store's confirmed payment", async () => {
    const id = nextSaleId();
    const reference = nextReference();
    await open(reference, id, PRICE, otherStore);
    expect((await bankPays(reference, `FT${reference}`)).outcome).toBe('settles');
    await expectRefused(saleByTransfer(reference, { id }), 'unknown_payment');
  });

  it('refuses a sale whose tender is larger than the confirmed transfer', async () => {
    const id = nextSaleId();
    const reference = await confirmedPayment(id, 5_000);
    // The tender says 25.000 ₫ (the sale's total); the bank moved 5.000 ₫.
    const reason = await expectRefused(saleByTransfer(reference, { id }), 'amount_mismatch');
    expect(reason).toContain('5000');
  });

  it('refuses a payment still pending claimed as paid', async () => {
    const id = nextSaleId();
    const reference = nextReference();
    await open(reference, id);
    await expectRefused(saleByTransfer(reference, { id }), 'payment_unconfirmed');
    // Nor does naming a supervisor turn an online payment into a confirmed one.
    await expectRefused(
      saleByTransfer(reference, { id, confirmedBy: 'staff_minh' }),
      'payment_unconfirmed',
    );
    expect((await intentOf(reference)).status).toBe('pending');
  });

  it('refuses a cancelled payment claimed as paid', async () => {
    const id = nextSaleId();
    const reference = nextReference();
    await open(reference, id);
    expect((await api(register, 'POST', `/payments/intents/${reference}/cancel`)).status).toBe(200);
    await expectRefused(
      saleByTransfer(reference, { id, confirmedBy: 'staff_minh', confirmedOffline: true }),
      'payment_unconfirmed',
    );
  });

  it('lets one confirmed transfer pay one sale only', async () => {
    const first = nextSaleId();
    const reference = await confirmedPayment(first);
    await expectAccepted(saleByTransfer(reference, { id: first }));
    await expectRefused(saleByTransfer(reference), 'payment_used');
    // Also from another register of the store.
    await expectRefused(
      saleByTransfer(reference, { device: otherRegister }),
      'payment_used',
      otherRegister,
    );
  });

  it('lets one of two sales pushed at once use a transfer, never both', async () => {
    const payFor = nextSaleId();
    const reference = await confirmedPayment(payFor);
    const sales = [
      saleByTransfer(reference, { id: payFor }),
      saleByTransfer(reference, { device: otherRegister }),
      saleByTransfer(reference),
    ];
    const devices = [register, otherRegister, register];
    await Promise.all(sales.map((doc, index) => push(server, devices[index]!, [doc])));
    const kept = [];
    for (const [index, doc] of sales.entries()) {
      if (await stored(server, devices[index]!, doc.id)) kept.push(doc.id);
    }
    expect(kept).toEqual([payFor]);
  });

  it('refuses one reference used twice in the same sale', async () => {
    const id = nextSaleId();
    const reference = await confirmedPayment(id, 12_500);
    const doc = buildSale({
      id,
      device: register,
      settings,
      cart: { lines: [lineOf(product('SKU000001'), 'l1')] },
      tenders: () =>
        ['t1', 't2'].map((tenderId) => ({
          kind: 'bank-transfer' as const,
          tenderId,
          amount: minor(12_500),
          paymentReference: reference,
        })),
    });
    await expectRefused(doc, 'payment_used');
  });
});

describe('a transfer a supervisor confirmed by hand while offline', () => {
  it('is kept although the server never heard of the payment, and recorded as manual', async () => {
    const reference = nextReference();
    const doc = saleByTransfer(reference, { confirmedBy: 'staff_minh', confirmedOffline: true });
    await expectAccepted(doc);
    const intent = await intentOf(reference);
    expect(intent).toMatchObject({
      storeId: 'hcm-q1',
      saleId: doc.id,
      amount: PRICE,
      status: 'confirmed',
      manual: { approverId: 'staff_minh' },
    });
    expect(intent.transactionId).toBeUndefined();
    // Watched by the payment-not-arrived sweep until the bank's notification matches it.
    expect(transferOverdue(intent, Date.now() + 2 * 60 * 60_000)).toBe(true);
    // The register's outbox records it later: the same payment, answered as a retry.
    const late = await api(register, 'POST', '/payments/intents', {
      reference,
      saleId: doc.id,
      amount: PRICE,
      registerId: 'reg-01',
    });
    expect(late.status).toBe(200);
    expect((await bankPays(reference, `FT${reference}`)).outcome).toBe('matches-manual');
    expect(transferOverdue(await intentOf(reference), Date.now() + 2 * 60 * 60_000)).toBe(false);
  });

  it('marks a payment the register had recorded (pending) as confirmed by that approver', async () => {
    const id = nextSaleId();
    const reference = nextReference();
    await open(reference, id);
    await expectAccepted(
      saleByTransfer(reference, { id, confirmedBy: 'staff_ha', confirmedOffline: true }),
    );
    expect(await intentOf(reference)).toMatchObject({
      status: 'confirmed',
      manual: { approverId: 'staff_ha' },
    });
  });

  it('refuses an offline confirmation by a cashier, an unknown id or another store’s staff', async () => {
    for (const approver of ['staff_lan', 'staff_nobody', 'staff_tuan', 'staff_hkmgr']) {
      const reference = nextReference();
      const reason = await expectRefused(
        saleByTransfer(reference, { confirmedBy: approver, confirmedOffline: true }),
        'not_approved',
      );
      expect(reason).toContain(approver);
      // Nothing recorded for it either.
      expect((await api(register, 'GET', `/payments/intents/${reference}`)).status).toBe(404);
    }
  });

  it('refuses an offline confirmation with no approver', async () => {
    await expectRefused(
      saleByTransfer(nextReference(), { confirmedOffline: true }),
      'not_approved',
    );
  });

  it('refuses an offline confirmation of another amount than the payment recorded', async () => {
    const id = nextSaleId();
    const reference = nextReference();
    await open(reference, id, 5_000);
    await expectRefused(
      saleByTransfer(reference, { id, confirmedBy: 'staff_minh', confirmedOffline: true }),
      'amount_mismatch',
    );
  });

  it('never lets two offline sales claim one reference', async () => {
    const reference = nextReference();
    const sales = [register, otherRegister].map((device) =>
      saleByTransfer(reference, { device, confirmedBy: 'staff_minh', confirmedOffline: true }),
    );
    const devices = [register, otherRegister];
    await Promise.all(sales.map((doc, index) => push(server, devices[index]!, [doc])));
    const kept = [];
    for (const [index, doc] of sales.entries()) {
      if (await stored(server, devices[index]!, doc.id)) kept.push(doc.id);
    }
    expect(kept).toHaveLength(1);
    expect((await intentOf(reference)).saleId).toBe(kept[0]);
  });
});

describe('payments one register records', () => {
  it('caps the pending payments of one device, and says to cancel old ones', async () => {
    const flooder = await server.enrollDevice('hcm-q1', 'reg-flood');
    const record = (reference: string) =>
      api(flooder, 'POST', '/payments/intents', {
        reference,
        saleId: `sale_${reference}`,
        amount: PRICE,
        registerId: 'reg-flood',
      });
    const references = Array.from({ length: 20 }, nextReference);
    for (const reference of references) expect((await record(reference)).status).toBe(201);
    const refused = await record(nextReference());
    expect(refused.status).toBe(429);
    expect(String(refused.body.reason)).toMatch(/cancel the old ones/);
    // A retry of one already recorded is still answered; another device is not held back.
    expect((await record(references[0]!)).status).toBe(200);
    await open(nextReference(), nextSaleId());
    // Cancelling one makes room for the next.
    const cancelled = await api(flooder, 'POST', `/payments/intents/${references[1]}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((await record(nextReference())).status).toBe(201);
  });
});
