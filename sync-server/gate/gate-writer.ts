/**
 * The gate's write path: writes what was decided through the DocumentStore, records refusals,
 * keeps one version of each fact on a CouchDB cluster, raises flags and shapes the reply rows.
 * Documents being written are tracked so a dependent push check (gate-decisions.ts) waits.
 */
import type { Principal } from '../access/auth';
import type { FlagDraft } from '../index/reconciler';
import type { DatabaseName } from '../storage/database-layout';
import type { DocumentStore, WriteRow } from '../storage/document-store';
import { idOf } from '../storage/document-store';
import type { GateDecision } from './gate-decisions';
import type { RejectionLog } from './rejection-log';
import { IMMUTABLE_FACTS } from './write-policy';

export const SEE_REJECTIONS = 'rejection recorded; see GET /api/v1/rejections?mine=1';

export interface WriteDeps {
  store: DocumentStore;
  rejections: RejectionLog;
  /** Called after documents landed (reconciliation and caches listen). */
  onAccepted: (db: string, docs: readonly Record<string, unknown>[]) => void;
  /** Raises flags beside accepted documents (push-checks/push-check.ts, "accept"). */
  raiseFlags: (flags: readonly FlagDraft[]) => Promise<void>;
}

export class GateWriter {
  /** Documents being written by a request now, by id: a dependent check waits for them. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: WriteDeps) {}

  awaitInFlight(id: string): Promise<void> {
    return this.inFlight.get(id) ?? Promise.resolve();
  }

  /** Writes what passed and records what did not; returns backend rows by input index. */
  async write(
    principal: Principal,
    database: DatabaseName,
    decisions: readonly GateDecision[],
    newEdits: boolean,
  ): Promise<Map<number, WriteRow>> {
    const ids = decisions.flatMap((decision) =>
      decision.kind === 'write' ? [idOf(decision.doc)] : [],
    );
    let done = (): void => undefined;
    const writing = new Promise<void>((resolve) => (done = resolve));
    for (const id of ids) this.inFlight.set(id, writing);
    try {
      return await this.writeDecided(principal, database, decisions, newEdits);
    } finally {
      for (const id of ids) if (this.inFlight.get(id) === writing) this.inFlight.delete(id);
      done();
    }
  }

  private async writeDecided(
    principal: Principal,
    database: DatabaseName,
    decisions: readonly GateDecision[],
    newEdits: boolean,
  ): Promise<Map<number, WriteRow>> {
    const indexes: number[] = [];
    const docs: Record<string, unknown>[] = [];
    decisions.forEach((decision, index) => {
      if (decision.kind === 'write' || decision.kind === 'local') {
        indexes.push(index);
        docs.push(decision.doc);
      }
    });
    const rejected = decisions.filter((decision) => decision.kind === 'reject');
    await this.deps.rejections.record(
      rejected.map((decision) => ({
        principal,
        db: database.name,
        docId: decision.id,
        code: decision.code,
        reason: decision.reason,
        doc: decision.doc,
      })),
    );
    const rows = await this.deps.store.bulkDocs(database.name, docs, newEdits);
    if (principal.kind === 'device') await this.oneVersionEach(principal, database, docs, rows);
    const byIndex = new Map<number, WriteRow>();
    if (rows.length === docs.length) {
      rows.forEach((row, position) => byIndex.set(indexes[position] ?? -1, row));
    } else {
      // CouchDB answers new_edits=false with error rows only: match them by id.
      const errors = new Map(rows.map((row) => [row.id, row]));
      indexes.forEach((index, position) => {
        const id = idOf(docs[position]);
        byIndex.set(index, errors.get(id) ?? { id, ok: true });
      });
    }
    const landed = docs.filter(
      (doc, position) =>
        !idOf(doc).startsWith('_local/') && byIndex.get(indexes[position] ?? -1)?.ok,
    );
    const flags = decisions.flatMap((decision, index) =>
      decision.kind === 'write' && decision.flags && byIndex.get(index)?.ok ? decision.flags : [],
    );
    if (flags.length > 0) await this.deps.raiseFlags(flags);
    if (landed.length > 0) this.deps.onAccepted(database.name, landed);
    return byIndex;
  }

