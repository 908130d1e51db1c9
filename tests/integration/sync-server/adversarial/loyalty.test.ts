/**
 * The server re-derives every pushed loyalty entry: attacks by an enrolled register against the
 * real sync-server process (seeded demo), each refused with its reason code, nothing stored and
 * balances unchanged, or accepted and flagged where a register offline could have made it; then
 * generated legitimate sales with customers (earn, redemptions held online), pushed as a
 * register pushes them (sales, stock and loyalty side by side), which are all accepted.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoyaltyEntryDoc, SaleDoc, StoreSettingsDoc } from '../../../../src/documents';
import { pointsValue } from '../../../../src/loyalty';
import type { Minor } from '../../../../src/money';
import { minor } from '../../../../src/money';
import type { TenderInput } from '../../../../src/tenders';
import { buildReturnDocuments } from '../../../../renderer/lookup/return-documents';
import { planReturn, returnPolicyOf, returnSourceFromSale } from '../../../../src/returns';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  api,
  available,
  confirmHold,
  holdPoints,
  impliedBy,
  pushSaleSideBySide,
  pushTo,
  storedIn,
} from './ledger-fixtures';
import {
  DEMO,
  buildSale,
  lineOf,
  product,
  readAsAdmin,
  rejectionCodes,
} from './sale-attack-fixtures';

let server: SyncServerProcess;
let register: EnrolledDevice;
let hanoi: EnrolledDevice;
let settings: StoreSettingsDoc;
let hanoiSettings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  hanoi = await server.enrollDevice('hn-hk', 'reg-01');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
  hanoiSettings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hn-hk');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextId = (prefix: string) => `${prefix}_loyadv${String(++counter).padStart(4, '0')}`;
/** Demo customers from the eleventh on, every second one, hold points (src/demo). */
const WITH_POINTS = DEMO.customers.filter((_, index) => index >= 10 && index % 2 === 0);
const NO_POINTS = DEMO.customers.slice(0, 10);
let nextCustomer = 0;
const freshCustomerWithPoints = () => WITH_POINTS[nextCustomer++]!.id;

const pointsOf = (points: number, program = settings.loyalty!.program) =>
  pointsValue(points, program);

/** `coffees` coffees for `customerId`, paid with `points` points (the rest by card). */
function customerSale(
  customerId: string,
  options: {
    coffees?: number;
    points?: number;
    device?: EnrolledDevice;
    storeSettings?: StoreSettingsDoc;
    staffId?: string;
  } = {},
): SaleDoc {
  const storeSettings = options.storeSettings ?? settings;
  const points = options.points ?? 0;
  return buildSale({
    id: nextId('sale'),
    device: options.device ?? register,
    settings: storeSettings,
    ...(options.staffId ? { staffId: options.staffId } : {}),
    cart: { lines: [lineOf(product('SKU000001'), 'l1', { quantity: options.coffees ?? 4 })] },
    customer: { id: customerId, tier: null, availablePoints: 1_000_000 },
    tenders: (total: Minor): TenderInput[] => {
      const value = pointsOf(points, storeSettings.loyalty!.program);
      return [
        ...(points > 0
          ? [{ kind: 'loyalty-points' as const, tenderId: 'p1', points, amount: value }]
          : []),
        { kind: 'card', tenderId: 't1', amount: minor(total - value), approvalCode: 'OK1234' },
      ];
    },
  });
}

/** A ledger entry as a register would write it, with the given fields. */
function entry(fields: Partial<LoyaltyEntryDoc> & Pick<LoyaltyEntryDoc, 'kind'>): LoyaltyEntryDoc {
  const id = fields.id ?? nextId('loy');
  return {
    id,
    customerId: NO_POINTS[0]!.id,
    points: 1_000_000,
    channel: 'store',
    storeId: 'hcm-q1',
    deviceId: register.deviceId,
    sourceId: nextId('sale'),
    idempotencyKey: `${fields.kind}:${fields.sourceId ?? id}`,
    createdAt: new Date().toISOString(),
    ...fields,
  };
}

/** Pushes one entry and asserts it was refused with `code`, not stored. */
async function expectRefused(doc: LoyaltyEntryDoc, code: string, device = register): Promise<void> {
  const [row] = await pushTo(server, device, 'loyalty', [doc]);
  expect(row, JSON.stringify(row)).toMatchObject({
    id: doc.id,
    error: 'forbidden',
    rejected: true,
  });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await storedIn(server, 'loyalty', doc.id)).toBe(false);
}

function expectAllAccepted(rows: { id: string; error?: string; reason?: string }[]): void {
  for (const row of rows) expect(row.error, `${row.id}: ${row.reason ?? ''}`).toBeUndefined();
}

