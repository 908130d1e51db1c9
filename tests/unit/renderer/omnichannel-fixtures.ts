/** Documents the omnichannel unit tests share: a web order, its pickups, a return of it. */
import type { PickupDoc, ProductDoc, ReturnDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';

export const ORDER: WebOrderDoc = {
  id: 'ord_01TESTORDER',
  orderNumber: 'W-TESTORDR',
  customerId: 'cust_an',
  channel: 'web',
  pickupStoreId: 'hcm-q1',
  currency: 'VND',
  lines: [
    {
      lineId: 'l1',
      sku: 'SKU000001',
      name: 'Cà phê sữa đá',
      quantity: 2,
      unitPrice: minor(25_000),
      lineTotal: minor(50_000),
      taxRateBp: 800,
    },
    {
      lineId: 'l2',
      sku: 'SKU000002',
      name: 'Bánh mì sandwich',
      quantity: 3,
      unitPrice: minor(10_000),
      lineTotal: minor(29_000),
      taxRateBp: 800,
    },
  ],
  total: minor(79_000),
  prepaid: minor(79_000),
  status: 'ready-for-pickup',
  placedAt: '2026-11-20T08:00:00.000Z',
  readyAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

export function pickup(
  id: string,
  lines: PickupDoc['lines'],
  fields: Partial<PickupDoc> = {},
): PickupDoc {
  return {
    id,
    orderId: ORDER.id,
    storeId: 'hcm-q1',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    lines,
    amountCollected: minor(0),
    createdAt: '2026-11-21T10:00:00.000Z',
    ...fields,
  };
}

export const PRODUCTS: ProductDoc[] = [
  {
    id: 'prod_SKU000001',
    sku: 'SKU000001',
    barcodes: ['8930000000019'],
    name: { vi: 'Cà phê sữa đá', en: 'Iced milk coffee' },
    searchText: 'ca phe',
    categoryId: 'drinks',
    pricing: 'unit',
    unitPrice: minor(25_000),
    currency: 'VND',
    taxRateId: 'vat8',
    active: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];

export const TAX_RATES = [
  { id: 'vat8', rateBp: 800, label: { vi: 'VAT 8%', en: 'VAT 8%' } },
  { id: 'vat10', rateBp: 1000, label: { vi: 'VAT 10%', en: 'VAT 10%' } },
];

/** A return of the order made at another store, as the server answers it. */
export function otherStoreReturn(lineId: string, quantity: number, refund: number): ReturnDoc {
  return {
    id: `ret_OTHER${lineId}`,
    storeId: 'hn-hk',
    registerId: 'reg-01',
    deviceId: 'dev_hn',
    staffId: 'staff_tuan',
    original: { documentId: ORDER.id, channel: 'web', storeId: 'hcm-q1' },
    customerId: ORDER.customerId,
    currency: 'VND',
    lines: [
      {
        originalLineId: lineId,
        productId: 'prod_x',
        sku: 'SKU000002',
        name: 'Bánh mì sandwich',
        categoryId: 'bakery',
        quantity,
        refund: minor(refund),
        tax: minor(0),
        taxRateId: 'vat8',
        rateBp: 800,
        reason: 'stale',
        restock: false,
      },
    ],
    totals: { refund: minor(refund), taxable: minor(refund), tax: minor(0) },
    taxBreakdown: [],
    tenders: [
      {
        kind: 'card',
        originalTenderId: 'online-payment',
        covers: minor(refund),
        amount: minor(refund),
      },
    ],
    cashRoundingAdjustment: minor(0),
    loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    status: 'completed',
    createdAt: '2026-11-22T10:00:00.000Z',
    completedAt: '2026-11-22T10:00:00.000Z',
  };
}
