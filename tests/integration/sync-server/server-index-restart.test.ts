/**
 * The server index across restarts of the real sync-server process: a balance asked after a
 * restart reads no document again (the index resumes from its checkpoints), a sale pushed after
 * the restart is read alone and counts, reconciliation still flags across old and new documents,
 * a return that reached the server just before a crash is reconciled after it, and readers
 * asking while registers push see every accepted write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnDoc, SaleDoc } from '../../../src/documents';
import { demoStoreSettings } from '../../../src/demo';
import { minor } from '../../../src/money';
import { pricingContextFromSettings } from '../../../src/pricing';
import { planReturn, returnPolicyOf, returnSourceFromSale } from '../../../src/returns';
import type { ReturnRequest } from '../../../src/returns';
import type { TenderInput } from '../../../src/tenders';
import { startSyncServerProcess } from '../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';
import { putDoc } from './sale-fixtures';
import { coffeeSale } from './sale-fixtures';

const NOTE = 'ret_01KAQ5V0000000000000000IX1';
let dataDir: string;
let server: SyncServerProcess;
let q1: EnrolledDevice;
let hk: EnrolledDevice;

const RETURN_SETTINGS = demoStoreSettings('hcm-q1', 'S', 'A', '2026-01-01T00:00:00.000Z');
// Relative to now: the server refuses returns dated outside the plausible window.
const RETURNED_AT = new Date(Date.now() - 30 * 60_000).toISOString();

/** A return as the register writes it: planned by planReturn, which the server re-derives. */
function returnDoc(id: string, request: ReturnRequest): ReturnDoc {
  const result = planReturn(request);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  const { needsManagerApproval, ...plan } = result.plan;
  return {
    id,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: q1.deviceId,
    staffId: 'staff_lan',
    currency: 'VND',
    ...plan,
    ...(needsManagerApproval || !plan.original ? { approvedBy: 'staff_ha' } : {}),
    status: 'completed',
    createdAt: request.now,
    completedAt: request.now,
  };
}

const common = {
  knownReturns: [],
  policy: returnPolicyOf(RETURN_SETTINGS).policy,
  now: RETURNED_AT,
  cashRounding: RETURN_SETTINGS.cashRounding,
};

/** A credit note of `amount` (whole coffees at 25.000 ₫): a manager-approved return without receipt. */
function creditNote(id: string, amount: number): ReturnDoc {
  return returnDoc(id, {
    kind: 'without-receipt',
    lines: [
      {
        cartLine: {
          lineId: 'l1',
          productId: 'prod_SKU000001',
          sku: 'SKU000001',
          name: 'Cà phê',
          categoryId: 'drinks',
          pricing: 'unit',
          unitPrice: minor(25_000),
          quantity: amount / 25_000,
          taxRateId: 'vat8',
        },
        reason: 'changed mind',
        restock: true,
      },
    ],
    pricing: pricingContextFromSettings(RETURN_SETTINGS, RETURNED_AT),
    ...common,
  });
}

/** The one coffee of `sale` brought back, by a register that knew of no other return. */
function returnOfSale(id: string, sale: SaleDoc): ReturnDoc {
  return returnDoc(id, {
    kind: 'with-receipt',
    source: returnSourceFromSale(sale),
    lines: [{ originalLineId: 'l1', quantity: 1, reason: 'changed mind', restock: true }],
    ...common,
    // After the sale: a return is never dated before its original.
    now: new Date(Date.parse(sale.completedAt) + 60_000).toISOString(),
  });
}

const credit = (amount: number): TenderInput => ({
  kind: 'store-credit',
  tenderId: 't1',
  amount: minor(amount),
  creditReference: NOTE,
});

async function get(path: string, auth: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: auth } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function push(device: EnrolledDevice, collection: string, doc: SaleDoc | ReturnDoc) {
  const { status } = await putDoc(server, device.auth, `${collection}-${device.storeId}`, doc);
  expect(status).toBe(201);
}

/** Documents the index read from changes feeds, per the server's log since `from`. */
function documentsRead(from = 0): number {
  return [
    ...server
      .output()
      .slice(from)
      .matchAll(/index read (\d+) changed document/g),
  ].reduce((sum, match) => sum + Number(match[1]), 0);
}

