import type { NextFunction, Request, Response } from 'express';
import { ApiError, badRequest, forbidden, sendError, sendJson } from '../http/api-error';
import type { Authenticator, Principal } from '../access/auth';
import type { DatabaseName } from '../storage/database-layout';
import { KNOWN_DATABASES_HINT } from '../storage/database-layout';
import { isPlainObject, readJsonBody } from '../http/read-json-body';
import { sinceForStore } from './foreign-checkpoint';
import type { LocalDocQuota } from './local-doc-quota';
import { guardDeviceRead, refuseRegex } from './request-bounds';
import { classifyReplicationRequest, readProblem } from './replication-access';
import { staffReadScope } from './staff-read-filter';
import { filterScopedRead } from './scoped-read-filter';
import type { ReadScope } from './scoped-read-filter';
import { customerReadScope, loyaltyReadScope } from './customer-read-scope';
import type { CustomerScopeDeps } from './customer-read-scope';
import type { DecisionDeps } from './gate-decisions';
import { GateDecider } from './gate-decisions';
import type { WriteDeps } from './gate-writer';
import { GateWriter, SEE_REJECTIONS } from './gate-writer';

export interface ReplicationGateDeps
  extends DecisionDeps, WriteDeps, Omit<CustomerScopeDeps, 'store'> {
  auth: Authenticator;
  /** Size and per-device count of `_local` documents (local-doc-quota.ts). */
  localDocs: LocalDocQuota;
  /** The device's PIN key: staff documents leave with verifiers made with it. */
  pinKeyOf: (deviceId: string) => Uint8Array;
}

/**
 * The door of /db: authenticates, lets through what the caller may read, and handles every
 * document write itself (validate, then write through the DocumentStore) so express-pouchdb or
 * CouchDB only ever sees documents that passed. Reads continue to the next handler. What to
 * write is decided in gate-decisions.ts, the writing is gate-writer.ts's.
 */
export class ReplicationGate {
  private readonly existing = new Set<string>();
  private readonly writer: GateWriter;
  private readonly decider: GateDecider;

  constructor(private readonly deps: ReplicationGateDeps) {
    this.writer = new GateWriter(deps);
    this.decider = new GateDecider(deps, (id) => this.writer.awaitInFlight(id));
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.handle(req, res, next).catch((error: unknown) => sendError(res, error));
  };

  private async handle(req: Request, res: Response, next: NextFunction): Promise<void> {
    const principal = await this.deps.auth.authenticate(req);
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
        const scope = this.readScope(principal, route.database);
        if (scope) await filterScopedRead(req, res, body, scope);
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

  /** The shared databases a device reads only part of (docs/DATA.md, docs/SECURITY.md). */
  private readScope(principal: Principal, database: DatabaseName): ReadScope | undefined {
    if (principal.kind !== 'device') return undefined;
    const { storeId } = principal;
    if (database.collection === 'staff') {
      return staffReadScope(this.deps.store, storeId, this.deps.pinKeyOf(principal.id));
    }
    if (database.collection === 'customers') return customerReadScope(this.deps, storeId);
    if (database.collection === 'loyalty') return loyaltyReadScope(this.deps, storeId);
    return undefined;
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
    const decisions = await this.decider.decide(principal, database, body.docs);
    const written = await this.writer.write(principal, database, decisions, newEdits);
    const rows = decisions.map((decision, index) =>
      this.writer.replyRow(decision, written.get(index), newEdits),
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
    const decisions = await this.decider.decide(principal, database, [doc]);
    const decision = decisions[0];
    if (!decision) throw new Error('No decision for a single document.');
    if (decision.kind === 'pending') {
      throw new ApiError(409, 'pending', `${decision.reason} Retry once it has synced.`);
    }
    if (decision.kind === 'reject') {
      // Recorded like a refused row of _bulk_docs: the reply says to look it up there.
      await this.writer.write(principal, database, decisions, true);
      throw forbidden(`${decision.reason} (${SEE_REJECTIONS})`);
    }
    const written = await this.writer.write(principal, database, decisions, true);
    const row = this.writer.replyRow(decision, written.get(0), true);
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
