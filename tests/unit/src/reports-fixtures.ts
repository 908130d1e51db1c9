/** Sales, orders, returns and loyalty entries for the report tests, made by the domain core. */
import { demoStoreSettings } from '../../../src/demo';
import type { ReturnDoc, SaleDoc, WebOrderDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';

export const SETTINGS = demoStoreSettings('hcm-q1', 'Q1', 'HCMC', '2026-01-01T00:00:00.000Z');

let serial = 0;

/** A completed till sale of one line at `at`, paid with `tender` (amount filled in if absent). */
export function tillSale(
  at: string,
  fields: {
    unitPrice: number;
    quantity?: number;
    categoryId?: string;
    staffId?: string;
    customerId?: string;
    shiftId?: string;
    tender?: TenderInput;
  },
): SaleDoc {
  serial += 1;
  const quantity = fields.quantity ?? 1;
  const result = completeSale({
    saleId: `sale_T${String(serial).padStart(4, '0')}`,
    createdAt: at,
    completedAt: at,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: fields.staffId ?? 'staff_lan',
    ...(fields.shiftId ? { shiftId: fields.shiftId } : {}),
    settings: SETTINGS,
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_A',
          sku: 'A',
          name: 'A',
          categoryId: fields.categoryId ?? 'drinks',
          pricing: 'unit',
          unitPrice: minor(fields.unitPrice),
          quantity,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: [
      fields.tender ?? {
        kind: 'card',
        tenderId: 't1',
        amount: minor(fields.unitPrice * quantity),
        approvalCode: 'OK',
      },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  const sale = result.completed.sale;
  return fields.customerId ? { ...sale, customerId: fields.customerId } : sale;
}

export function webOrder(
  id: string,
  at: string,
  total: number,
  fields: Partial<WebOrderDoc> = {},
): WebOrderDoc {
  return {
    id,
    orderNumber: id.toUpperCase(),
    customerId: 'cust_1',
    channel: 'web',
    pickupStoreId: 'hcm-q1',
    currency: 'VND',
    lines: [
      {
        lineId: 'l1',
        sku: 'A',
        name: 'A',
        quantity: 1,
        unitPrice: minor(total),
        lineTotal: minor(total),
        taxRateBp: 800,
      },
    ],
    total: minor(total),
    prepaid: minor(total),
    status: 'ready-for-pickup',
    placedAt: at,
    updatedAt: at,
    ...fields,
  };
}

export function refund(
  id: string,
  at: string,
  amount: number,
  fields: Partial<ReturnDoc> & { reason?: string } = {},
): ReturnDoc {
  const { reason = 'damaged', ...rest } = fields;
  return {
    id,
    storeId: 'hcm-q1',
    registerId: 'reg-01',
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    currency: 'VND',
    lines: [
      {
        productId: 'prod_A',
        sku: 'A',
        name: 'A',
        categoryId: 'drinks',
        quantity: 1,
        refund: minor(amount),
        tax: minor(0),
        taxRateId: 'vat8',
        rateBp: 800,
        reason,
        restock: true,
      },
    ],
    totals: { refund: minor(amount), taxable: minor(amount), tax: minor(0) },
    taxBreakdown: [],
    tenders: [{ kind: 'cash', covers: minor(amount), amount: minor(amount) }],
    cashRoundingAdjustment: minor(0),
    loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    status: 'completed',
    createdAt: at,
    completedAt: at,
    ...rest,
  };
}
