import { Router } from 'express';
import type { ParkedSaleDoc, StaffDoc } from '../../src/documents';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { principalOf } from '../access/auth';
import { fromCouchDoc } from '../storage/couch-doc';
import { storeDatabaseName } from '../storage/database-layout';
import type { StoredDoc } from '../storage/document-store';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/** Who took a parked sale off the shelf, for the register that came second. */
interface ClosedBy {
  status: ParkedSaleDoc['status'];
  closed?: ParkedSaleDoc['closed'];
  staffName?: string;
}

/**
 * Resuming a parked sale is a claim: two registers of the store may press "resume" at the same
 * moment, and only one of them may ring the sale up. Replication alone would let both restore
 * the cart and refuse one status change later, so an online register asks here first. The
 * server writes `resumed` over the revision it read (CouchDB's optimistic check), so of two
 * concurrent claims, also through two server processes on one CouchDB, exactly one lands; the
 * other gets 409 with who resumed it, at which register and when. A retry by the register that
 * won (its reply was lost) gets the same 200 again.
 */
export function parkedRoutes(context: ServerContext): Router {
  const router = Router();

  async function closedBy(doc: ParkedSaleDoc): Promise<ClosedBy> {
    const staffId = doc.closed?.staffId;
    const staff = staffId
      ? (await context.store.getCurrent('staff', [staffId])).get(staffId)
      : undefined;
    const name = staff && !staff._deleted ? fromCouchDoc<StaffDoc>(staff).name : undefined;
    return {
      status: doc.status,
      ...(doc.closed ? { closed: doc.closed } : {}),
      ...(name ? { staffName: name } : {}),
    };
  }

  async function refusal(doc: ParkedSaleDoc): Promise<ApiError> {
    const by = await closedBy(doc);
    const who = by.staffName ?? doc.closed?.staffId ?? 'another cashier';
    const where = doc.closed ? ` at register ${doc.closed.registerId}` : '';
    const when = doc.closed ? ` at ${doc.closed.at}` : '';
    const verb = doc.status === 'discarded' ? 'discarded' : 'resumed';
    return new ApiError(
      409,
      doc.status === 'discarded' ? 'already_discarded' : 'already_resumed',
      `Parked sale ${doc.id} was already ${verb}${where} by ${who}${when}; do not ring it up again here.`,
      { ...by },
    );
  }

  contractRoute(router, 'parked/resume', context.auth.require('device'), async (request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw forbidden('Only a register resumes a parked sale.');
    const { id, staffId, registerId, storeId } = request;
    if (storeId !== undefined && storeId !== principal.storeId) {
      throw forbidden(
        `This register belongs to store ${principal.storeId}; it resumes that store's parked sales only.`,
      );
    }
    const db = storeDatabaseName('parked', principal.storeId);
    const read = async (): Promise<StoredDoc | undefined> => {
      const found = (await context.store.getCurrent(db, [id])).get(id);
      return found && !found._deleted ? found : undefined;
    };
    const stored = await read();
    if (!stored) {
      throw notFound(
        `The server holds no parked sale ${id} of store ${principal.storeId}: the register that parked it has not synced yet. Wait for it to sync, or resume it at that register.`,
      );
    }
    const current = fromCouchDoc<ParkedSaleDoc>(stored);
    if (current.status !== 'parked') {
      const mine =
        current.status === 'resumed' &&
        current.closed?.registerId === registerId &&
        current.closed.staffId === staffId;
      // Our own claim again (the reply was lost): the same answer, nothing new written.
      if (!mine) throw await refusal(current);
      return answer({ parked: current, replayed: true });
    }
    const resumed: ParkedSaleDoc = {
      ...current,
      status: 'resumed',
      closed: { at: new Date().toISOString(), staffId, registerId },
    };
    const { id: _id, ...fields } = resumed;
    const write = { _id: id, _rev: stored._rev, ...fields };
    const problem = context.validator.validate('parked', write);
    if (problem) {
      throw new ApiError(
        500,
        'internal_error',
        `The resumed parked sale does not fit its schema (${problem}); call IT.`,
      );
    }
    // Written over the revision read above: a claim that landed in between makes this a
    // conflict, never a second winner.
    const [row] = await context.store.bulkDocs(db, [write], true);
    if (!row?.ok) {
      const winner = await read();
      if (row?.error === 'conflict' && winner) {
        const now = fromCouchDoc<ParkedSaleDoc>(winner);
        if (now.status !== 'parked') throw await refusal(now);
      }
      throw new ApiError(
        503,
        'retry',
        `The parked sale could not be claimed (${row?.error ?? 'no answer'}); try again in a moment.`,
      );
    }
    context.onAccepted(db, [{ ...write, _rev: row.rev }]);
    return answer({ parked: resumed, replayed: false });
  });
  return router;
}
