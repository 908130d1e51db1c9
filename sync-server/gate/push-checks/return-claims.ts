/**
 * Online returns reserve their pieces first (ARCHITECTURE.md rule 4: the register asks the
 * server and holds). Before it writes a return, a register that can reach the server claims the
 * pieces under the return's id (made when the return was planned); the server keeps one claim
 * document per original in `omnitill-return-claims` and updates it with its `_rev`, so of two
 * registers claiming the same pieces at once (on this process or on another in front of the same
 * CouchDB) exactly one write wins and the other is told what is left. A pushed return whose id
 * has a live claim was made online; one without was made offline (return-push-check.ts).
 */
import { ApiError, badRequest, notFound } from '../../http/api-error';
import { INTERNAL_DATABASES } from '../../storage/database-layout';
import type { DocumentStore } from '../../storage/document-store';
import type { ServerIndex } from '../../index/server-index';
import type { SettingsHistory } from '../../history/settings-history';
import type { DevicePrincipal } from './push-check';
import { loadOriginal, settingsAt, storedReturnsAgainst } from './return-sources';

const DB = INTERNAL_DATABASES.returnClaims;

export interface ClaimedLine {
  originalLineId: string;
  quantity: number;
}

export interface ReturnClaim {
  returnId: string;
  storeId: string;
  deviceId: string;
  lines: ClaimedLine[];
  at: string;
  /** After this the pieces are free again unless the return has arrived. */
  expiresAt: string;
}

interface ClaimDoc {
  _id: string;
  _rev?: string;
  originalId: string;
  claims: ReturnClaim[];
}

export interface ClaimDeps {
  store: DocumentStore;
  index: ServerIndex;
  settingsHistory: SettingsHistory;
  ttlMs: number;
}

const claimDocId = (originalId: string) => `claim_${encodeURIComponent(originalId)}`;

async function claimDoc(store: DocumentStore, originalId: string): Promise<ClaimDoc | undefined> {
  const id = claimDocId(originalId);
  const doc = (await store.getCurrent(DB, [id])).get(id);
  return doc && !doc._deleted ? (doc as unknown as ClaimDoc) : undefined;
}

/** The claim a return was made under, if its register claimed it online. */
export async function claimOf(
  store: DocumentStore,
  originalId: string,
  returnId: string,
): Promise<ReturnClaim | undefined> {
  return (await claimDoc(store, originalId))?.claims.find((claim) => claim.returnId === returnId);
}

function linesField(value: unknown): ClaimedLine[] {
  const lines = Array.isArray(value) ? value : [];
  const parsed = lines.flatMap((line: unknown) => {
    const { originalLineId, quantity } = (line ?? {}) as Record<string, unknown>;
    return typeof originalLineId === 'string' &&
      originalLineId.length <= 64 &&
      typeof quantity === 'number' &&
      Number.isSafeInteger(quantity) &&
      quantity >= 1
      ? [{ originalLineId, quantity }]
      : [];
  });
  const unique = new Set(parsed.map((line) => line.originalLineId)).size === parsed.length;
  if (parsed.length === 0 || parsed.length !== lines.length || lines.length > 1000 || !unique) {
    throw badRequest(
      'lines must list each original line once as {"originalLineId", "quantity"} with a whole quantity of at least 1.',
      { field: 'lines' },
    );
  }
  return parsed;
}

const sameLines = (a: readonly ClaimedLine[], b: readonly ClaimedLine[]) =>
  a.length === b.length &&
  a.every((line) =>
    b.some(
      (other) => other.originalLineId === line.originalLineId && other.quantity === line.quantity,
    ),
  );

/**
 * Claims `lines` of `original` for `returnId`. Answers the claim (`created: false` on a retry
 * with the same lines), or throws 409 `over_return` with what is still free per line.
 */
