/**
 * Sales for the adversarial suite, built as a register builds them (completeSale from
 * src/sales over lines copied from the demo catalog), pushed with an enrolled device's
 * credentials, and what the server answered: the reply row, the rejection log, the flags.
 */
import { generateDemoData } from '../../../../src/demo';
import type { ProductDoc, SaleDoc, StoreSettingsDoc } from '../../../../src/documents';
import type { Minor } from '../../../../src/money';
import { priceCart, pricingContextFromSettings } from '../../../../src/pricing';
import type { CartInput, CartLineInput } from '../../../../src/pricing';
import { completeSale } from '../../../../src/sales';
import type { SaleCustomer } from '../../../../src/sales';
import type { TenderInput } from '../../../../src/tenders';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';

/** The demo data the server seeds (deterministic: the same catalog, staff and customers). */
export const DEMO = generateDemoData({ now: new Date().toISOString() });
const BY_SKU = new Map(DEMO.products.map((product) => [product.sku, product]));

export function product(sku: string): ProductDoc {
  const found = BY_SKU.get(sku);
  if (!found) throw new Error(`No demo product ${sku}`);
  return found;
}

/** A cart line rung up from the catalog, as the register's cart makes it. */
export function lineOf(
  item: ProductDoc,
  lineId: string,
  amount: { quantity?: number; grams?: number } = {},
): CartLineInput {
  return {
    lineId,
    productId: item.id,
    sku: item.sku,
    name: item.name.vi,
    categoryId: item.categoryId,
    pricing: item.pricing,
    unitPrice: item.unitPrice,
    quantity: item.pricing === 'weight' ? 1 : (amount.quantity ?? 1),
    ...(item.pricing === 'weight' ? { grams: amount.grams ?? 500 } : {}),
    taxRateId: item.taxRateId,
  };
}

export const minutesAgo = (minutes: number): string =>
  new Date(Date.now() - minutes * 60_000).toISOString();

export interface SaleSpec {
  id: string;
  device: EnrolledDevice;
  settings: StoreSettingsDoc;
  cart: CartInput;
  staffId?: string;
  /** Default: a minute ago, started two minutes before. */
  completedAt?: string;
  createdAt?: string;
  shiftId?: string;
  customer?: SaleCustomer;
  /** Given the amount due: default a card for all of it. */
  tenders?: (total: Minor) => TenderInput[];
}

/** A card for the whole amount due (nothing to pay when it is free). */
export const byCard = (total: Minor): TenderInput[] =>
  total === 0 ? [] : [{ kind: 'card', tenderId: 't1', amount: total, approvalCode: 'OK1234' }];

/** A legitimate sale, as completeSale builds it (throws when completeSale refuses). */
export function buildSale(spec: SaleSpec): SaleDoc {
  const completedAt = spec.completedAt ?? minutesAgo(1);
  const createdAt = spec.createdAt ?? new Date(Date.parse(completedAt) - 120_000).toISOString();
  const total = priceCart(spec.cart, pricingContextFromSettings(spec.settings, createdAt)).totals
    .total;
  const result = completeSale({
    saleId: spec.id,
    createdAt,
    completedAt,
    storeId: spec.device.storeId,
    registerId: 'reg-01',
    deviceId: spec.device.deviceId,
    staffId: spec.staffId ?? 'staff_lan',
    ...(spec.shiftId ? { shiftId: spec.shiftId } : {}),
    settings: spec.settings,
    cart: spec.cart,
    tenders: (spec.tenders ?? byCard)(total),
    ...(spec.customer ? { customer: spec.customer } : {}),
  });
  if (!result.ok) throw new Error(`completeSale refused the fixture: ${result.error.message}`);
  return result.completed.sale;
}

export interface PushRow {
  id: string;
  ok?: boolean;
  error?: string;
  reason?: string;
  rejected?: boolean;
}

export const asCouch = (doc: { id: string }): Record<string, unknown> => {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
};

/** POSTs documents to one of the device's store databases; answers the rows. */
export async function push(
  server: SyncServerProcess,
  device: EnrolledDevice,
  docs: readonly { id: string }[],
  collection = 'sales',
): Promise<PushRow[]> {
  const response = await fetch(`${server.url}/db/${collection}-${device.storeId}/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ docs: docs.map(asCouch) }),
  });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as PushRow[];
}

/** The device's rejection log, newest first: code by document id. */
export async function rejectionCodes(
  server: SyncServerProcess,
  device: EnrolledDevice,
): Promise<Map<string, string>> {
  const response = await fetch(`${server.url}/api/v1/rejections?mine=1&limit=1000`, {
    headers: { Authorization: device.auth },
  });
  const body = (await response.json()) as { rejections: { docId: string; code: string }[] };
  return new Map(body.rejections.map((rejection) => [rejection.docId, rejection.code]));
}

/** Whether the server stored the sale (read as the administrator). */
export async function stored(
  server: SyncServerProcess,
  device: EnrolledDevice,
  id: string,
): Promise<boolean> {
  const response = await fetch(`${server.url}/db/sales-${device.storeId}/${id}`, {
    headers: { Authorization: server.adminAuth },
  });
  await response.arrayBuffer();
  return response.status === 200;
}

export async function flagIds(server: SyncServerProcess): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/flags`, {
    headers: { Authorization: server.adminAuth },
  });
  return ((await response.json()) as { flags: { _id: string }[] }).flags.map((flag) => flag._id);
}

/** Reads a server-written document as the administrator, in the domain's shape (`id`). */
export async function readAsAdmin<T>(server: SyncServerProcess, path: string): Promise<T> {
  const response = await fetch(`${server.url}/db/${path}`, {
    headers: { Authorization: server.adminAuth },
  });
  const { _id, _rev: _ignored, ...rest } = (await response.json()) as Record<string, unknown>;
  return { ...rest, id: String(_id) } as T;
}

/** Writes a server-owned document as the administrator over /db (a catalog or staff edit). */
export async function putAsAdmin<T extends { id: string }>(
  server: SyncServerProcess,
  db: string,
  doc: T,
): Promise<void> {
  const current = await fetch(`${server.url}/db/${db}/${doc.id}`, {
    headers: { Authorization: server.adminAuth },
  });
  const rev = current.ok ? ((await current.json()) as { _rev: string })._rev : undefined;
  if (!current.ok) await current.arrayBuffer();
  const response = await fetch(`${server.url}/db/${db}/${doc.id}`, {
    method: 'PUT',
    headers: { Authorization: server.adminAuth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...asCouch(doc), ...(rev ? { _rev: rev } : {}) }),
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
}
