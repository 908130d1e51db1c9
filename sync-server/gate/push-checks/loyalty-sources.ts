/**
 * The document a ledger entry or a stock move follows from (a sale, a return, a pickup), as the
 * server holds it. Each collection replicates on its own, so a sale's entries may arrive before
 * the sale: a source being written by another request is awaited, one pushed a moment ago
 * (still in its own check) is given a short while, and one not there after that makes the
 * dependent document `pending` (the register retries). A source the server refused makes it
 * refused too. Shared by loyalty-push-check.ts and stock-push-check.ts; each source is read
 * once per request (`context.memo`).
 */
import { fromCouchDoc } from '../../storage/couch-doc';
import type { StoredDoc } from '../../storage/document-store';
import type { PushCheckContext, PushVerdict } from './push-check';
import { pending, reject } from './push-check';

export type SourceLookup =
  { kind: 'found'; doc: StoredDoc } | { kind: 'rejected'; code: string } | { kind: 'missing' };

/** How long, at most, a dependent document waits for a source pushed beside it. */
export const SOURCE_GRACE_MS = 1_500;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readLive(
  context: PushCheckContext,
  db: string,
  id: string,
): Promise<StoredDoc | undefined> {
  if (context.database.name === db) {
    const accepted = context.accepted.get(id);
    if (accepted) return accepted as StoredDoc;
  }
  await context.awaitInFlight(id);
  const doc = (await context.store.getCurrent(db, [id])).get(id);
  return doc && !doc._deleted ? doc : undefined;
}

async function lookUp(context: PushCheckContext, db: string, id: string): Promise<SourceLookup> {
  // One grace period per request, shared by its documents: a batch of 50 entries whose sales
  // are all still to come waits once, then answers pending for all of them.
  const deadline = await context.memo('source:deadline', () =>
    Promise.resolve(Date.now() + SOURCE_GRACE_MS),
  );
  for (;;) {
    const doc = await readLive(context, db, id);
    if (doc) return { kind: 'found', doc };
    if (Date.now() >= deadline) break;
    await sleep(POLL_MS);
  }
  // Only now is the rejection log read: a source refused is rare, one still coming is not.
  const refused = await context.memo(`source:refused:${db}`, () =>
    context.rejections.refusedIn(db),
  );
  const code = refused.get(id);
  return code === undefined ? { kind: 'missing' } : { kind: 'rejected', code };
}

/** The source `id` in database `db`, read once per request. */
export function findSource(
  context: PushCheckContext,
  db: string,
  id: string,
): Promise<SourceLookup> {
  return context.memo(`source:${db}:${id}`, () => lookUp(context, db, id));
}

export type Source<T> = { ok: true; doc: T } | { ok: false; verdict: PushVerdict };

/**
 * The source as the dependent document's check needs it: the document, or the verdict for the
 * dependent (`source_rejected` when the source was refused, `pending` while it is not there).
 * `dependent` names what depends on it, for the reason ("its earn entry").
 */
export async function sourceDocument<T>(
  context: PushCheckContext,
  db: string,
  id: string,
  dependent: string,
): Promise<Source<T>> {
  const found = await findSource(context, db, id);
  switch (found.kind) {
    case 'found':
      return { ok: true, doc: fromCouchDoc<T>(found.doc) };
    case 'rejected':
      return {
        ok: false,
        verdict: reject(
          'source_rejected',
          `${id} was refused (${found.code}), so ${dependent} is too`,
        ),
      };
    case 'missing':
      return { ok: false, verdict: pending(`${id} has not reached the server yet (${db}).`) };
  }
}