export async function claimReturn(
  deps: ClaimDeps,
  principal: DevicePrincipal,
  body: Record<string, unknown>,
): Promise<{ created: boolean; claim: ReturnClaim }> {
  const { returnId, original } = body;
  if (typeof returnId !== 'string' || !/^ret_[0-9A-Za-z]{1,120}$/.test(returnId)) {
    throw badRequest(
      'returnId is required: the id the register made when it planned the return (ret_…).',
      {
        field: 'returnId',
      },
    );
  }
  if (typeof original !== 'string' || !original || original.length > 128) {
    throw badRequest('original is required: the sale or web order id the goods come from.', {
      field: 'original',
    });
  }
  const lines = linesField(body.lines);
  for (let attempt = 1; attempt <= 8; attempt++) {
    const now = new Date();
    await deps.index.catchUp();
    const settings = await settingsAt(deps.settingsHistory, principal.storeId, now.toISOString());
    const found = await loadOriginal(deps, original, settings?.tax);
    if (!found) {
      throw notFound(
        `No sale or web order ${original} on the server; check the receipt, or wait until the store that sold it has synced.`,
      );
    }
    const stored = await storedReturnsAgainst(deps.index, original);
    const doc = (await claimDoc(deps.store, original)) ?? {
      _id: claimDocId(original),
      originalId: original,
      claims: [],
    };
    const mine = doc.claims.find((claim) => claim.returnId === returnId);
    if (mine || stored.some((returned) => returned.id === returnId)) {
      if (mine && !sameLines(mine.lines, lines)) {
        throw new ApiError(
          409,
          'idempotency_conflict',
          `Return ${returnId} already claimed other pieces; plan a new return for these.`,
        );
      }
      // Already claimed (a retry), or the return itself has arrived: nothing more to reserve.
      return { created: false, claim: mine ?? newClaim(principal, returnId, lines, now, deps) };
    }
    const storedIds = new Set(stored.map((returned) => returned.id));
    const live = doc.claims.filter(
      (claim) => !storedIds.has(claim.returnId) && claim.expiresAt > now.toISOString(),
    );
    const short: { originalLineId: string; wanted: number; free: number }[] = [];
    for (const line of lines) {
      const sold = found.source.lines.find((candidate) => candidate.lineId === line.originalLineId);
      if (!sold) {
        throw badRequest(
          `Line ${line.originalLineId} is not on ${original}; pick a line from the receipt.`,
          {
            field: 'lines',
          },
        );
      }
      const handedOver = found.pickedUp
        ? Math.min(found.pickedUp.get(sold.lineId) ?? 0, sold.quantity)
        : sold.quantity;
      const taken = [...stored, ...live].reduce(
        (total, other) =>
          total +
          other.lines
            .filter((candidate) => candidate.originalLineId === sold.lineId)
            .reduce((sum, candidate) => sum + candidate.quantity, 0),
        0,
      );
      const free = Math.max(0, handedOver - taken);
      if (line.quantity > free)
        short.push({ originalLineId: sold.lineId, wanted: line.quantity, free });
    }
    if (short.length > 0) {
      throw new ApiError(
        409,
        'over_return',
        `Not that much of ${original} can come back now: ${short
          .map((line) => `line ${line.originalLineId}, ${line.free} free of ${line.wanted} wanted`)
          .join(
            '; ',
          )}. It was returned (or is being returned) at another register; look the receipt up again.`,
        { lines: short },
      );
    }
    const claim = newClaim(principal, returnId, lines, now, deps);
    const next: ClaimDoc = {
      _id: doc._id,
      originalId: original,
      // Claims whose return arrived count through the return now; expired ones are kept, so a
      // late push still finds it was claimed (and is judged as made offline).
      claims: [...doc.claims.filter((other) => !storedIds.has(other.returnId)), claim],
      ...(doc._rev ? { _rev: doc._rev } : {}),
    };
    const [row] = await deps.store.bulkDocs(DB, [next as unknown as Record<string, unknown>], true);
    if (row?.ok) return { created: true, claim };
    if (row?.error !== 'conflict') {
      throw new ApiError(
        500,
        'internal_error',
        `The claim was not written: ${row?.reason ?? 'no reply'}; retry.`,
      );
    }
    // Another register's claim on the same original landed first: read it and decide again,
    // after a short pause that grows: on a loaded cluster the copy read next may not hold the
    // winner yet, and retrying at once only meets the same old revision.
    await new Promise((resolve) => setTimeout(resolve, attempt * 15 + Math.random() * 15));
  }
  throw new ApiError(
    503,
    'busy',
    `Too many registers are returning ${original} at once; retry in a moment.`,
  );
}

function newClaim(
  principal: DevicePrincipal,
  returnId: string,
  lines: ClaimedLine[],
  now: Date,
  deps: ClaimDeps,
): ReturnClaim {
  return {
    returnId,
    storeId: principal.storeId,
    deviceId: principal.id,
    lines,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.ttlMs).toISOString(),
  };
}
