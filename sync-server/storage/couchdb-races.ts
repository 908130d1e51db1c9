/**
 * Exclusive writes on a CouchDB cluster (issue #14). A create without `_rev`, or an update naming
 * one, is the server's way of deciding "first writer wins": a customer's phone claim, a receipt
 * number, a bank transfer id, an account hold, a PIN attempt count. On one node the second writer
 * is told `conflict`. On a cluster it may be told `ok` too: each copy keeps whichever write reached
 * it first, and the coordinator answers "accepted" as soon as any copy took a write that missed
 * its quorum (apache/couchdb#2320). Both writers would then act on a decision only one of them made.
 *
 * The store writes to every copy (`w=n`), so when a writer is answered every copy has answered it,
 * and each holds either this write or the rival it lost to. Reading the leaves of every copy
 * (`open_revs=all`, `r=n`) therefore shows any rival. CouchDB's own rule (live over deleted, then
 * the longer history, then the greater revision id) names one winner, the same for both writers;
 * the loser removes its revision and reports `conflict`, exactly what one node would have said.
 */
import type { WriteRow } from './document-store';

/** One leaf revision as `GET /{db}/{id}?open_revs=all&revs=true` returns it. */
export interface Leaf {
  _rev: string;
  _deleted?: boolean;
  _revisions?: { start: number; ids: string[] };
}

function position(rev: string): number {
  return Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
}

/** CouchDB's winning revision among a document's leaves (a live one before any deleted one). */
export function winningLeaf(leaves: readonly Leaf[]): Leaf | undefined {
  let winner: Leaf | undefined;
  for (const leaf of leaves) {
    if (!winner) {
      winner = leaf;
      continue;
    }
    const liveFirst = Number(!leaf._deleted) - Number(!winner._deleted);
    const longer = position(leaf._rev) - position(winner._rev);
    if (
      liveFirst > 0 ||
      (liveFirst === 0 && (longer > 0 || (longer === 0 && leaf._rev > winner._rev)))
    )
      winner = leaf;
  }
  return winner;
}

/** Every revision of a leaf's history, itself included. */
function history(leaf: Leaf): Set<string> {
  const revisions = leaf._revisions;
  if (!revisions) return new Set([leaf._rev]);
  return new Set(revisions.ids.map((id, index) => `${revisions.start - index}-${id}`));
}

/**
 * Did the write that made `rev` win? It did when the winning leaf is it or was built on it (a
 * later write that read it as current). No leaf at all (the document is gone from every copy we
 * could read) is taken as not won: the caller retries as after a conflict.
 */
export function wonRace(rev: string, leaves: readonly Leaf[]): boolean {
  const winner = winningLeaf(leaves);
  return winner !== undefined && history(winner).has(rev);
}

/** What the store needs to settle a race: raw requests to the database's documents. */
export interface RaceTransport {
  /** `GET` of a path under the database; the parsed JSON and status. */
  get(path: string): Promise<{ status: number; json: unknown }>;
  /** `POST _bulk_docs` of one document with `w=n`; the row CouchDB answered. */
  write(doc: Record<string, unknown>): Promise<WriteRow | undefined>;
}

/**
 * Settles one row a `_bulk_docs` (new edits) answered `ok`: unchanged when this write won, else
 * this write's revision is deleted and the row becomes the `conflict` a single node would give.
 */
export async function settleRace(
  transport: RaceTransport,
  row: WriteRow,
  copies: number,
): Promise<WriteRow> {
  if (!row.ok || !row.rev) return row;
  const { status, json } = await transport.get(
    `${encodeURIComponent(row.id)}?open_revs=all&revs=true&r=${copies}`,
  );
  if (status >= 400 || !Array.isArray(json)) {
    throw new Error(
      `CouchDB could not show every copy of ${row.id} after writing it (${status}): ${JSON.stringify(json)}`,
    );
  }
  const leaves = (json as { ok?: Leaf }[]).flatMap((entry) => (entry.ok ? [entry.ok] : []));
  if (wonRace(row.rev, leaves)) return row;
  const mine = leaves.find((leaf) => leaf._rev === row.rev);
  if (mine && !mine._deleted) {
    // A failed removal leaves a losing branch CouchDB never serves as the document: no harm.
    await transport.write({ _id: row.id, _rev: row.rev, _deleted: true }).catch(() => undefined);
  }
  return {
    id: row.id,
    error: 'conflict',
    reason: 'Document update conflict (another server wrote this document at the same moment).',
  };
}
