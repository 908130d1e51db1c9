/**
 * The server re-derives every pushed stock move: attacks by an enrolled register against the
 * real sync-server process (seeded demo), each refused with its reason code, nothing stored and
 * stock unchanged; and the moves a register writes (a sale's, a receipt, a count, a transfer
 * both ways), which are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PickupDoc,
  StockMoveDoc,
  StoreSettingsDoc,
  WebOrderDoc,
} from '../../../../src/documents';
import { minor } from '../../../../src/money';
import { pickupStockMoves } from '../../../../src/orders';
import { MAX_STOCK_MOVE_QUANTITY, postCount, reviewCount } from '../../../../src/stock';
import { buildReturnDocuments } from '../../../../renderer/lookup/return-documents';
import { planReturn, returnPolicyOf, returnSourceFromSale } from '../../../../src/returns';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { impliedBy, pushSaleSideBySide, pushTo, sellable, storedIn } from './ledger-fixtures';
import { buildSale, lineOf, product, readAsAdmin, rejectionCodes } from './sale-attack-fixtures';

let server: SyncServerProcess;
let register: EnrolledDevice;
let hanoi: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  hanoi = await server.enrollDevice('hn-hk', 'reg-01');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextId = (prefix: string) => `${prefix}_stkadv${String(++counter).padStart(4, '0')}`;
const SKU = 'SKU000002';

function move(
  fields: Partial<StockMoveDoc> & Pick<StockMoveDoc, 'kind' | 'quantity'>,
): StockMoveDoc {
  return {
    id: nextId('stk'),
    sku: SKU,
    storeId: 'hcm-q1',
    sourceId: nextId('rcv'),
    deviceId: register.deviceId,
    createdAt: new Date().toISOString(),
    ...fields,
  };
}

async function expectRefused(doc: StockMoveDoc, code: string, device = register): Promise<void> {
  const [row] = await pushTo(server, device, `stock-${device.storeId}`, [doc]);
  expect(row, JSON.stringify(row)).toMatchObject({
    id: doc.id,
    error: 'forbidden',
    rejected: true,
  });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await storedIn(server, `stock-${device.storeId}`, doc.id)).toBe(false);
}

async function expectAccepted(docs: StockMoveDoc[], device = register): Promise<void> {
  const rows = await pushTo(server, device, `stock-${device.storeId}`, docs);
  for (const row of rows) expect(row.error, `${row.id}: ${row.reason ?? ''}`).toBeUndefined();
}

describe('stock from nothing', () => {
  it('refuses a receipt or an adjustment of 1e9 units; stock is unchanged', async () => {
    const before = await sellable(server, 'hcm-q1', SKU);
    await expectRefused(move({ kind: 'receive', quantity: 1e9 }), 'unbounded');
    await expectRefused(
      move({ kind: 'adjust', quantity: MAX_STOCK_MOVE_QUANTITY + 1, reason: 'found' }),
      'unbounded',
    );
    expect(await sellable(server, 'hcm-q1', SKU)).toBe(before);
    await expectAccepted([move({ kind: 'receive', quantity: 24 })]);
    expect(await sellable(server, 'hcm-q1', SKU)).toBe(before + 24);
  });

  it('refuses a transfer-in nothing was sent for, and receiving more than was sent', async () => {
    await expectRefused(
      move({
        kind: 'transfer-in',
        quantity: 500,
        counterpartStoreId: 'hn-hk',
        sourceId: 'xfer_none',
      }),
      'unmatched_transfer',
    );
    const transfer = nextId('xfer');
    await expectAccepted(
      [
        move({
          kind: 'transfer-out',
          quantity: -6,
          storeId: 'hn-hk',
          deviceId: hanoi.deviceId,
          counterpartStoreId: 'hcm-q1',
          sourceId: transfer,
        }),
      ],
      hanoi,
    );
    const received = {
      kind: 'transfer-in' as const,
      counterpartStoreId: 'hn-hk',
      sourceId: transfer,
    };
    await expectRefused(move({ ...received, sku: 'SKU000003', quantity: 6 }), 'unmatched_transfer');
    await expectAccepted([move({ ...received, quantity: 4 }), move({ ...received, quantity: 2 })]);
    await expectRefused(move({ ...received, quantity: 1 }), 'unmatched_transfer');
  });

  it('accepts a count whose moves are its variance, refuses one that is not', async () => {
    const review = reviewCount(
      {
        storeId: 'hcm-q1',
        countId: nextId('count'),
        countedAt: new Date().toISOString(),
        lines: [{ sku: 'SKU000004', counted: 7 }],
      },
      [],
    );
    const [counted] = postCount(review, {
      newId: () => nextId('stk'),
      deviceId: register.deviceId,
    });
    await expectAccepted([counted!]);
    await expectRefused({ ...counted!, id: nextId('stk'), quantity: 5_000 }, 'not_derived');
  });
});

describe('a pickup’s moves', () => {
  it('take out what the pickup handed over, nothing more', async () => {
    // The store has it ready: only a ready order is handed over (the pickup check).
    const response = await fetch(`${server.url}/api/v1/orders/W-10001/ready`, {
      method: 'POST',
      headers: { Authorization: register.auth },
    });
    const { order } = (await response.json()) as { order: WebOrderDoc };
    const line = order.lines[0]!;
    const pickup: PickupDoc = {
      id: nextId('pick'),
      orderId: order.id,
      storeId: 'hcm-q1',
      deviceId: register.deviceId,
      staffId: 'staff_lan',
      lines: [{ lineId: line.lineId, quantity: 1 }],
      amountCollected: minor(0),
      createdAt: new Date().toISOString(),
    };
    const rows = await pushTo(server, register, 'pickups-hcm-q1', [pickup]);
    expect(rows[0]?.error, rows[0]?.reason).toBeUndefined();
    const [handedOver] = pickupStockMoves(pickup, order);
    await expectRefused({ ...handedOver!, quantity: -50 }, 'not_derived');
    await expectRefused(
      { ...handedOver!, id: `stk_${pickup.id}_nosuchline`, sku: 'SKU000009' },
      'not_derived',
    );
    await expectAccepted([handedOver!]);
  });
});

describe('a return’s moves', () => {
  it('restock what the return brought back, once', async () => {
    const sale = buildSale({
      id: nextId('sale'),
      device: register,
      settings,
      cart: { lines: [lineOf(product('SKU000007'), 'l1', { quantity: 3 })] },
    });
    for (const row of await pushSaleSideBySide(server, register, sale, settings)) {
      expect(row.error, row.reason).toBeUndefined();
    }
    const plan = planReturn({
      kind: 'with-receipt',
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 2, reason: 'x', restock: true }],
      knownReturns: [],
      policy: returnPolicyOf(settings).policy,
      now: new Date().toISOString(),
      cashRounding: settings.cashRounding,
    });
    if (!plan.ok) throw new Error(plan.errors.map((error) => error.message).join(' '));
    const built = buildReturnDocuments({
      returnId: nextId('ret'),
      plan: plan.plan,
      currency: sale.currency,
      writer: {
        storeId: 'hcm-q1',
        registerId: 'reg-01',
        deviceId: register.deviceId,
        staffId: 'staff_lan',
      },
      now: new Date().toISOString(),
      ledger: [],
    });
    const [restock] = built.stockMoves;
    const rows = await pushTo(server, register, 'returns-hcm-q1', [built.returnDoc]);
    expect(rows[0]?.error, rows[0]?.reason).toBeUndefined();
    await expectRefused({ ...restock!, id: nextId('stk'), quantity: 200 }, 'not_derived');
    await expectAccepted([restock!]);
    // The same pieces restocked again under another id.
    await expectRefused({ ...restock!, id: nextId('stk') }, 'not_derived');
  });
});

describe('a sale’s moves', () => {
  it('are accepted as the sale implies them, pushed beside it', async () => {
    const sale = buildSale({
      id: nextId('sale'),
      device: register,
      settings,
      cart: { lines: [lineOf(product('SKU000005'), 'l1', { quantity: 3 })] },
    });
    const before = await sellable(server, 'hcm-q1', 'SKU000005');
    const rows = await pushSaleSideBySide(server, register, sale, settings);
    for (const row of rows) expect(row.error, `${row.id}: ${row.reason ?? ''}`).toBeUndefined();
    const [taken] = impliedBy(sale, settings).stockMoves;
    expect(await sellable(server, 'hcm-q1', 'SKU000005')).toBe(before + taken!.quantity);
  });

  it('refuses moves that do not follow from the sale, or name no sale', async () => {
    const sale = buildSale({
      id: nextId('sale'),
      device: register,
      settings,
      cart: { lines: [lineOf(product('SKU000006'), 'l1', { quantity: 1 })] },
    });
    const rows = await pushTo(server, register, 'sales-hcm-q1', [sale]);
    expect(rows[0]?.error, rows[0]?.reason).toBeUndefined();
    const [own] = impliedBy(sale, settings).stockMoves;
    // Selling 1 but taking 100 off (or putting 100 on) the shelf; a second move for one line.
    await expectRefused({ ...own!, quantity: -100 }, 'not_derived');
    await expectRefused({ ...own!, id: `${own!.id}9` }, 'not_derived');
    await expectRefused({ ...own!, id: nextId('stk'), sourceId: 'gift-to-a-friend' }, 'no_source');
    await expectRefused(
      { ...own!, id: nextId('stk'), deviceId: hanoi.deviceId },
      'forged_identity',
    );
    await expectAccepted([own!]);
  });

  it('waits (stores nothing) for a sale that never reached the server', async () => {
    const doc = move({ kind: 'sale', quantity: -1, sourceId: 'sale_neverpushed' });
    const [row] = await pushTo(server, register, 'stock-hcm-q1', [doc]);
    expect(row).toMatchObject({ error: 'pending' });
    expect(await storedIn(server, 'stock-hcm-q1', doc.id)).toBe(false);
  });
});
