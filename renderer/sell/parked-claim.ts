/**
 * May this register resume a parked sale now? Two registers of the store can press "resume" at
 * the same moment; only one may ring the sale up. So online the register claims it on the
 * server (`POST /parked/{id}/resume`, atomic there) and restores the cart only when the claim
 * is won. Offline, nobody can referee, and the rule is the one that cannot go wrong in the
 * common case: a sale parked at this very register may be resumed (it was put aside here; if it
 * never synced nobody else has seen it), a sale parked at another register may not (it is that
 * register's to resume, or wait for the network). The one case left: a sale parked here, synced,
 * then claimed online by another register while this one is offline. Both carts then exist; this
 * register's status change is refused by the server when it syncs (an immutable parked sale) and
 * kept in the server's rejection log for the manager, never merged silently.
 */
import type { ParkedSaleDoc } from '../../src/documents';
import type { ServerApi } from '../platform/server-api';

export interface ParkedClaimRequest {
  parked: Pick<ParkedSaleDoc, 'id' | 'registerId'>;
  staffId: string;
  registerId: string;
}

export type ParkedClaim =
  /** The server recorded this register's claim: restore the cart, keep the server's record. */
  | { kind: 'claimed'; closed: NonNullable<ParkedSaleDoc['closed']> }
  /** No referee (offline, or the sale has not reached the server) and it was parked here. */
  | { kind: 'local'; why: 'offline' | 'not-synced' }
  | {
      kind: 'taken';
      status: 'resumed' | 'discarded';
      registerId: string;
      staffId: string;
      staffName?: string;
      at: string;
    }
  /** Parked at another register and no referee: wait for the network or go to that register. */
  | { kind: 'elsewhere'; why: 'offline' | 'not-synced'; registerId: string }
  | { kind: 'failed'; reason: string };

function closedOf(value: unknown): NonNullable<ParkedSaleDoc['closed']> | null {
  if (value === null || typeof value !== 'object') return null;
  const { at, staffId, registerId } = value as Record<string, unknown>;
  if (typeof at !== 'string' || typeof staffId !== 'string' || typeof registerId !== 'string') {
    return null;
  }
  return { at, staffId, registerId };
}

export async function claimParked(
  api: ServerApi,
  request: ParkedClaimRequest,
): Promise<ParkedClaim> {
  const { parked, staffId, registerId } = request;
  const parkedHere = parked.registerId === registerId;
  const reply = await api.call('parked/resume', { id: parked.id, staffId, registerId });
  if (reply.ok) {
    const closed = closedOf(reply.value.parked.closed);
    if (closed) return { kind: 'claimed', closed };
    return { kind: 'failed', reason: 'the server answered without who resumed it' };
  }
  if (reply.offline || reply.status === 404) {
    const why = reply.offline ? 'offline' : 'not-synced';
    return parkedHere
      ? { kind: 'local', why }
      : { kind: 'elsewhere', why, registerId: parked.registerId };
  }
  if (reply.status === 409) {
    const closed = closedOf(reply.details.closed);
    const staffName = reply.details.staffName;
    return {
      kind: 'taken',
      status: reply.details.status === 'discarded' ? 'discarded' : 'resumed',
      registerId: closed?.registerId ?? '?',
      staffId: closed?.staffId ?? '',
      ...(typeof staffName === 'string' ? { staffName } : {}),
      at: closed?.at ?? '',
    };
  }
  return { kind: 'failed', reason: reply.reason };
}