async function flags(): Promise<{ _id: string; kind: string; documents: { id: string }[] }[]> {
  return (await get('/api/v1/flags', server.adminAuth)).body.flags as {
    _id: string;
    kind: string;
    documents: { id: string }[];
  }[];
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'omnitill-index-restart-'));
  server = await startSyncServerProcess({ dataDir, seedDemo: true });
  q1 = await server.enrollDevice('hcm-q1');
  hk = await server.enrollDevice('hn-hk');
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server index across restarts', () => {
  it('answers a balance after a restart without reading any document again', async () => {
    await push(q1, 'returns', creditNote(NOTE, 300_000));
    await push(q1, 'sales', coffeeSale('sale_IX1', q1, 120_000, { tenders: [credit(120_000)] }));
    const before = await get(`/api/v1/stored-value/${NOTE}`, hk.auth);
    expect(before.body).toMatchObject({ issued: 300_000, redeemed: 120_000, balance: 180_000 });
    expect(documentsRead()).toBeGreaterThanOrEqual(2);

    await server.stop({ keepData: true });
    server = await startSyncServerProcess({ dataDir, seedDemo: true });
    const after = await get(`/api/v1/stored-value/${NOTE}`, hk.auth);
    expect(after).toEqual(before);
    await flags();
    expect(documentsRead()).toBe(0);
  });

  it('reads a sale pushed after the restart alone, and counts it', async () => {
    const from = server.output().length;
    // Offline in another store, beyond what is left: accepted, then flagged.
    await push(hk, 'sales', coffeeSale('sale_IX2', hk, 200_000, { tenders: [credit(200_000)] }));
    const reply = await get(`/api/v1/stored-value/${NOTE}`, q1.auth);
    expect(reply.body).toMatchObject({ redeemed: 320_000, balance: -20_000, available: 0 });
    expect(documentsRead(from)).toBe(1);
    const overspent = (await flags()).find(
      (flag) => flag._id === `flag_stored-value-overspent_${NOTE}`,
    );
    expect(overspent?.documents.map((document) => document.id)).toEqual([
      NOTE,
      // Database order, as a full read gave them: sales-hcm-q1 before sales-hn-hk.
      'sale_IX1',
      'sale_IX2',
    ]);
  });

  it('reconciles after a crash what reached the server just before it', async () => {
    // Two returns of a line sold once, made offline at two registers: both kept, over-returned.
    // The server dies right after accepting the second.
    const sale = coffeeSale('sale_IX1', q1, 120_000, { tenders: [credit(120_000)] });
    await push(q1, 'returns', returnOfSale('ret_01KAQ5V0000000000000000IX2', sale));
    await push(q1, 'returns', returnOfSale('ret_01KAQ5V0000000000000000IX3', sale));
    await server.kill();
    server = await startSyncServerProcess({ dataDir, seedDemo: true });
    expect(await flags()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          _id: 'flag_over-returned_sale_IX1_l1',
          documents: [
            { db: 'sales-hcm-q1', id: 'sale_IX1' },
            { db: 'returns-hcm-q1', id: 'ret_01KAQ5V0000000000000000IX2' },
            { db: 'returns-hcm-q1', id: 'ret_01KAQ5V0000000000000000IX3' },
          ],
        }),
      ]),
    );
  });

  it('sees every accepted sale while registers push and readers ask at the same time', async () => {
    const sales = Array.from({ length: 12 }, (_, n) =>
      coffeeSale(`sale_IXC${String(n).padStart(2, '0')}`, n % 2 ? q1 : hk, 1000, {
        tenders: [credit(1000)],
      }),
    );
    const readers: Promise<unknown>[] = [];
    await Promise.all(
      sales.map(async (sale, n) => {
        await push(n % 2 ? q1 : hk, 'sales', sale);
        readers.push(get(`/api/v1/stored-value/${NOTE}`, q1.auth));
      }),
    );
    await Promise.all(readers);
    const reply = await get(`/api/v1/stored-value/${NOTE}`, q1.auth);
    expect(reply.body).toMatchObject({ redeemed: 332_000, balance: -32_000 });
    const history = await get(`/api/v1/returns?original=sale_IX1`, q1.auth);
    expect((history.body.returns as { id: string }[]).map((entry) => entry.id)).toEqual([
      'ret_01KAQ5V0000000000000000IX2',
      'ret_01KAQ5V0000000000000000IX3',
    ]);
  });
});
