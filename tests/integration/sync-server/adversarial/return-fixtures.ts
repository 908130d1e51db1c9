/**
 * Returns built as the register builds them (planReturn, then buildReturnDocuments of the returns
 * counter), and the calls a register makes around them, for the adversarial returns suite.
 */
import { randomBytes } from 'node:crypto';
import { buildReturnDocuments } from '../../../../renderer/lookup/return-documents';
import { demoStoreSettings } from '../../../../src/demo';
import type {
  PickupDoc,
  ProductDoc,
  ReturnDoc,
  StoreSettingsDoc,
  WebOrderDoc,
} from '../../../../src/documents';
import { timeOrderedId } from '../../../../src/ids';
import { minor } from '../../../../src/money';
import { planReturn, returnPolicyOf, returnSourceFromWebOrder } from '../../../../src/returns';
import type { ReturnRequestLine, ReturnSource } from '../../../../src/returns';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';

export const newId = (prefix: string): string =>
  timeOrderedId(prefix, Date.now(), (length) => randomBytes(length));

export function settingsOf(storeId: string): StoreSettingsDoc {
  return demoStoreSettings(storeId, 'S', 'A', '2026-01-01T00:00:00.000Z');
}

export function asCouch(doc: { id: string }): Record<string, unknown> {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}

export interface Row {
  id: string;
  ok?: boolean;
  error?: string;
  reason?: string;
  rejected?: boolean;
}

