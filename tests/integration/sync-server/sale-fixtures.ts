/** Till sales built with the domain core, as a register would push them to the sync-server. */
import { demoStoreSettings } from '../../../src/demo';
import type { SaleDoc, StoreSettingsDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import type { TenderInput } from '../../../src/tenders';
import type { EnrolledDevice, SyncServerProcess } from '../../helpers/sync-server-process';

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
    staffId: 'staff_lan',
    settings,
    cart: {
      lines: [
        {
          lineId: 'l1',
          productId: 'prod_SKU000050',
          sku: 'SKU000050',
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
 * One coffee (SKU000001, VAT 8 %) at `price`, priced with the demo store's settings, paid by
 * `tenders` (default: a card for the whole price), as the device's register would push it.
 */
export function coffeeSale(
  id: string,
  device: EnrolledDevice,
  price: number,
  options: { at?: string; tenders?: readonly TenderInput[] } = {},
): SaleDoc {
  const at = options.at ?? '2026-11-21T09:00:00.000Z';
  const result = completeSale({
    saleId: id,
    createdAt: at,
    completedAt: at,
    storeId: device.storeId,
    registerId: 'reg-01',
    deviceId: device.deviceId,
    staffId: 'staff_lan',
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
          unitPrice: minor(price),
          quantity: 1,
          taxRateId: 'vat8',
        },
      ],
    },
    tenders: options.tenders ?? [
      { kind: 'card', tenderId: 't1', amount: minor(price), approvalCode: 'OK' },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}