describe('points from nothing', () => {
  it('refuses earn, release, reverse and adjust of a million points, so nothing can be held or redeemed online', async () => {
    const customerId = NO_POINTS[1]!.id;
    const sale = customerSale(customerId);
    expectAllAccepted(await pushTo(server, register, 'sales-hcm-q1', [sale]));
    const before = await available(server, customerId);

    await expectRefused(
      entry({ kind: 'earn', customerId, sourceId: sale.id, idempotencyKey: `earn:${sale.id}` }),
      'loyalty_mismatch',
    );
    await expectRefused(
      entry({ kind: 'earn', customerId, sourceId: 'birthday', idempotencyKey: 'earn:birthday' }),
      'no_source',
    );
    await expectRefused(
      entry({
        kind: 'release',
        customerId,
        refersTo: 'loy_hold-made-up',
        idempotencyKey: 'release:loy_hold-made-up',
      }),
      'no_hold',
    );
    await expectRefused(
      entry({
        kind: 'reverse',
        customerId,
        sourceId: 'care-ticket-1',
        refersTo: 'loy_whatever',
        idempotencyKey: 'reverse:loy_whatever:care-ticket-1',
      }),
      'no_source',
    );
    await expectRefused(
      entry({ kind: 'adjust', customerId, reason: 'goodwill', sourceId: 'adj_1' }),
      'not_derived',
    );
    const hold = entry({
      kind: 'hold',
      customerId,
      points: -5,
      holdExpiresAt: '2099-01-01T00:00:00.000Z',
    });
    await expectRefused({ ...hold, idempotencyKey: `hold:${hold.id}` }, 'not_derived');

    expect(await available(server, customerId)).toBe(before);
    const held = await api(server, register, '/loyalty/holds', {
      customerId,
      points: 3_000_000,
      idempotencyKey: 'steal-3m',
    });
    expect(held.status).toBe(409);
    expect(held.body.error).toBe('insufficient_points');
  });

  it('waits (stores nothing) for an earn whose sale never reached the server', async () => {
    const doc = entry({
      kind: 'earn',
      sourceId: 'sale_neverpushed',
      idempotencyKey: 'earn:sale_neverpushed',
    });
    const [row] = await pushTo(server, register, 'loyalty', [doc]);
    expect(row).toMatchObject({ error: 'pending' });
    expect(await storedIn(server, 'loyalty', doc.id)).toBe(false);
  });

  it('refuses the earn of a sale the server refused (source_rejected)', async () => {
    const honest = customerSale(NO_POINTS[5]!.id);
    const forged: SaleDoc = { ...honest, loyalty: { pointsEarned: 1_000_000, pointsRedeemed: 0 } };
    const [saleRow] = await pushTo(server, register, 'sales-hcm-q1', [forged]);
    expect(saleRow).toMatchObject({ rejected: true });
    const [earn] = impliedBy(forged, settings).loyaltyEntries;
    await expectRefused(earn!, 'source_rejected');
  });

  it('refuses an entry written in another device’s name', async () => {
    const sale = customerSale(NO_POINTS[2]!.id);
    const [earn] = impliedBy(sale, settings).loyaltyEntries;
    await expectRefused({ ...earn!, deviceId: hanoi.deviceId }, 'forged_identity');
  });
});

