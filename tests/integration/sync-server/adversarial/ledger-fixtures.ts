/**
 * Ledger entries, stock moves and customers for the adversarial suite: pushed with an enrolled
 * device's credentials to any database (the shared `loyalty` and `customers` too), the
 * customer's balance and a store's stock as the domain API answers them, and the online
 * redemption a register makes (hold, then confirm).
 */
import type {
  LoyaltyEntryDoc,
  SaleDoc,
  StockMoveDoc,
  StoreSettingsDoc,
} from '../../../../src/documents';
import { saleImpliedDocuments } from '../../../../src/sales';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import { asCouch } from './sale-attack-fixtures';
import type { PushRow } from './sale-attack-fixtures';

/** POSTs documents to `db` as `device`; answers the rows. */
export async function pushTo(
  server: SyncServerProcess,
  device: EnrolledDevice,
  db: string,
  docs: readonly { id: string }[],
): Promise<PushRow[]> {
  const response = await fetch(`${server.url}/db/${db}/_bulk_docs`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ docs: docs.map(asCouch) }),
  });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as PushRow[];
}

/** Whether `db` holds the document (read as the administrator). */
export async function storedIn(
  server: SyncServerProcess,
  db: string,
  id: string,
): Promise<boolean> {
  const response = await fetch(`${server.url}/db/${db}/${encodeURIComponent(id)}`, {
    headers: { Authorization: server.adminAuth },
  });
  await response.arrayBuffer();
  return response.status === 200;
}

/** What the sale implies, as the register writes it beside the sale. */
export function impliedBy(
  sale: SaleDoc,
  settings: StoreSettingsDoc,
): { stockMoves: StockMoveDoc[]; loyaltyEntries: LoyaltyEntryDoc[] } {
  return saleImpliedDocuments(sale, settings.loyalty?.program);
}

/**
 * Pushes a sale and what it implies the way a register's three replications do: the three
 * databases at once. Answers every row.
 */
export async function pushSaleSideBySide(
  server: SyncServerProcess,
  device: EnrolledDevice,
  sale: SaleDoc,
  settings: StoreSettingsDoc,
): Promise<PushRow[]> {
  const implied = impliedBy(sale, settings);
  const replies = await Promise.all([
    pushTo(server, device, `sales-${device.storeId}`, [sale]),
    pushTo(server, device, `stock-${device.storeId}`, implied.stockMoves),
    implied.loyaltyEntries.length > 0
      ? pushTo(server, device, 'loyalty', implied.loyaltyEntries)
      : Promise.resolve([]),
  ]);
  return replies.flat();
}

/** The customer's available points, as GET /api/v1/customers/{id} answers them. */
export async function available(server: SyncServerProcess, customerId: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/customers/${customerId}`, {
    headers: { Authorization: server.adminAuth },
  });
  const body = (await response.json()) as { loyalty: { available: number } };
  return body.loyalty.available;
}

/** Sellable on hand of `sku` in `storeId`, as GET /api/v1/stock answers it. */
export async function sellable(
  server: SyncServerProcess,
  storeId: string,
  sku: string,
): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/stock?sku=${sku}`, {
    headers: { Authorization: server.adminAuth },
  });
  const body = (await response.json()) as { stores: { storeId: string; sellable: number }[] };
  return body.stores.find((store) => store.storeId === storeId)?.sellable ?? 0;
}

/** POSTs to the domain API as `device`; answers the status and the body. */
export async function api(
  server: SyncServerProcess,
  device: EnrolledDevice,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: device.auth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Holds points online for a sale, as the register's points tender does; answers the hold id. */
export async function holdPoints(
  server: SyncServerProcess,
  device: EnrolledDevice,
  customerId: string,
  points: number,
  saleId: string,
): Promise<string> {
  const reply = await api(server, device, '/loyalty/holds', {
    customerId,
    points,
    idempotencyKey: `${saleId}:hold`,
    sourceId: saleId,
  });
  if (reply.status !== 201) throw new Error(`hold: ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body.holdId);
}

export async function confirmHold(
  server: SyncServerProcess,
  device: EnrolledDevice,
  holdId: string,
): Promise<void> {
  const reply = await api(server, device, `/loyalty/holds/${holdId}/confirm`);
  if (reply.status !== 200)
    throw new Error(`confirm: ${reply.status} ${JSON.stringify(reply.body)}`);
}