/** POSTs documents to `/db/<db>/_bulk_docs` as the device; answers the rows. */
export async function pushDocs(
  server: SyncServerProcess,
  auth: string,
  db: string,
  docs: readonly { id: string }[],
): Promise<Row[]> {
  const response = await fetch(`${server.url}/db/${db}/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ docs: docs.map(asCouch) }),
  });
  if (response.status !== 201) {
    throw new Error(`_bulk_docs answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Row[];
}

export const stored = (row: Row | undefined): boolean =>
  row?.ok === true && row.error === undefined && row.rejected !== true;

export async function api(
  server: SyncServerProcess,
  auth: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      Authorization: auth,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The reason code the server recorded for a refused document of this device. */
export async function rejectionCode(
  server: SyncServerProcess,
  device: EnrolledDevice,
  docId: string,
): Promise<string | undefined> {
  const { body } = await api(server, device.auth, 'GET', '/rejections?mine=1');
  const rejections = body.rejections as { docId: string; code: string }[];
  return rejections.find((rejection) => rejection.docId === docId)?.code;
}

/** Pieces claimed online before the return is written, as the returns counter does. */
export function claimFor(
  server: SyncServerProcess,
  device: EnrolledDevice,
  returnDoc: ReturnDoc,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return api(server, device.auth, 'POST', '/returns/claims', {
    returnId: returnDoc.id,
    original: returnDoc.original?.documentId,
    lines: returnDoc.lines.map((line) => ({
      originalLineId: line.originalLineId,
      quantity: line.quantity,
    })),
  });
}

export interface ReturnOptions {
  device: EnrolledDevice;
  source: ReturnSource;
  lines: ReturnRequestLine[];
  knownReturns?: readonly ReturnDoc[];
  approvedBy?: string;
  staffId?: string;
  exchange?: boolean;
  fallbackTenderIds?: string[];
}

/** A return planned and built as the register does; throws when planReturn refuses it. */
export function buildReturn(options: ReturnOptions): ReturnDoc {
  const settings = settingsOf(options.device.storeId);
  const now = new Date().toISOString();
  const result = planReturn({
    kind: 'with-receipt',
    source: options.source,
    lines: options.lines,
    knownReturns: options.knownReturns ?? [],
    policy: returnPolicyOf(settings).policy,
    now,
    cashRounding: settings.cashRounding,
    ...(options.fallbackTenderIds ? { unavailableTenderIds: options.fallbackTenderIds } : {}),
  });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  let plan = result.plan;
  // The returns counter asks for a manager's PIN over the threshold.
  const approvedBy = options.approvedBy ?? (plan.needsManagerApproval ? 'staff_ha' : undefined);
  if (options.exchange) {
    plan = {
      ...plan,
      tenders: [{ kind: 'store-credit', covers: plan.totals.refund, amount: plan.totals.refund }],
      cashRoundingAdjustment: minor(0),
      loyalty: { ...plan.loyalty, pointsRedeemedReturned: 0 },
    };
  }
  return buildReturnDocuments({
    returnId: newId('ret'),
    plan,
    currency: options.source.currency,
    writer: {
      storeId: options.device.storeId,
      registerId: 'reg-01',
      deviceId: options.device.deviceId,
      staffId:
        options.staffId ?? (options.device.storeId === 'hcm-q1' ? 'staff_lan' : 'staff_tuan'),
      ...(approvedBy ? { approvedBy } : {}),
    },
    now,
    ledger: [],
    ...(options.exchange ? { exchangeSaleId: newId('sale') } : {}),
  }).returnDoc;
}

/** A store's settings as the server holds them (read as the administrator). */
export async function serverSettings(
  server: SyncServerProcess,
  storeId: string,
): Promise<StoreSettingsDoc> {
  const response = await fetch(`${server.url}/db/settings/store_${storeId}`, {
    headers: { Authorization: server.adminAuth },
  });
  const { _id, _rev: _ignored, ...rest } = (await response.json()) as Record<string, unknown>;
  return { id: _id, ...rest } as StoreSettingsDoc;
}

/** A catalog product as the server holds it (read as the administrator). */
export async function product(server: SyncServerProcess, sku: string): Promise<ProductDoc> {
  const response = await fetch(`${server.url}/db/products/prod_${sku}`, {
    headers: { Authorization: server.adminAuth },
  });
  const { _id, _rev: _ignored, ...rest } = (await response.json()) as Record<string, unknown>;
  return { id: _id, ...rest } as ProductDoc;
}

/** A web order as the returns counter sees it online: its source and what each line handed over. */
export async function webOrderSource(
  server: SyncServerProcess,
  device: EnrolledDevice,
  reference: string,
): Promise<{ source: ReturnSource; order: WebOrderDoc; returns: ReturnDoc[] }> {
  const { body } = await api(server, device.auth, 'GET', `/orders/${reference}`);
  const order = body.order as WebOrderDoc;
  const pickups = (
    body.pickups as {
      id: string;
      storeId: string;
      at: string;
      lines: PickupDoc['lines'];
      amountCollected: PickupDoc['amountCollected'];
    }[]
  ).map((pickup): PickupDoc => ({
    id: pickup.id,
    orderId: order.id,
    storeId: pickup.storeId,
    deviceId: '',
    staffId: '',
    lines: pickup.lines,
    amountCollected: pickup.amountCollected,
    createdAt: pickup.at,
  }));
  const products = new Map<string, ProductDoc>();
  for (const line of order.lines) products.set(line.sku, await product(server, line.sku));
  const source = returnSourceFromWebOrder({
    order,
    pickups,
    productBySku: (sku) => products.get(sku),
    tax: settingsOf(device.storeId).tax,
    pointsEarned: 0,
  });
  const known = await api(server, device.auth, 'GET', `/returns?original=${order.id}`);
  return { source, order, returns: known.body.returns as ReturnDoc[] };
}

/** A pickup of the whole order by the device's register. */
export function pickupOf(order: WebOrderDoc, device: EnrolledDevice): PickupDoc {
  return {
    id: newId('pick'),
    orderId: order.id,
    storeId: device.storeId,
    deviceId: device.deviceId,
    staffId: 'staff_lan',
    lines: order.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
    amountCollected: minor(0),
    createdAt: new Date(Date.now() - 30_000).toISOString(),
  };
}

/** A return without receipt of one piece of `product` (VAT 8 %), refunded to store credit. */
export function receiptlessReturn(options: {
  id: string;
  device: EnrolledDevice;
  product: ProductDoc;
  refund: number;
  approvedBy?: string | undefined;
}): ReturnDoc {
  const { product: item, refund } = options;
  const tax = Math.round((refund * 800) / 10_800);
  const at = new Date().toISOString();
  return {
    id: options.id,
    storeId: options.device.storeId,
    registerId: 'reg-01',
    deviceId: options.device.deviceId,
    staffId: 'staff_lan',
    currency: 'VND',
    lines: [
      {
        productId: item.id,
        sku: item.sku,
        name: 'Cà phê',
        categoryId: item.categoryId,
        quantity: 1,
        refund: minor(refund),
        tax: minor(tax),
        taxRateId: item.taxRateId,
        rateBp: 800,
        reason: 'x',
        restock: true,
      },
    ],
    totals: { refund: minor(refund), tax: minor(tax), taxable: minor(refund - tax) },
    taxBreakdown: [],
    tenders: [{ kind: 'store-credit', covers: minor(refund), amount: minor(refund) }],
    cashRoundingAdjustment: minor(0),
    loyalty: { pointsEarnedReversed: 0, pointsRedeemedReturned: 0 },
    ...(options.approvedBy ? { approvedBy: options.approvedBy } : {}),
    status: 'completed',
    createdAt: at,
    completedAt: at,
  };
}
