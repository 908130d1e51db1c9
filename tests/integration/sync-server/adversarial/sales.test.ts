/**
 * The server re-derives every pushed sale: attacks by an enrolled register against the real
 * sync-server process, each refused with its reason code (nothing stored) or accepted and
 * flagged where a legitimate register could have done it offline or behind; then generated
 * legitimate sales, which are all accepted.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDoc, StaffDoc, StoreSettingsDoc } from '../../../../src/documents';
import { tierStanding } from '../../../../src/loyalty';
import { minor } from '../../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../../src/pricing';
import { openShift } from '../../../../src/shifts';
import { startSyncServerProcess } from '../../../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  DEMO,
  buildSale,
  flagIds,
  lineOf,
  minutesAgo,
  product,
  push,
  putAsAdmin,
  readAsAdmin,
  rejectionCodes,
  stored,
} from './sale-attack-fixtures';
import type { PushRow, SaleSpec } from './sale-attack-fixtures';
import { legitimateSales } from './sale-generators';

let server: SyncServerProcess;
let register: EnrolledDevice;
let otherRegister: EnrolledDevice;
let settings: StoreSettingsDoc;

beforeAll(async () => {
  server = await startSyncServerProcess({ seedDemo: true });
  register = await server.enrollDevice('hcm-q1', 'reg-01');
  otherRegister = await server.enrollDevice('hcm-q1', 'reg-02');
  settings = await readAsAdmin<StoreSettingsDoc>(server, 'settings/store_hcm-q1');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

let counter = 0;
const nextId = (what: string) => `sale_${what}${String(++counter).padStart(4, '0')}`;
const coffee = (quantity = 1) => lineOf(product('SKU000001'), 'l1', { quantity });
const sale = (spec: Omit<SaleSpec, 'id' | 'device' | 'settings'> & { id?: string }) =>
  buildSale({ id: nextId('adv'), device: register, settings, ...spec });

/** Pushes one sale as `device` and asserts it was refused with `code` and not stored. */
async function expectRefused(doc: SaleDoc, code: string, device = register): Promise<string> {
  const [row] = await push(server, device, [doc]);
  expect(row).toMatchObject({ id: doc.id, error: 'forbidden', rejected: true });
  expect((await rejectionCodes(server, device)).get(doc.id)).toBe(code);
  expect(await stored(server, device, doc.id)).toBe(false);
  return row?.reason ?? '';
}

async function expectAccepted(doc: SaleDoc): Promise<PushRow | undefined> {
  const [row] = await push(server, register, [doc]);
  expect(row?.error, row?.reason).toBeUndefined();
  expect(row?.ok).toBe(true);
  expect(await stored(server, register, doc.id)).toBe(true);
  return row;
}

describe('prices come from the catalog in force when the sale completed', () => {
  it('refuses 100 coffees at 1 ₫ although the sale adds up', async () => {
    const cheap = { ...coffee(100), unitPrice: minor(1) };
    const reason = await expectRefused(sale({ cart: { lines: [cheap] } }), 'price_mismatch');
    expect(reason).toContain('unitPrice: 1 on the line, 25000 in the catalog');
  });

  it('refuses a weighed line at a per-kg price the catalog never had, accepts the real one', async () => {
    const mango = lineOf(product('SKU000005'), 'l1', { grams: 750 });
    await expectRefused(
      sale({ cart: { lines: [{ ...mango, unitPrice: minor(6_500) }] } }),
      'price_mismatch',
    );
    await expectAccepted(sale({ cart: { lines: [mango] } }));
  });

  it('refuses a line moved to another category to catch a promotion', async () => {
    const asSnack = { ...coffee(2), categoryId: 'snacks' };
    await expectRefused(sale({ cart: { lines: [asSnack] } }), 'price_mismatch');
  });

  it('accepts and flags a price already replaced, and refuses one no version had', async () => {
    const water = product('SKU000003');
    const beforeChange = minutesAgo(0.2);
    await putAsAdmin(server, 'products', { ...water, unitPrice: minor(7_000) });
    // The new price is recorded in force as it lands; sell a moment after that.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const oldPrice = { cart: { lines: [lineOf(water, 'l1')] } };
    const early = sale({ ...oldPrice, completedAt: beforeChange });
    const behind = sale({ ...oldPrice, completedAt: new Date().toISOString() });
    const current = sale({
      cart: { lines: [{ ...lineOf(water, 'l1'), unitPrice: minor(7_000) }] },
      completedAt: new Date().toISOString(),
    });
    for (const doc of [early, behind, current]) await expectAccepted(doc);
    const flags = await flagIds(server);
    expect(flags).toContain(`flag_unverified-price_${behind.id}`);
    expect(flags).not.toContain(`flag_unverified-price_${early.id}`);
    expect(flags).not.toContain(`flag_unverified-price_${current.id}`);
    const never = sale({ cart: { lines: [{ ...lineOf(water, 'l1'), unitPrice: minor(6_500) }] } });
    await expectRefused(never, 'price_mismatch');
  });

  it('records a catalog import’s prices as they land', async () => {
    const bread = product('SKU000002');
    const response = await fetch(`${server.url}/api/v1/admin/catalog`, {
      method: 'POST',
      headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ ...bread, unitPrice: 23_000, updatedAt: new Date().toISOString() }]),
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = new Date().toISOString();
    const imported = sale({
      cart: { lines: [{ ...lineOf(bread, 'l1'), unitPrice: minor(23_000) }] },
      completedAt: now,
    });
    const behind = sale({ cart: { lines: [lineOf(bread, 'l1')] }, completedAt: now });
    for (const doc of [imported, behind]) await expectAccepted(doc);
    const flags = await flagIds(server);
    expect(flags).toContain(`flag_unverified-price_${behind.id}`);
    expect(flags).not.toContain(`flag_unverified-price_${imported.id}`);
  });
});

