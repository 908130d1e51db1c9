/** Till sales built with the domain core, as a register would push them to the sync-server. */
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
