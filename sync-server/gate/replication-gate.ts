import type { NextFunction, Request, Response } from 'express';
import { ApiError, badRequest, forbidden, sendError, sendJson } from '../http/api-error';
import type { Authenticator, Principal } from '../access/auth';
import type { DatabaseName } from '../storage/database-layout';
import { KNOWN_DATABASES_HINT } from '../storage/database-layout';
import type { DocumentStore, WriteRow } from '../storage/document-store';
import { idOf } from '../storage/document-store';
import type { DocumentValidator } from './document-validator';
import { isPlainObject, readJsonBody } from '../http/read-json-body';
import { sinceForStore } from './foreign-checkpoint';
import type { RejectionLog } from './rejection-log';
import type { LocalDocQuota } from './local-doc-quota';
import { guardDeviceRead, refuseRegex } from './request-bounds';
import { classifyReplicationRequest, readProblem } from './replication-access';
import type { FlagDraft, PushCheckContext, PushVerdict } from './push-checks/push-check';
import { PUSH_CHECKS } from './push-checks/push-checks';
import type { ServerIndex } from '../index/server-index';
import type { SettingsHistory } from '../history/settings-history';
import type { WriteDecision } from './write-policy';
import { decideWrite, IMMUTABLE_FACTS } from './write-policy';

export interface ReplicationGateDeps {
  auth: Authenticator;
  store: DocumentStore;
  validator: DocumentValidator;
  rejections: RejectionLog;
  /** Every version of each store's settings: a sale is re-priced with the one it was sold under. */
  settingsHistory: SettingsHistory;
  /** Called after documents landed (reconciliation and caches listen). */
  onAccepted: (db: string, docs: readonly Record<string, unknown>[]) => void;
  /** What the push checks read (sources, ledgers, stock): caught up before each check. */
  index: ServerIndex;
  /** Raises flags beside accepted documents (push-checks/push-check.ts, "accept"). */
  raiseFlags: (flags: readonly FlagDraft[]) => Promise<void>;
  /** Size and per-device count of `_local` documents (local-doc-quota.ts). */
  localDocs: LocalDocQuota;
}

/** A decision of the gate: write-policy's, a `_local` document, or a check still waiting. */
type GateDecision =
  | WriteDecision
  | { kind: 'local'; doc: Record<string, unknown> }
  | { kind: 'pending'; id: string; reason: string };

const SEE_REJECTIONS = 'rejection recorded; see GET /api/v1/rejections?mine=1';

/**
 * The door of /db: authenticates, lets through what the caller may read, and handles every
 * document write itself (validate, then write through the DocumentStore) so express-pouchdb or
 * CouchDB only ever sees documents that passed. Reads continue to the next handler.
 */
