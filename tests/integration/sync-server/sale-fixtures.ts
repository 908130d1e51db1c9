/** Till sales built with the domain core, as a register would push them to the sync-server. */
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

/**
 * Who rings up the fixtures' sales at each demo store (the server checks the cashier works
 * there), and who approves a price override (the manager of every store).
 */
const CASHIERS: Record<string, string> = { 'hcm-q1': 'staff_lan', 'hn-hk': 'staff_tuan' };
export const cashierOf = (storeId: string): string => CASHIERS[storeId] ?? 'staff_ha';
const MANAGER = 'staff_ha';

/** Two packs of biscuits (category snacks) priced with `settings`, paid as given (default cash). */
export function snackSale(
  id: string,
  device: EnrolledDevice,
  settings: StoreSettingsDoc,
  completedAt: string,
  tenders: readonly TenderInput[] = [{ kind: 'cash', tenderId: 't1', amount: minor(100_000) }],
): SaleDoc {
  const result = completeSale({
    saleId: id,
    createdAt: completedAt,
    completedAt,
    storeId: device.storeId,
    registerId: 'reg-01',
    deviceId: device.deviceId,
    staffId: cashierOf(device.storeId),
    settings,
    cart: {
      lines: [
        {
          lineId: 'l1',
          // The demo catalog's snack at 40.000 ₫ (prices are checked against the catalog).
          productId: 'prod_SKU001303',
          sku: 'SKU001303',
          name: 'Bánh quy',
          categoryId: 'snacks',
          pricing: 'unit',
          unitPrice: minor(40_000),
          quantity: 2,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

/** PUTs a document as the device would; answers the status and the JSON body. */
export async function putDoc(
  server: SyncServerProcess,
  auth: string,
  db: string,
  doc: { id: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { id, ...rest } = doc;
  const response = await fetch(`${server.url}/db/${db}/${id}`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: id, ...rest }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * One coffee (SKU000001, VAT 8 %, 25.000 ₫ in the catalog) at `price`, priced with the demo
 * store's settings, paid by `tenders` (default: a card for the whole price), as the device's
 * register would push it: any other price is an override the store's manager approved. Sold an
 * hour ago unless `at` says when (the server refuses times outside the offline window).
 */
export function coffeeSale(
  id: string,
  device: EnrolledDevice,
  price: number,
  options: { at?: string; tenders?: readonly TenderInput[]; customerId?: string } = {},
): SaleDoc {
  const at = options.at ?? new Date(Date.now() - 3_600_000).toISOString();
  const result = completeSale({
    saleId: id,
    createdAt: at,
    completedAt: at,
    storeId: device.storeId,
    registerId: 'reg-01',
    deviceId: device.deviceId,
    staffId: cashierOf(device.storeId),
    settings: demoStoreSettings(device.storeId, 'S', 'A', '2026-01-01T00:00:00.000Z'),
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU000001',
          sku: 'SKU000001',
          name: 'Cà phê',
          categoryId: 'drinks',
          pricing: 'unit',
          unitPrice: minor(25_000),
          quantity: 1,
          taxRateId: 'vat8',
          ...(price === 25_000
            ? {}
            : {
                override: { unitPrice: minor(price), reason: 'Giá thử', approvedBy: MANAGER },
              }),
        },
      ],
    },
    tenders: options.tenders ?? [
      { kind: 'card', tenderId: 't1', amount: minor(price), approvalCode: 'OK' },
    ],
    ...(options.customerId
      ? { customer: { id: options.customerId, tier: null, availablePoints: 0 } }
      : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}