  /**
   * A CouchDB cluster may take two concurrent creations of one id as two branches (each copy
   * saw another first). A fact has one version (rule 2): the winner CouchDB picks, the same for
   * every reader, stays; a losing branch this request wrote is deleted again, its row becomes a
   * conflict (the register pulls the winner) and the refusal is recorded. PouchDB serialises
   * writes per database, so only the cluster needs the read.
   */
  private async oneVersionEach(
    principal: Principal,
    database: DatabaseName,
    docs: readonly Record<string, unknown>[],
    rows: WriteRow[],
  ): Promise<void> {
    if (this.deps.store.kind !== 'couchdb' || !IMMUTABLE_FACTS.has(database.collection)) return;
    const written = new Map<string, { rev: string; position: number }>();
    rows.forEach((row, position) => {
      if (row.ok && row.rev && !row.id.startsWith('_local/'))
        written.set(row.id, { rev: row.rev, position });
    });
    if (written.size === 0) return;
    const conflicted = await this.deps.store.conflictsOf(database.name, [...written.keys()]);
    // Every losing branch goes, whoever wrote it: a concurrent request that read before this
    // write landed saw no conflict and cannot clean up after itself.
    const losers = [...conflicted].flatMap(([id, { winner, losers: losing }]) =>
      losing.filter((rev) => rev !== winner).map((rev) => ({ id, rev })),
    );
    if (losers.length === 0) return;
    await this.deps.store.bulkDocs(
      database.name,
      losers.map((loser) => ({ _id: loser.id, _rev: loser.rev, _deleted: true })),
      true,
    );
    const mine = losers.flatMap((loser) => {
      const entry = written.get(loser.id);
      return entry && entry.rev === loser.rev ? [{ ...loser, position: entry.position }] : [];
    });
    await this.deps.rejections.record(
      losers.map((loser) => {
        const own = mine.find((candidate) => candidate.rev === loser.rev);
        return {
          principal,
          db: database.name,
          docId: loser.id,
          code: 'immutable' as const,
          reason: `${loser.id} arrived twice at once with different contents; the server kept one version and removed revision ${loser.rev}`,
          doc: own ? docs[own.position] : { removedRevision: loser.rev },
        };
      }),
    );
    for (const loser of mine) {
      rows[loser.position] = {
        id: loser.id,
        error: 'conflict',
        reason: 'Another version of this document was stored at the same moment; pull it.',
      };
    }
  }

  /**
   * One row of the reply, CouchDB-shaped. A refused document gets `error: "forbidden"` and the
   * reason, so the valid documents of the batch still land. Interactive writers (RxDB's CouchDB
   * push, which throws on any row that is neither ok nor a conflict and retries the whole batch
   * for ever) get a row they can move past: "conflict" when the server holds the document (the
   * register then pulls the server's version and its conflict handler settles on it), else
   * `ok: true` with `rejected: true` beside the error (the register keeps its copy; the rejection
   * log has it). See docs/API.md, "Rejected documents".
   */
  replyRow(
    decision: GateDecision,
    written: WriteRow | undefined,
    newEdits: boolean,
  ): WriteRow & { rejected?: boolean } {
    switch (decision.kind) {
      case 'pending':
        // Neither ok nor a conflict: RxDB retries the batch, by when the source may be in.
        return { id: decision.id, error: 'pending', reason: decision.reason };
      case 'write':
      case 'local':
        return written ?? { id: idOf(decision.doc), error: 'unknown', reason: 'not written' };
      case 'unchanged':
        return { id: decision.id, ok: true, rev: decision.rev };
      case 'reject': {
        const reason = `${decision.reason} (${SEE_REJECTIONS})`;
        if (!newEdits) return { id: decision.id, error: 'forbidden', reason };
        if (decision.serverHasDoc) {
          return { id: decision.id, error: 'conflict', reason, rejected: true };
        }
        return { id: decision.id, ok: true, error: 'forbidden', reason, rejected: true };
      }
    }
  }
}