describe('redemptions', () => {
  it('refuses an offline redemption far past what any register may allow', async () => {
    const customerId = NO_POINTS[4]!.id;
    // 60 coffees (1.500.000 ₫): half may be paid in points, but 500 a day is the offline cap,
    // and the customer has none.
    const sale = customerSale(customerId, { coffees: 60, points: 600 });
    const rows = await pushSaleSideBySide(server, register, sale, settings);
    const redeem = impliedBy(sale, settings).loyaltyEntries.find((doc) => doc.kind === 'redeem')!;
    expect(rows.find((row) => row.id === redeem.id)).toMatchObject({ rejected: true });
    expect((await rejectionCodes(server, register)).get(redeem.id)).toBe('no_hold');
    expect(await storedIn(server, 'loyalty', redeem.id)).toBe(false);
  });

  it('accepts an offline redemption within the allowance that overdraws the customer, and flags it', async () => {
    const customerId = NO_POINTS[3]!.id;
    const sale = customerSale(customerId, { coffees: 4, points: 20 });
    expectAllAccepted(await pushSaleSideBySide(server, register, sale, settings));
    const response = await fetch(`${server.url}/api/v1/flags`, {
      headers: { Authorization: server.adminAuth },
    });
    const { flags } = (await response.json()) as {
      flags: { kind: string; documents: { id: string }[] }[];
    };
    expect(
      flags.some(
        (flag) =>
          flag.kind === 'offline-redemption' && flag.documents.some((doc) => doc.id === sale.id),
      ),
    ).toBe(true);
  });

  it('accepts a redemption held and confirmed online, counted once with the register’s own entry', async () => {
    const customerId = freshCustomerWithPoints();
    const before = await available(server, customerId);
    const sale = customerSale(customerId, { coffees: 4, points: 30 });
    const holdId = await holdPoints(server, register, customerId, 30, sale.id);
    expectAllAccepted(await pushTo(server, register, 'sales-hcm-q1', [sale]));
    await confirmHold(server, register, holdId);
    expectAllAccepted(await pushSaleSideBySide(server, register, sale, settings));
    expect(await available(server, customerId)).toBe(before - 30 + sale.loyalty!.pointsEarned);
  });

  it('refuses an entry that borrows another store’s confirmed redemption key to erase it', async () => {
    const customerId = freshCustomerWithPoints();
    const sale = customerSale(customerId, {
      coffees: 4,
      points: 40,
      device: hanoi,
      storeSettings: hanoiSettings,
      staffId: 'staff_tuan',
    });
    const holdId = await holdPoints(server, hanoi, customerId, 40, sale.id);
    expectAllAccepted(await pushTo(server, hanoi, 'sales-hn-hk', [sale]));
    await confirmHold(server, hanoi, holdId);
    const after = await available(server, customerId);

    const ownSale = customerSale(customerId, { coffees: 4, points: 10 });
    expectAllAccepted(await pushTo(server, register, 'sales-hcm-q1', [ownSale]));
    // Sorts before every real id, same key as Hanoi's redemption: it would replace it.
    const shadow = entry({
      id: 'loy_0000',
      kind: 'redeem',
      customerId,
      points: -10,
      sourceId: ownSale.id,
      idempotencyKey: `redeem:${sale.id}`,
    });
    await expectRefused(shadow, 'duplicate_key');
    await expectRefused({ ...shadow, id: 'loy_0001', sourceId: sale.id }, 'duplicate_key');
    expect(await available(server, customerId)).toBe(after);
  });
});

describe('a return’s reversal', () => {
  it('is accepted as the return computes it; more or fewer points are refused', async () => {
    const customerId = freshCustomerWithPoints();
    const sale = customerSale(customerId, { coffees: 8 });
    expectAllAccepted(await pushSaleSideBySide(server, register, sale, settings));
    const ledger = impliedBy(sale, settings).loyaltyEntries;
    const plan = planReturn({
      kind: 'with-receipt',
      source: returnSourceFromSale(sale),
      lines: [{ originalLineId: 'l1', quantity: 4, reason: 'x', restock: true }],
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
      ledger,
    });
    const [reversal] = built.loyaltyEntries;
    expect(reversal?.points).toBeLessThan(0);
    const returnRows = await pushTo(server, register, 'returns-hcm-q1', [built.returnDoc]);
    expectAllAccepted(returnRows);
    const before = await available(server, customerId);

    // Taking back a million instead: the return computes what it takes back.
    await expectRefused(
      { ...reversal!, id: nextId('loy'), points: -1_000_000 },
      'loyalty_mismatch',
    );
    // Or a single point, leaving the customer the rest of what the return took back.
    await expectRefused({ ...reversal!, id: nextId('loy'), points: -1 }, 'loyalty_mismatch');
    expect(await available(server, customerId)).toBe(before);
    expectAllAccepted(await pushTo(server, register, 'loyalty', [reversal!]));
    expect(await available(server, customerId)).toBe(before + reversal!.points);
  });
});

describe('legitimate sales with customers', () => {
  it('are all accepted, pushed as a register pushes them (sales, stock and loyalty side by side)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          coffees: fc.integer({ min: 1, max: 12 }),
          redeem: fc.boolean(),
          share: fc.integer({ min: 0, max: 100 }),
        }),
        async ({ coffees, redeem, share }) => {
          const customerId = freshCustomerWithPoints();
          const before = await available(server, customerId);
          const probe = customerSale(customerId, { coffees });
          const cap = Math.min(before, Math.floor((probe.priced.totals.total * 0.5) / 1_000));
          const points = redeem && cap >= 10 ? 10 + Math.floor(((cap - 10) * share) / 100) : 0;
          const sale = points > 0 ? customerSale(customerId, { coffees, points }) : probe;
          if (points > 0) {
            const holdId = await holdPoints(server, register, customerId, points, sale.id);
            await confirmHold(server, register, holdId);
          }
          expectAllAccepted(await pushSaleSideBySide(server, register, sale, settings));
          expect(await available(server, customerId)).toBe(
            before - points + (sale.loyalty?.pointsEarned ?? 0),
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});
