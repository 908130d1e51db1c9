/**
 * Legitimate returns, generated: partial and full, one line or several, weighed lines by the
 * gram, refunded to the original tenders, to store credit when a card can no longer take money
 * (the policy's fallback), or kept as credit for an exchange. Each is what the returns counter
 * would write for the original; the server must accept every one.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ReturnDoc, WebOrderDoc } from '../../../../src/documents';
import { returnedQuantity, returnsOf } from '../../../../src/returns';
import type { ReturnRequestLine, ReturnSource } from '../../../../src/returns';
import type { EnrolledDevice, SyncServerProcess } from '../../../helpers/sync-server-process';
import {
  api,
  buildReturn,
  claimFor,
  newId,
  pickupOf,
  pushDocs,
  settingsOf,
  stored,
} from './return-fixtures';

export type RefundMode = 'original' | 'fallback' | 'exchange';

export interface ReturnRound {
  /** Per original line, the share of what is left to take back now (0 leaves it). */
  shares: number[];
  mode: RefundMode;
  /**
   * Made offline by a register that saw none of the earlier returns (another store's): it does
   * not claim, and plans as if nothing came back before; the pieces still fit.
   */
  offline: boolean;
}

export const returnRounds: fc.Arbitrary<ReturnRound[]> = fc.array(
  fc.record({
    shares: fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 1), { minLength: 6, maxLength: 6 }),
    mode: fc.constantFrom<RefundMode>('original', 'original', 'fallback', 'exchange'),
    offline: fc.boolean(),
  }),
  { minLength: 1, maxLength: 3 },
);

/** The lines of one round, from what is still returnable; empty when nothing is left. */
export function linesOfRound(
  source: ReturnSource,
  known: readonly ReturnDoc[],
  round: ReturnRound,
  handedOver?: ReadonlyMap<string, number>,
): ReturnRequestLine[] {
  const earlier = returnsOf(source, known);
  const left = source.lines.map((line) => ({
    lineId: line.lineId,
    left: (handedOver?.get(line.lineId) ?? line.quantity) - returnedQuantity(line, earlier),
  }));
  const lines = left.flatMap((line, index) => {
    const quantity = Math.floor(line.left * (round.shares[index] ?? 0));
    return quantity > 0
      ? [{ originalLineId: line.lineId, quantity, reason: 'generated', restock: index % 2 === 0 }]
      : [];
  });
  if (lines.length > 0) return lines;
  const first = left.find((line) => line.left > 0);
  return first
    ? [{ originalLineId: first.lineId, quantity: 1, reason: 'generated', restock: true }]
    : [];
}

/** Card tenders of the original, which the fallback round treats as no longer available. */
export function cardTenderIds(source: ReturnSource): string[] {
  return source.tenders.filter((tender) => tender.kind === 'card').map((tender) => tender.tenderId);
}

const HERO_SKUS = ['SKU000001', 'SKU000002', 'SKU000004'] as const;

export const webOrderLines = fc.array(
  fc.record({ sku: fc.constantFrom(...HERO_SKUS), quantity: fc.integer({ min: 1, max: 5 }) }),
  { minLength: 1, maxLength: 3 },
);

/**
 * A prepaid web order placed through the shop API at catalog prices, for pickup at the device's
 * store, then picked up whole by the device: what a customer can bring back to any store.
 */
export async function pickedUpWebOrder(
  server: SyncServerProcess,
  device: EnrolledDevice,
  lines: readonly { sku: string; quantity: number }[],
): Promise<WebOrderDoc> {
  const settings = settingsOf(device.storeId);
  const orderLines = [];
  for (const [index, line] of lines.entries()) {
    const response = await fetch(`${server.url}/db/products/prod_${line.sku}`, {
      headers: { Authorization: server.adminAuth },
    });
    const product = (await response.json()) as { unitPrice: number; taxRateId: string };
    const rate = settings.tax.rates.find((candidate) => candidate.id === product.taxRateId);
    orderLines.push({
      lineId: String(index + 1),
      sku: line.sku,
      name: line.sku,
      quantity: line.quantity,
      unitPrice: product.unitPrice,
      taxRateBp: rate?.rateBp ?? 0,
    });
  }
  const prepaid = orderLines.reduce((total, line) => total + line.unitPrice * line.quantity, 0);
  const placed = await api(server, server.adminAuth, 'POST', '/orders', {
    externalId: newId('ext'),
    customer: { name: 'Khách thử', phone: `+849${String(Date.now()).slice(-8)}` },
    pickupStoreId: device.storeId,
    currency: 'VND',
    lines: orderLines,
    prepaid,
  });
  if (placed.status !== 201) throw new Error(`Order intake: ${JSON.stringify(placed.body)}`);
  // Only a ready order is handed over (the server's pickup check).
  await api(server, device.auth, 'POST', `/orders/${String(placed.body.orderId)}/ready`, {});
  const view = await api(server, device.auth, 'GET', `/orders/${String(placed.body.orderId)}`);
  const order = view.body.order as WebOrderDoc;
  const [row] = await pushDocs(server, device.auth, `pickups-${device.storeId}`, [
    pickupOf(order, device),
  ]);
  if (!stored(row)) throw new Error(`Pickup refused: ${row?.reason ?? ''}`);
  return order;
}

/**
 * The rounds of returns the returns counter would make against `source`, each claimed online
 * (or, offline, made without the earlier ones) and pushed; every one must land. Returns the documents, as the server now holds them.
 */
export async function returnInRounds(
  server: SyncServerProcess,
  device: EnrolledDevice,
  source: ReturnSource,
  rounds: readonly ReturnRound[],
  handedOver?: ReadonlyMap<string, number>,
): Promise<ReturnDoc[]> {
  const known: ReturnDoc[] = [];
  for (const round of rounds) {
    const lines = linesOfRound(source, known, round, handedOver);
    if (lines.length === 0) break;
    const doc = buildReturn({
      device,
      source,
      lines,
      knownReturns: round.offline ? [] : known,
      ...(round.mode === 'fallback' ? { fallbackTenderIds: cardTenderIds(source) } : {}),
      ...(round.mode === 'exchange' ? { exchange: true } : {}),
      ...(round.offline ? { approvedBy: 'staff_ha' } : {}),
    });
    if (!round.offline) {
      const claim = await claimFor(server, device, doc);
      expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    }
    const [row] = await pushDocs(server, device.auth, `returns-${device.storeId}`, [doc]);
    expect(stored(row), `${row?.reason ?? ''} ${JSON.stringify(doc)}`).toBe(true);
    known.push(doc);
  }
  return known;
}