describe('unknown products', () => {
  it('refuses a SKU the catalog does not have', async () => {
    const ghost = { ...coffee(), productId: 'prod_SKU999999', sku: 'SKU999999' };
    await expectRefused(sale({ cart: { lines: [ghost] } }), 'unknown_product');
  });

  it('refuses a productId and SKU that belong to different products', async () => {
    const mixed = { ...coffee(), sku: 'SKU000002' };
    await expectRefused(sale({ cart: { lines: [mixed] } }), 'unknown_product');
  });
});

const pin = { algorithm: 'pbkdf2-sha256', iterations: 100_000, salt: 'AAAA', hash: 'AAAA' };
const supervisor = (id: string, storeIds: string[], active: boolean): StaffDoc =>
  ({
    id,
    name: id,
    role: 'supervisor',
    storeIds,
    pin,
    active,
    updatedAt: new Date().toISOString(),
  }) as StaffDoc;

describe('manual prices and discounts beyond the cashier limit name a real approver', () => {
  beforeAll(async () => {
    await putAsAdmin(server, 'staff', supervisor('staff_gone', ['hcm-q1'], false));
    await putAsAdmin(server, 'staff', supervisor('staff_hksup', ['hn-hk'], true));
  });

  const override = (approvedBy: string) => ({
    ...coffee(),
    override: { unitPrice: minor(0), reason: 'free', approvedBy },
  });

  it('refuses a price override to 0 approved by staff who do not exist or may not', async () => {
    for (const approver of ['staff_nobody', 'staff_lan', 'staff_gone', 'staff_hksup']) {
      const reason = await expectRefused(
        sale({ cart: { lines: [override(approver)] } }),
        'not_approved',
      );
      expect(reason).toContain(approver);
    }
  });

  it('accepts the override a supervisor of the store approved', async () => {
    await expectAccepted(sale({ cart: { lines: [override('staff_minh')] } }));
    await expectAccepted(sale({ cart: { lines: [override('staff_ha')] } }));
  });

  it('refuses a 100 % order discount with no approver, accepts it approved', async () => {
    const lines = [coffee(2)];
    const full = { kind: 'percent', percentBp: 10_000 } as const;
    await expectRefused(sale({ cart: { lines, orderDiscount: full } }), 'not_approved');
    await expectAccepted(
      sale({ cart: { lines, orderDiscount: { ...full, approvedBy: 'staff_minh' } } }),
    );
  });

  it('refuses an amount discount over the limit on a line; a supervisor needs no approver', async () => {
    const discounted = { ...coffee(), discount: { kind: 'amount', amount: minor(5_000) } as const };
    await expectRefused(sale({ cart: { lines: [discounted] } }), 'not_approved');
    await expectAccepted(sale({ cart: { lines: [discounted] }, staffId: 'staff_minh' }));
    const within = { ...coffee(), discount: { kind: 'percent', percentBp: 1_000 } as const };
    await expectAccepted(sale({ cart: { lines: [within] } }));
  });
});

describe('the sale is the device’s and its store’s', () => {
  it('refuses a sale claiming another device', async () => {
    const doc = buildSale({
      id: nextId('adv'),
      device: otherRegister,
      settings,
      cart: { lines: [coffee()] },
    });
    await expectRefused(doc, 'forged_identity');
  });

  it('refuses another store’s cashier and unknown staff', async () => {
    await expectRefused(
      sale({ cart: { lines: [coffee()] }, staffId: 'staff_tuan' }),
      'forged_identity',
    );
    await expectRefused(
      sale({ cart: { lines: [coffee()] }, staffId: 'staff_x' }),
      'forged_identity',
    );
  });
});