export class ReplicationGate {
  private readonly existing = new Set<string>();
  /** Documents being written by a request now, by id: a dependent check waits for them. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: ReplicationGateDeps) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.handle(req, res, next).catch((error: unknown) => sendError(res, error));
  };

  private async handle(req: Request, res: Response, next: NextFunction): Promise<void> {
    const principal = await this.deps.auth.authenticate(req, res);
    const route = classifyReplicationRequest(req.method, req.path);
    switch (route.kind) {
      case 'root':
        return this.passThrough(req, next);
      case 'session':
        return sendJson(res, 200, {
          ok: true,
          userCtx: {
            name: principal.kind === 'admin' ? 'admin' : principal.id,
            roles: principal.kind === 'admin' ? ['_admin'] : [principal.kind],
          },
        });
      case 'server-admin':
        if (principal.kind !== 'admin') {
          throw forbidden(`${route.name} is for the server administrator only`);
        }
        return this.passThrough(req, next);
      case 'unknown-database':
        throw new ApiError(
          404,
          'not_found',
          `Database "${route.name}" is not part of the Omnitill layout. ${KNOWN_DATABASES_HINT}`,
        );
      case 'method-not-allowed':
        throw new ApiError(405, 'method_not_allowed', `${route.method} is not supported here.`);
      case 'database-admin':
        if (principal.kind !== 'admin') {
          throw forbidden(
            `only the server administrator may ${route.what} on ${route.database.name}`,
          );
        }
        if (req.method === 'DELETE' && req.path.split('/').filter(Boolean).length === 1) {
          this.existing.delete(route.database.name);
          this.deps.store.forget(route.database.name);
        }
        return this.passThrough(req, next);
      case 'read': {
        this.checkRead(principal, route.database);
        // Any Content-Type: a query the backend would parse anyway is checked here first.
        const body = await this.parseBody(req, true);
        refuseRegex(body, req.query);
        const guard = await guardDeviceRead(req, principal, route.database, body, this.deps.index);
        if (guard.kind === 'answer') return sendJson(res, guard.status, guard.body);
        this.readSinceForThisStore(req);
        return next();
      }
      case 'local-write': {
        this.checkRead(principal, route.database);
        // Parsed whatever the Content-Type says, so the limits apply before the store sees it.
        const body = await this.parseBody(req, true);
        if (req.method !== 'DELETE') {
          const docId = req.path.split('/').filter(Boolean).slice(1).join('/');
          await this.deps.localDocs.admit(principal, route.database.name, docId, body);
        }
        return next();
      }
      case 'attachment-write':
        this.checkRead(principal, route.database);
        if (principal.kind !== 'admin') {
          throw forbidden('attachments are not accepted; keep data in document fields');
        }
        return this.passThrough(req, next);
      case 'bulk-docs':
        return this.bulkDocs(req, res, principal, route.database);
      case 'doc-write':
      case 'doc-delete':
        return this.singleDoc(req, res, principal, route.database, route.docId);
    }
  }

  /** A changes-feed checkpoint kept from the other kind of store (after a migration) reads as 0. */
  private readSinceForThisStore(req: Request): void {
    const since = req.query.since;
    if (typeof since !== 'string') return;
    const kept = sinceForStore(since, this.deps.store.kind);
    if (kept === since) return;
    const url = new URL(req.url, 'http://gate');
    url.searchParams.set('since', kept);
    req.url = url.pathname + url.search;
    (req.query as Record<string, unknown>).since = kept;
  }

  private checkRead(principal: Principal, database: DatabaseName): void {
    const problem = readProblem(principal, database);
    if (problem) throw forbidden(problem);
  }

  /** Parses JSON bodies with our limits and hands them on (body-parser skips a parsed body). */
  private async passThrough(req: Request, next: NextFunction): Promise<void> {
    await this.parseBody(req);
    next();
  }

  private async parseBody(req: Request, anyType = false): Promise<unknown> {
    if (req.method !== 'POST' && req.method !== 'PUT') return undefined;
    const type = req.headers['content-type'] ?? '';
    if (!anyType && !type.includes('json') && type !== '') return undefined;
    const body = await readJsonBody(req);
    (req as Request & { _body?: boolean }).body = body ?? {};
    (req as Request & { _body?: boolean })._body = true;
    return body;
  }

  private async requireDatabase(name: string): Promise<void> {
    if (this.existing.has(name)) return;
    if (!(await this.deps.store.databaseExists(name))) {
      throw new ApiError(
        404,
        'not_found',
        `Database ${name} does not exist yet; it is created when a device of its store is enrolled.`,
      );
    }
    this.existing.add(name);
  }

