/**
 * What every new Vietnamese store starts from: VND, prices with VAT and the VAT rates with their
 * dated changes (demo-tax.ts, the published schedule), cash rounded to 500 ₫, the roles'
 * permissions and the cashier's discount limit. The demo stores and a store made by the first-run
 * setup (src/setup) both start here, so a change to a default is made once.
 */
import type { Permission, StoreSettingsDoc } from '../documents/store-settings';
import { DEMO_TAX_RATES } from './demo-tax';

const MANAGER_PERMISSIONS: Permission[] = [
  'price-override',
  'discount-over-limit',
  'remove-line-after-payment',
  'void-sale',
  'no-sale',
  'return-without-receipt',
  'refund',
  'manage-stock',
  'manage-shift',
  'view-reports',
  'manage-settings',
];

export interface NewStore {
  storeId: string;
  name: string;
  address: string;
  receipt: { header: string[]; footer: string[] };
}

export function newStoreSettings(store: NewStore, now: string): StoreSettingsDoc {
  return {
    id: `store_${store.storeId}`,
    storeId: store.storeId,
    name: store.name,
    address: store.address,
    currency: 'VND',
    defaultLocale: 'vi-VN',
    tax: {
      pricesIncludeTax: true,
      rates: DEMO_TAX_RATES.map((rate) => ({
        ...rate,
        ...(rate.changes ? { changes: rate.changes.map((change) => ({ ...change })) } : {}),
      })),
      rounding: 'line',
      roundingMode: 'half-up',
    },
    cashRounding: { increment: 500, mode: 'half-up' },
    receipt: { header: [...store.receipt.header], footer: [...store.receipt.footer] },
    permissions: {
      cashier: ['refund'],
      supervisor: [
        'price-override',
        'discount-over-limit',
        'void-sale',
        'no-sale',
        'refund',
        'manage-shift',
      ],
      manager: [...MANAGER_PERMISSIONS],
    },
    cashierMaxDiscountBp: 1000,
    updatedAt: now,
  };
}