describe('times a register could not have sold at', () => {
  it('refuses 1999, 2099 and a sale completed before it started', async () => {
    const lines = [coffee()];
    await expectRefused(
      sale({ cart: { lines }, completedAt: '1999-06-01T09:00:00.000Z' }),
      'implausible_time',
    );
    await expectRefused(
      sale({ cart: { lines }, completedAt: '2099-06-01T09:00:00.000Z' }),
      'implausible_time',
    );
    await expectRefused(
      sale({ cart: { lines }, completedAt: minutesAgo(5), createdAt: minutesAgo(1) }),
      'implausible_time',
    );
    await expectAccepted(
      sale({ cart: { lines }, completedAt: minutesAgo(31 * 24 * 60 - 60 * 24 * 2) }),
    );
  });

  it('refuses a sale before its shift opened', async () => {
    const shift = openShift({
      id: 'shift_adv0001',
      storeId: 'hcm-q1',
      registerId: 'reg-01',
      deviceId: register.deviceId,
      currency: 'VND',
      openedAt: minutesAgo(10),
      openedBy: 'staff_minh',
      openingFloat: minor(0),
    });
    expect((await push(server, register, [shift], 'shifts'))[0]?.ok).toBe(true);
    const lines = [coffee()];
    await expectRefused(
      sale({ cart: { lines }, shiftId: shift.id, completedAt: minutesAgo(30) }),
      'implausible_time',
    );
    await expectAccepted(sale({ cart: { lines }, shiftId: shift.id, completedAt: minutesAgo(5) }));
  });
});

/** A demo customer at a tier (by qualifying points now), from the seeded ledger. */
function customerAt(tierId: string): string {
  const program = settings.loyalty?.program;
  if (!program) throw new Error('The demo store runs a loyalty program.');
  const found = DEMO.customers.find(
    (customer) =>
      tierStanding(DEMO.loyaltyEntries, customer.id, program, new Date().toISOString()).tier?.id ===
      tierId,
  );
  if (!found) throw new Error(`No demo customer at tier ${tierId}`);
  return found.id;
}

describe('points are what the loyalty program gives', () => {
  const gold = () => settings.loyalty?.program.tiers.find((tier) => tier.id === 'gold') ?? null;
  const points = (customerId: string, tier: ReturnType<typeof gold>) =>
    sale({
      cart: { lines: [coffee(4)] },
      customer: { id: customerId, tier, availablePoints: 0 },
    });

  it('refuses 1e12 points earned', async () => {
    const doc = points(customerAt('silver'), null);
    const forged = { ...doc, loyalty: { pointsEarned: 1e12, pointsRedeemed: 0 } };
    await expectRefused(forged, 'loyalty_mismatch');
  });

  it('accepts a tier bonus up to the customer’s tier, refuses one above it', async () => {
    await expectAccepted(points(customerAt('gold'), gold()));
    await expectAccepted(points(customerAt('gold'), null));
    await expectRefused(points(customerAt('silver'), gold()), 'loyalty_mismatch');
  });

  it('judges a customer the server does not hold yet at the base rate, never a tier', async () => {
    await expectAccepted(points('cust_notyetsynced1', null));
    await expectRefused(points('cust_notyetsynced2', gold()), 'loyalty_mismatch');
  });
});

describe('a voided sale', () => {
  it('is refused: the register never pushes one (a void clears the cart)', async () => {
    const doc = sale({ cart: { lines: [coffee()] } });
    const voided: SaleDoc = {
      ...doc,
      status: 'voided',
      void: { voidedAt: doc.completedAt, voidedBy: 'staff_minh', reason: 'x' },
    };
    await expectRefused(voided, 'voided_on_push');
  });
});

describe('legitimate sales', () => {
  it('accepts every generated one (weighed items, promotions, discounts, splits, loyalty)', async () => {
    await fc.assert(
      fc.asyncProperty(legitimateSales(settings, register), async (specs) => {
        const docs = specs.map((spec) => buildSale({ ...spec, id: nextId('prop') }));
        const rows = await push(server, register, docs);
        for (const row of rows) expect(row.error, row.reason).toBeUndefined();
        for (const doc of docs) {
          const total = priceCart(doc.cart, pricingContextFromSettings(settings, doc.createdAt));
          expect(doc.priced.totals.total).toBe(total.totals.total);
        }
      }),
      { numRuns: 40 },
    );
    // 40 pushes through the gate: seconds on the embedded store, more on a loaded cluster.
  }, 180_000);
});
