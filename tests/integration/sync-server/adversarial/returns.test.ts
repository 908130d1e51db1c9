/**
 * Returns pushed by enrolled registers to the real sync-server (seeded with the demo): each
 * attack the server once accepted is refused with its reason code, or accepted and flagged as
 * the offline rules say, and nothing else lands: no credit note, no gift card top-up.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnDoc, StoreSettingsDoc } from '../../../../src/documents';
import { minor } from '../../../../src/money';
import { returnSourceFromSale } from '../../../../src/returns';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { coffeeSale } from '../sale-fixtures';
import {
  api,
  buildReturn,
  claimFor,
  newId,
  pickupOf,
  product,
  pushDocs,
  receiptlessReturn,
  rejectionCode,
  serverSettings,
  stored,
  webOrderSource,
} from './return-fixtures';
import { pickedUpWebOrder, returnInRounds, returnRounds, webOrderLines } from './return-generators';
import { buildSale } from './sale-attack-fixtures';
import { legitimateSales } from './sale-generators';

let server: SyncServerProcess;
let register: EnrolledDevice;
let secondRegister: EnrolledDevice;
let otherStore: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  secondRegister = await server.enrollDevice('hcm-q1', 'reg-02');
  otherStore = await server.enrollDevice('hn-hk', 'reg-01');
  settings = await serverSettings(server, 'hcm-q1');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const coffeeLine = {
  lineId: 'l1',
  productId: 'prod_SKU000001',
  sku: 'SKU000001',
  name: 'Cà phê',
  categoryId: 'drinks',
  pricing: 'unit' as const,
  unitPrice: minor(25_000),
  quantity: 1,
  taxRateId: 'vat8',
};

const saleAt = () => new Date(Date.now() - 120_000).toISOString();

async function soldCoffee() {
  const sale = coffeeSale(newId('sale'), register, 25_000, { at: saleAt() });
  const [row] = await pushDocs(server, register.auth, 'sales-hcm-q1', [sale]);
  expect(stored(row), row?.reason).toBe(true);
  return sale;
}

async function pushReturn(device: EnrolledDevice, doc: ReturnDoc) {
  const [row] = await pushDocs(server, device.auth, `returns-${device.storeId}`, [doc]);
  return row;
}

describe('a return is re-derived from its original', () => {
  it('refuses 5 pieces back from a sale of 1 (over_return), then takes the 1', async () => {
    const sale = await soldCoffee();
    const source = returnSourceFromSale(sale);
    const honest = buildReturn({
      device: register,
      source,
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const line = honest.lines[0];
    if (!line) throw new Error('no line');
    const forged: ReturnDoc = {
      ...honest,
      id: newId('ret'),
      lines: [{ ...line, quantity: 5, refund: minor(line.refund * 5), tax: minor(line.tax * 5) }],
      totals: {
        refund: minor(honest.totals.refund * 5),
        tax: minor(honest.totals.tax * 5),
        taxable: minor(honest.totals.taxable * 5),
      },
      tenders: honest.tenders.map((tender) => ({
        ...tender,
        covers: minor(tender.covers * 5),
        amount: minor(tender.amount * 5),
      })),
    };
    const row = await pushReturn(register, forged);
    expect(row).toMatchObject({ error: 'forbidden', rejected: true });
    expect(await rejectionCode(server, register, forged.id)).toBe('over_return');
    expect(stored(await pushReturn(register, honest))).toBe(true);
  });

  it('refuses a refund of −5,000,000 ₫', async () => {
    const sale = await soldCoffee();
    const honest = buildReturn({
      device: register,
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const line = honest.lines[0];
    if (!line) throw new Error('no line');
    const negative = minor(-5_000_000);
    const forged: ReturnDoc = {
      ...honest,
      lines: [{ ...line, refund: negative, tax: minor(0) }],
      totals: { refund: negative, tax: minor(0), taxable: negative },
      tenders: [{ kind: 'cash', covers: negative, amount: negative }],
      cashRoundingAdjustment: minor(0),
    };
    const row = await pushReturn(register, forged);
    expect(row).toMatchObject({ error: 'forbidden', rejected: true });
    expect(['refund_mismatch', 'bad_document']).toContain(
      await rejectionCode(server, register, forged.id),
    );
  });

  it('refuses a refund above what the original price gives', async () => {
    const sale = await soldCoffee();
    const honest = buildReturn({
      device: register,
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const line = honest.lines[0];
    if (!line) throw new Error('no line');
    const forged: ReturnDoc = {
      ...honest,
      lines: [{ ...line, refund: minor(250_000) }],
      totals: { refund: minor(250_000), tax: line.tax, taxable: minor(250_000 - line.tax) },
      tenders: [{ kind: 'store-credit', covers: minor(250_000), amount: minor(250_000) }],
      cashRoundingAdjustment: minor(0),
    };
    expect(await pushReturn(register, forged)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, register, forged.id)).toBe('refund_mismatch');
    const note = await api(server, register.auth, 'GET', `/stored-value/${forged.id}`);
    expect(note.status).toBe(404);
  });

  it('refuses a return dated in 2099 (implausible_time), which would dodge the return window', async () => {
    const sale = await soldCoffee();
    const doc = buildReturn({
      device: register,
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const future = {
      ...doc,
      createdAt: '2099-01-01T00:00:00.000Z',
      completedAt: '2099-01-01T00:00:00.000Z',
    };
    expect(await pushReturn(register, future)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, register, future.id)).toBe('implausible_time');
  });

  it('refuses a return written in another register’s name (forged_identity)', async () => {
    const sale = await soldCoffee();
    const doc = buildReturn({
      device: register,
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const forged = { ...doc, deviceId: secondRegister.deviceId };
    expect(await pushReturn(register, forged)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, register, forged.id)).toBe('forged_identity');
  });
});

describe('web order W-10001 returned by several registers', () => {
  it('online one claim wins; offline both stand, flagged; a third is refused', async () => {
    await api(server, register.auth, 'POST', '/orders/W-10001/ready', {});
    const before = await webOrderSource(server, register, 'W-10001');
    const pickup = pickupOf(before.order, register);
    expect(stored((await pushDocs(server, register.auth, 'pickups-hcm-q1', [pickup]))[0])).toBe(
      true,
    );
    const { source } = await webOrderSource(server, register, 'W-10001');
    const all = [{ originalLineId: '1', quantity: 6, reason: 'x', restock: true }];
    const mine = buildReturn({ device: register, source, lines: all });
    const theirs = buildReturn({ device: secondRegister, source, lines: all });
    // Online: both registers ask at once; exactly one gets the pieces, the other is told why.
    const claims = await Promise.all([
      claimFor(server, register, mine),
      claimFor(server, secondRegister, theirs),
    ]);
    expect(claims.map((claim) => claim.status).sort()).toEqual([201, 409]);
    const loser = claims.findIndex((claim) => claim.status === 409);
    expect(claims[loser]?.body.error).toBe('over_return');
    expect(String(claims[loser]?.body.reason)).toContain('0 free of 6');
    const [winner, winnerDoc, loserDevice, loserDoc] =
      loser === 1
        ? [register, mine, secondRegister, theirs]
        : [secondRegister, theirs, register, mine];
    expect(stored(await pushReturn(winner, winnerDoc))).toBe(true);
    // The loser pushes anyway, as if offline, without a manager: refused.
    expect(await pushReturn(loserDevice, loserDoc)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, loserDevice, loserDoc.id)).toBe('over_return');

    // A third store that could not ask (offline, a manager approved): kept, and flagged.
    const offline = buildReturn({
      device: otherStore,
      source,
      lines: all,
      approvedBy: 'staff_ha',
    });
    expect(stored(await pushReturn(otherStore, offline))).toBe(true);
    // Once a line is over-returned, nothing more of it comes back, online or not.
    const fourth = buildReturn({
      device: loserDevice,
      source,
      lines: [{ originalLineId: '1', quantity: 1, reason: 'x', restock: true }],
      approvedBy: 'staff_ha',
    });
    expect((await claimFor(server, loserDevice, fourth)).status).toBe(409);
    expect(await pushReturn(loserDevice, fourth)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, loserDevice, fourth.id)).toBe('over_return');

    const order = await api(server, register.auth, 'GET', '/orders/W-10001');
    const returned = (order.body.returns as { id: string }[]).map((doc) => doc.id).sort();
    expect(returned).toEqual([winnerDoc.id, offline.id].sort());
    const flags = (await api(server, server.adminAuth, 'GET', '/flags')).body.flags as {
      kind: string;
      documents: { id: string }[];
    }[];
    const overReturned = flags.filter(
      (flag) =>
        flag.kind === 'over-returned' && flag.documents.some((doc) => doc.id === before.order.id),
    );
    expect(overReturned).toHaveLength(1);
    expect(overReturned[0]?.documents.map((doc) => doc.id)).toEqual(
      expect.arrayContaining([winnerDoc.id, offline.id]),
    );
  });
});

describe('store credit and gift cards', () => {
  it('issues no 1,000,000,000 ₫ credit note from a receipt-less return', async () => {
    const coffee = await product(server, 'SKU000001');
    const id = newId('ret');
    const receiptless = (refund: number, approvedBy?: string): ReturnDoc =>
      receiptlessReturn({ id, device: register, product: coffee, refund, approvedBy });
    const huge = receiptless(1_000_000_000, 'staff_ha');
    expect(await pushReturn(register, huge)).toMatchObject({ rejected: true });
    expect(await rejectionCode(server, register, id)).toBe('refund_mismatch');
    // At the catalog price, but approved by a supervisor, or by nobody: not_approved.
    for (const approver of ['staff_minh', 'staff_nobody', undefined]) {
      const doc = { ...receiptless(25_000, approver), id: newId('ret') };
      expect(await pushReturn(register, doc)).toMatchObject({ rejected: true });
      expect(await rejectionCode(server, register, doc.id)).toBe('not_approved');
    }
    // No note: another store's register cannot hold any of it.
    expect((await api(server, register.auth, 'GET', `/stored-value/${id}`)).status).toBe(404);
    const hold = await api(server, otherStore.auth, 'POST', '/stored-value/holds', {
      number: id,
      amount: 500_000_000,
      saleId: newId('sale'),
      idempotencyKey: newId('key'),
    });
    expect(hold.status).toBe(404);
  });

  it('never tops up a gift card the original was not paid with', async () => {
    const card = `GC${Date.now()}`;
    const issued = await api(server, server.adminAuth, 'POST', '/admin/gift-cards', {
      cardNumber: card,
      amount: 100_000,
    });
    expect(issued.status).toBe(201);
    const sale = await soldCoffee();
    const honest = buildReturn({
      device: register,
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 1, reason: 'x', restock: true }],
    });
    const onto = (tender: Record<string, unknown>): ReturnDoc => ({
      ...honest,
      id: newId('ret'),
      tenders: [
        {
          kind: 'gift-card',
          covers: honest.totals.refund,
          amount: honest.totals.refund,
          cardNumber: card,
          ...tender,
        },
      ],
      cashRoundingAdjustment: minor(0),
    });
    for (const forged of [onto({}), onto({ originalTenderId: 't1' })]) {
      expect(await pushReturn(register, forged)).toMatchObject({ rejected: true });
      expect(await rejectionCode(server, register, forged.id)).toBe('refund_mismatch');
    }
    const balance = await api(server, register.auth, 'GET', `/stored-value/${card}`);
    expect(balance.body.balance).toBe(100_000);
  });
});

describe('legitimate returns, generated', () => {
  it('accepts every return of a store sale, partial or full, by every refund route', async () => {
    await fc.assert(
      fc.asyncProperty(legitimateSales(settings, register), returnRounds, async (specs, rounds) => {
        const [spec] = specs;
        if (!spec) return;
        const sale = buildSale({ ...spec, id: newId('sale') });
        const [row] = await pushDocs(server, register.auth, 'sales-hcm-q1', [sale]);
        expect(stored(row), row?.reason).toBe(true);
        // Returned at another register of the store, or at another store.
        const device = rounds.length % 2 === 0 ? secondRegister : otherStore;
        await returnInRounds(server, device, returnSourceFromSale(sale), rounds);
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('accepts every return of a picked-up web order, in the pickup store or another', async () => {
    await fc.assert(
      fc.asyncProperty(webOrderLines, returnRounds, async (lines, rounds) => {
        const order = await pickedUpWebOrder(server, register, lines);
        const device = rounds.length % 2 === 0 ? register : otherStore;
        const { source } = await webOrderSource(server, device, order.id);
        await returnInRounds(server, device, source, rounds);
      }),
      { numRuns: 8 },
    );
  }, 300_000);

  it('never accepts two online returns that together exceed the sale', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        async (sold, first, second) => {
          const sale = buildSale({
            id: newId('sale'),
            device: register,
            settings,
            cart: { lines: [{ ...coffeeLine, quantity: sold }] },
          });
          expect(stored((await pushDocs(server, register.auth, 'sales-hcm-q1', [sale]))[0])).toBe(
            true,
          );
          const source = returnSourceFromSale(sale);
          const docs = [
            [register, Math.min(first, sold)],
            [otherStore, Math.min(second, sold)],
          ].map(([device, quantity]) =>
            buildReturn({
              device: device as EnrolledDevice,
              source,
              lines: [
                { originalLineId: 'l1', quantity: quantity as number, reason: 'x', restock: true },
              ],
            }),
          );
          const devices = [register, otherStore];
          const claims = await Promise.all(
            docs.map((doc, index) => claimFor(server, devices[index] ?? register, doc)),
          );
          const won = claims.map((claim) => claim.status === 201);
          const fits = Math.min(first, sold) + Math.min(second, sold) <= sold;
          expect(won.filter(Boolean).length).toBe(fits ? 2 : 1);
          for (const [index, doc] of docs.entries()) {
            if (!won[index]) continue;
            expect(stored(await pushReturn(devices[index] ?? register, doc))).toBe(true);
          }
          const held = await api(server, register.auth, 'GET', `/returns?original=${sale.id}`);
          const returned = (held.body.returns as ReturnDoc[])
            .flatMap((doc) => doc.lines)
            .reduce((total, line) => total + line.quantity, 0);
          expect(returned).toBeLessThanOrEqual(sold);
        },
      ),
      { numRuns: 10 },
    );
  }, 300_000);
});
