/**
 * The data every bench phase works on, generated from src/demo's seeded generators so it is the
 * same on every machine: products with Vietnamese and English names and valid EAN-13 barcodes,
 * customers with loyalty cards, and a few stores (the demo store first) that run a loyalty
 * program, so a completed sale also writes ledger entries.
 */
import {
  DEMO_OTHER_STORE_ID,
  DEMO_STORE_ID,
  demoStoreSettings,
  generateDemoCustomers,
  generateDemoData,
  generateDemoProducts,
} from '../../src/demo';
import type { DemoStaff } from '../../src/demo';
import type { CustomerDoc, ProductDoc, StoreSettingsDoc } from '../../src/documents';
import type { LoyaltySettings } from '../../src/loyalty';
import { minor } from '../../src/money';
import type { BenchScale } from './bench-scale';

export const BENCH_SEED = 20261123;
/** Stamped on every generated document: fixed, so two runs write identical data. */
export const BENCH_NOW = '2026-11-23T03:00:00.000Z';

const EXTRA_STORES: readonly (readonly [string, string, string])[] = [
  ['dn-hc', 'Omnitill Hải Châu', '25 Bạch Đằng, Hải Châu, Đà Nẵng'],
  ['hp-lc', 'Omnitill Lê Chân', '40 Tô Hiệu, Lê Chân, Hải Phòng'],
  ['ct-nk', 'Omnitill Ninh Kiều', '3 Hai Bà Trưng, Ninh Kiều, Cần Thơ'],
  ['hcm-q7', 'Omnitill Quận 7', '101 Nguyễn Thị Thập, Quận 7, TP. Hồ Chí Minh'],
];

export const BENCH_LOYALTY: LoyaltySettings = {
  program: {
    earnPoints: 1,
    earnSpend: minor(10_000),
    categoryMultipliers: [{ categoryId: 'produce', multiplierBp: 20_000 }],
    tiers: [
      {
        id: 'gold',
        name: { vi: 'Vàng', en: 'Gold' },
        thresholdPoints: 5_000,
        earnMultiplierBp: 15_000,
      },
    ],
    tierWindowDays: 365,
    pointValue: minor(1_000),
    minimumRedemptionPoints: 10,
    maxRedemptionShareBp: 5_000,
    expiryDays: 365,
    holdMinutes: 15,
  },
  offline: { enabled: true, perCustomerPerDayPoints: 500, perStorePerDayPoints: 20_000 },
};

export interface BenchData {
  stores: StoreSettingsDoc[];
  staff: DemoStaff[];
  products: ProductDoc[];
  customers: CustomerDoc[];
}

export function benchStores(count: number): StoreSettingsDoc[] {
  const demo = generateDemoData({ now: BENCH_NOW, productCount: 0, customerCount: 0 }).stores;
  const extra = EXTRA_STORES.map(([id, name, address]) =>
    demoStoreSettings(id, name, address, BENCH_NOW),
  );
  return [...demo, ...extra]
    .slice(0, Math.max(1, count))
    .map((store) => ({ ...store, loyalty: BENCH_LOYALTY }));
}

export function generateBenchData(
  scale: Pick<BenchScale, 'stores' | 'products' | 'customers'>,
): BenchData {
  const stores = benchStores(scale.stores);
  const demoStaff = generateDemoData({ now: BENCH_NOW, productCount: 0, customerCount: 0 }).staff;
  return {
    stores,
    // The bench's registers sell as staff_lan in every store; the server checks the cashier
    // works at the store of each sale, so she works at all of them here.
    staff: demoStaff.map((member) =>
      member.id === 'staff_lan'
        ? { ...member, storeIds: stores.map((store) => store.storeId) }
        : member,
    ),
    products: generateDemoProducts(scale.products, BENCH_SEED, BENCH_NOW),
    customers: generateDemoCustomers(scale.customers, BENCH_SEED, BENCH_NOW),
  };
}

export { DEMO_OTHER_STORE_ID, DEMO_STORE_ID };
