/**
 * Finds the order or sale a customer brings back: first on this register (its store's sales,
 * the web orders due here, what it cached earlier), then, when online, on the server, which sees
 * every store. Returns from every store and channel are gathered, because what is still
 * returnable is the quantity sold minus all of them (src/returns).
 */
import type { PickupDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../../src/documents';
import { services } from '../services';
import { readCached, writeCached } from '../platform/document-cache';
import { mergeReturns } from './return-documents';
import { createServerApi } from '../platform/server-api';
import type { ApiResult, ServerApi } from '../platform/server-api';
import type { SaleReply } from '../../src/api';
import { saleNumberAnswer } from './receipt-search';
import type { SaleNumberMiss } from './receipt-search';
import type { LookupQuery } from './lookup-input';
import { findFacts } from '../data/facts';

export type FoundDocument =
  | {
      kind: 'order';
      order: WebOrderDoc;
      pickups: PickupDoc[];
      returns: ReturnDoc[];
      /** False when the server could not be asked: other stores' pickups and returns may be missing. */
      serverChecked: boolean;
    }
  | { kind: 'sale'; sale: SaleDoc; returns: ReturnDoc[]; serverChecked: boolean };

export type LookupResult =
  { ok: true; found: FoundDocument } | { ok: false; reason: SaleNumberMiss; detail?: string };

interface ServerOrderView {
  order: WebOrderDoc;
  pickups: {
    id: string;
    storeId: string;
    at: string;
    lines: PickupDoc['lines'];
    amountCollected: PickupDoc['amountCollected'];
  }[];
}

export function serverApi(): ServerApi {
  return createServerApi(services().config);
}

/** The server's pickup summaries as PickupDocs, enough for progress and payment sums. */
function pickupsFromServer(view: ServerOrderView): PickupDoc[] {
  return view.pickups.map((pickup) => ({
    id: pickup.id,
    orderId: view.order.id,
    storeId: pickup.storeId,
    deviceId: '',
    staffId: '',
    lines: pickup.lines,
    amountCollected: pickup.amountCollected,
    createdAt: pickup.at,
  }));
}

function mergePickups(...lists: readonly (readonly PickupDoc[])[]): PickupDoc[] {
  const byId = new Map<string, PickupDoc>();
  for (const list of lists)
    for (const pickup of list) if (!byId.has(pickup.id)) byId.set(pickup.id, pickup);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function localReturns(documentId: string): Promise<ReturnDoc[]> {
  const docs = await services()
    .db.returns.find({ selector: { 'original.documentId': documentId } })
    .exec();
  return docs.map((doc) => doc.toJSON() as ReturnDoc);
}

async function findOrder(key: string, api: ServerApi): Promise<LookupResult> {
  const { db } = services();
  const local = await db.orders
    .findOne({ selector: { $or: [{ id: key }, { orderNumber: key }] } })
    .exec();
  let order = local ? (local.toJSON() as WebOrderDoc) : null;
  const cached = readCached(key);
  const remote = await api.call('orders/get', { id: order?.id ?? key });
  let serverPickups: PickupDoc[] = [];
  let serverReturns: ReturnDoc[] = [];
  if (remote.ok) {
    // The server's copy wins: it may be newer (marked ready) than what has replicated here.
    order = remote.value.order;
    serverPickups = pickupsFromServer(remote.value);
    const returns = await api.call('returns/list', { original: order.id });
    if (returns.ok) serverReturns = returns.value.returns;
  } else if (!order && cached?.kind === 'order') {
    order = cached.order;
    serverPickups = cached.pickups;
    serverReturns = cached.returns;
  }
  if (!order)
    return { ok: false, reason: remote.ok || !remote.offline ? 'not-found' : 'not-found-offline' };
  const orderId = order.id;
  const ownPickups = await findFacts(db, 'pickups', { orderId });
  const pickups = mergePickups(ownPickups, serverPickups);
  const returns = mergeReturns(await localReturns(orderId), serverReturns);
  if (remote.ok && order.pickupStoreId !== services().config.storeId) {
    writeCached({ kind: 'order', order, pickups, returns, at: new Date().toISOString() });
  }
  return { ok: true, found: { kind: 'order', order, pickups, returns, serverChecked: remote.ok } };
}

async function findSale(
  id: string,
  api: ServerApi,
  /** The server's answer already in hand (a lookup by number fetched it). */
  fetched?: SaleReply,
): Promise<LookupResult> {
  const local = await services().db.sales.findOne(id).exec();
  let sale = local ? (local.toJSON() as SaleDoc) : null;
  const remote: ApiResult<SaleReply> = fetched
    ? { ok: true, status: 200, value: fetched }
    : await api.call('sales/get', { id });
  const cached = readCached(id);
  let serverReturns: ReturnDoc[] = [];
  if (remote.ok) {
    sale ??= remote.value.sale;
    serverReturns = remote.value.returns;
  } else if (cached?.kind === 'sale') {
    sale ??= cached.sale;
    serverReturns = cached.returns;
  }
  if (!sale)
    return { ok: false, reason: remote.ok || !remote.offline ? 'not-found' : 'not-found-offline' };
  const returns = mergeReturns(await localReturns(sale.id), serverReturns);
  if (remote.ok && sale.storeId !== services().config.storeId) {
    writeCached({ kind: 'sale', sale, returns, at: new Date().toISOString() });
  }
  return { ok: true, found: { kind: 'sale', sale, returns, serverChecked: remote.ok } };
}

/**
 * A sale by its receipt number: this store's sales are in the replica; another store's (a
 * customer returning elsewhere) are asked of the server, which keys every store's sales by number.
 */
async function findSaleByNumber(receiptNumber: string, api: ServerApi): Promise<LookupResult> {
  const local = await services().db.sales.findOne({ selector: { receiptNumber } }).exec();
  if (local) return findSale(local.id, api);
  const answer = saleNumberAnswer(await api.call('sales/find', { number: receiptNumber }));
  if (!answer.ok) {
    return {
      ok: false,
      reason: answer.reason,
      ...(answer.detail ? { detail: answer.detail } : {}),
    };
  }
  return findSale(answer.reply.sale.id, api, answer.reply);
}

export async function lookupDocument(
  query: Exclude<LookupQuery, { kind: 'invalid' }>,
  api: ServerApi = serverApi(),
): Promise<LookupResult> {
  switch (query.kind) {
    case 'order':
      return findOrder(query.key, api);
    case 'sale':
      return findSale(query.id, api);
    case 'sale-number':
      return findSaleByNumber(query.number, api);
  }
}