  private async bulkDocs(
    req: Request,
    res: Response,
    principal: Principal,
    database: DatabaseName,
  ): Promise<void> {
    const body = await readJsonBody(req);
    if (!isPlainObject(body) || !Array.isArray(body.docs)) {
      throw badRequest('POST _bulk_docs takes {"docs": [...]}; the "docs" array is missing.');
    }
    if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean') {
      throw badRequest('"new_edits" must be true or false.');
    }
    const readDenied = readProblem(principal, database);
    if (readDenied) {
      await this.recordAll(principal, database.name, body.docs, readDenied);
      throw forbidden(`${readDenied} (${SEE_REJECTIONS})`);
    }
    await this.requireDatabase(database.name);
    for (const doc of body.docs) {
      if (isPlainObject(doc) && typeof doc._id === 'string' && doc._id.startsWith('_local/')) {
        await this.deps.localDocs.admit(principal, database.name, doc._id, doc);
      }
    }
    const newEdits = body.new_edits !== false;
    if (!newEdits && principal.kind !== 'admin') {
      // new_edits=false stores a pushed revision beside the server's as a conflict branch: a
      // second version of a completed sale. Registers push as RxDB does (new_edits true), so
      // two different versions of one id meet a conflict instead.
      throw forbidden(
        'new_edits=false is for the server administrator only (restoring a backup); registers push with new_edits true',
      );
    }
    const decisions = await this.decide(principal, database, body.docs);
    const written = await this.write(principal, database, decisions, newEdits);
    const rows = decisions.map((decision, index) =>
      this.replyRow(decision, written.get(index), newEdits),
    );
    sendJson(res, 201, newEdits ? rows : rows.filter((row) => row.error !== undefined));
  }

  private async singleDoc(
    req: Request,
    res: Response,
    principal: Principal,
    database: DatabaseName,
    docId: string | null,
  ): Promise<void> {
    this.checkRead(principal, database);
    const rev = typeof req.query.rev === 'string' ? req.query.rev : undefined;
    let doc: Record<string, unknown>;
    if (req.method === 'DELETE') {
      if (!rev) throw badRequest('DELETE needs ?rev= with the revision being deleted.');
      doc = { _id: docId, _rev: rev, _deleted: true };
    } else {
      const body = await readJsonBody(req);
      if (!isPlainObject(body)) throw badRequest('The body must be a JSON object (the document).');
      if (docId !== null && body._id !== undefined && body._id !== docId) {
        throw badRequest(
          `The body's _id ${JSON.stringify(body._id)} differs from the URL's "${docId}".`,
        );
      }
      doc = { ...body, ...(docId === null ? {} : { _id: docId }), ...(rev ? { _rev: rev } : {}) };
      if (typeof doc._id !== 'string') {
        throw badRequest('POST a document with its "_id": ids are made on the device.');
      }
    }
    await this.requireDatabase(database.name);
    const decisions = await this.decide(principal, database, [doc]);
    const decision = decisions[0];
    if (!decision) throw new Error('No decision for a single document.');
    if (decision.kind === 'pending') {
      throw new ApiError(409, 'pending', `${decision.reason} Retry once it has synced.`);
    }
    if (decision.kind === 'reject') {
      // Recorded like a refused row of _bulk_docs: the reply says to look it up there.
      await this.write(principal, database, decisions, true);
      throw forbidden(`${decision.reason} (${SEE_REJECTIONS})`);
    }
    const written = await this.write(principal, database, decisions, true);
    const row = this.replyRow(decision, written.get(0), true);
    if (row.error === 'conflict') {
      throw new ApiError(
        409,
        'conflict',
        'Document update conflict: fetch the current revision and retry.',
      );
    }
    if (row.error) throw new ApiError(500, row.error, row.reason ?? 'The write failed; retry.');
    sendJson(res, req.method === 'DELETE' ? 200 : 201, { ok: true, id: row.id, rev: row.rev });
  }

  private async decide(
    principal: Principal,
    database: DatabaseName,
    docs: readonly unknown[],
  ): Promise<GateDecision[]> {
    const decisions = await this.decideDocuments(principal, database, docs);
    const seen = new Map<string, Record<string, unknown>>();
    const deduplicated = decisions.map((decision): GateDecision => {
      if (decision.kind !== 'write') return decision;
      const id = idOf(decision.doc);
      const earlier = seen.get(id);
      if (earlier === undefined) {
        seen.set(id, decision.doc);
        return decision;
      }
      return {
        kind: 'reject',
        id,
        code: 'bad_document',
        reason: `${id} appears twice in one request; a document has one version`,
        serverHasDoc: false,
        doc: decision.doc,
      };
    });
    if (principal.kind !== 'device') return deduplicated;
    return this.checkDomain(principal, database, deduplicated);
  }

  /**
   * The push check of the collection (push-checks/), one document after the other so a later
   * document of the request may rely on an earlier one. Deletions are refused by write-policy
   * for immutable facts; the others need no domain check.
   */
  private async checkDomain(
    principal: Extract<Principal, { kind: 'device' }>,
    database: DatabaseName,
    decisions: GateDecision[],
  ): Promise<GateDecision[]> {
    const check = PUSH_CHECKS[database.collection];
    if (!check || !decisions.some((decision) => decision.kind === 'write')) return decisions;
    await this.deps.index.catchUp();
    const memo = new Map<string, Promise<unknown>>();
    const accepted = new Map<string, Record<string, unknown>>();
    const context: PushCheckContext = {
      principal,
      database,
      store: this.deps.store,
      index: this.deps.index,
      settingsHistory: this.deps.settingsHistory,
      rejections: this.deps.rejections,
      now: new Date(),
      memo: <T>(key: string, load: () => Promise<T>): Promise<T> => {
        let found = memo.get(key) as Promise<T> | undefined;
        if (!found) {
          found = load();
          memo.set(key, found);
        }
        return found;
      },
      accepted,
      awaitInFlight: (id: string) => this.inFlight.get(id) ?? Promise.resolve(),
    };
    const checked: GateDecision[] = [];
    for (const decision of decisions) {
      if (decision.kind !== 'write' || decision.doc._deleted === true) {
        checked.push(decision);
        continue;
      }
      const verdict: PushVerdict = await check(decision.doc, context);
      const id = idOf(decision.doc);
      switch (verdict.kind) {
        case 'accept':
          accepted.set(id, decision.doc);
          checked.push(verdict.flags?.length ? { ...decision, flags: verdict.flags } : decision);
          break;
        case 'reject':
          checked.push({
            kind: 'reject',
            id,
            code: verdict.code,
            reason: verdict.reason,
            serverHasDoc: false,
            doc: decision.doc,
          });
          break;
        case 'pending':
          checked.push({ kind: 'pending', id, reason: verdict.reason });
          break;
      }
    }
    return checked;
  }

  private async decideDocuments(
    principal: Principal,
    database: DatabaseName,
    docs: readonly unknown[],
  ): Promise<GateDecision[]> {
    const ids = docs
      .filter(isPlainObject)
      .map((doc) => doc._id)
      .filter((id): id is string => typeof id === 'string' && !id.startsWith('_local/'));
    const current = await this.deps.store.getCurrent(database.name, [...new Set(ids)]);
    const settingsHistory =
      database.collection === 'sales' && database.kind === 'store'
        ? await this.deps.settingsHistory.historyOf(database.storeId)
        : undefined;
    return docs.map((doc) => {
      if (!isPlainObject(doc)) {
        return {
          kind: 'reject',
          id: '',
          code: 'bad_document',
          reason: 'each entry of "docs" must be a JSON object',
          serverHasDoc: false,
          doc,
        } as const;
      }
      if (typeof doc._id === 'string' && doc._id.startsWith('_local/'))
        return { kind: 'local', doc };
      const id = typeof doc._id === 'string' ? doc._id : '';
      return decideWrite(this.deps.validator, {
        principal,
        database,
        doc,
        current: current.get(id),
        settingsHistory,
      });
    });
  }

  /** Writes what passed and records what did not; returns backend rows by input index. */
  private async write(
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
  private replyRow(
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

  private async recordAll(
    principal: Principal,
    db: string,
    docs: readonly unknown[],
    reason: string,
  ): Promise<void> {
    await this.deps.rejections.record(
      docs.map((doc) => ({
        principal,
        db,
        docId: isPlainObject(doc) && typeof doc._id === 'string' ? doc._id : '',
        code: 'not_your_store' as const,
        reason,
        doc,
      })),
    );
  }
}
