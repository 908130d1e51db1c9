import { createHash } from 'node:crypto';
import type { Principal } from '../access/auth';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import type { RejectionCode } from './write-policy';

/**
 * A refusal as kept: what was refused and why, never the document itself. The register that
 * pushed it keeps its copy (docs/API.md, "Rejected documents"); a refused push could be 10 MB,
 * and a device could send many.
 */
export interface Rejection {
  id: string;
  /** `admin`, or the device's id. */
  by: string;
  storeId?: string;
  db: string;
  docId: string;
  code: RejectionCode;
  reason: string;
  at: string;
  /** The pushed document's size as JSON, in bytes. */
  bytes: number;
  /** SHA-256 (hex) of the pushed document as JSON: tells two pushes of one id apart. */
  sha256: string;
  /** Its top-level field names (at most 40), to see what kind of document it was. */
  fields: string[];
}

export interface RejectionInput {
  principal: Principal;
  db: string;
  docId: string;
  code: RejectionCode;
  reason: string;
  doc: unknown;
}

export interface RejectionPage {
  rejections: Rejection[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

/**
 * Retention: the newest 10,000 refusals, none older than 90 days. A count bounds the disk
 * whatever a device sends; the age keeps the list about what is still worth looking at.
 */
export const REJECTION_RETENTION = { maxEntries: 10_000, maxAgeDays: 90 } as const;
const MAX_REASON = 1000;
const MAX_DOC_ID = 200;
const MAX_FIELDS = 40;
/** Pruning reads the whole log: do it once per this many recorded refusals (and at start). */
const PRUNE_EVERY = 500;

/**
 * Every refused write, as a bounded summary, in the server's own data; shown to the
 * administrator and to the device that sent it. The id is derived from who sent what and why,
 * so a register retrying the same refused document does not bury the list under copies.
 */
export class RejectionLog {
  private sincePrune = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly retention: { maxEntries: number; maxAgeDays: number } = REJECTION_RETENTION,
  ) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(INTERNAL_DATABASES.rejections);
    await this.prune();
  }

  async record(inputs: readonly RejectionInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const at = new Date().toISOString();
    const docs = inputs.map((input) => {
      const by = input.principal.kind === 'admin' ? 'admin' : input.principal.id;
      const text = JSON.stringify(input.doc) ?? 'null';
      const sha256 = createHash('sha256').update(text).digest('hex');
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([by, input.db, input.docId, input.code, input.reason, sha256]))
        .digest('hex')
        .slice(0, 32);
      const fields =
        typeof input.doc === 'object' && input.doc !== null && !Array.isArray(input.doc)
          ? Object.keys(input.doc)
              .slice(0, MAX_FIELDS)
              .map((field) => field.slice(0, 64))
          : [];
      return {
        _id: `rej_${fingerprint}`,
        by,
        ...(input.principal.kind === 'device' ? { storeId: input.principal.storeId } : {}),
        db: input.db,
        docId: input.docId.slice(0, MAX_DOC_ID),
        code: input.code,
        reason: input.reason.slice(0, MAX_REASON),
        at,
        bytes: Buffer.byteLength(text),
        sha256,
        fields,
      };
    });
    // Conflicts mean "already recorded": exactly the idempotence we want.
    await this.store.bulkDocs(INTERNAL_DATABASES.rejections, docs, true);
    this.sincePrune += docs.length;
    if (this.sincePrune >= PRUNE_EVERY) await this.prune();
  }

  /** Drops what is past retention: older than the age, then the oldest beyond the count. */
  async prune(): Promise<number> {
    this.sincePrune = 0;
    const all = newestFirst(await this.store.allDocs(INTERNAL_DATABASES.rejections));
    const oldest = new Date(Date.now() - this.retention.maxAgeDays * 86_400_000).toISOString();
    const dropped = all.filter(
      (doc, position) => position >= this.retention.maxEntries || String(doc.at) < oldest,
    );
    if (dropped.length === 0) return 0;
    await this.store.bulkDocs(
      INTERNAL_DATABASES.rejections,
      dropped.map((doc) => ({ _id: doc._id, _rev: doc._rev, _deleted: true })),
      true,
    );
    return dropped.length;
  }

  /**
   * The refused documents of one database, by id, with the code: a push check asks it when it
   * cannot find a source (rare: read at most once per request and database).
   */
  async refusedIn(db: string): Promise<Map<string, RejectionCode>> {
    const refused = new Map<string, RejectionCode>();
    for (const doc of await this.store.allDocs(INTERNAL_DATABASES.rejections)) {
      if (doc.db === db) refused.set(String(doc.docId), doc.code as RejectionCode);
    }
    return refused;
  }

  /** The refusal of one document, if it was refused (reads the log: only for a missing source). */
  async ofDocument(db: string, docId: string): Promise<Rejection | undefined> {
    const found = (await this.store.allDocs(INTERNAL_DATABASES.rejections)).find(
      (doc) => doc.db === db && doc.docId === docId,
    );
    return found ? toRejection(found) : undefined;
  }

  /** One page, newest first; `before` is the `next` of the page before. */
  async list(
    filter: { by?: string; limit?: number; before?: string } = {},
  ): Promise<RejectionPage> {
    const limit = filter.limit ?? 500;
    const all = newestFirst(await this.store.allDocs(INTERNAL_DATABASES.rejections)).filter(
      (doc) =>
        (filter.by === undefined || doc.by === filter.by) &&
        (filter.before === undefined || cursorOf(doc) < filter.before),
    );
    const page = all.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rejections: page.map(toRejection),
      ...(all.length > limit && last ? { next: cursorOf(last) } : {}),
    };
  }
}

/** Sorts as the list pages: by time, then id, both descending. */
const cursorOf = (doc: StoredDoc): string => `${String(doc.at)}|${doc._id}`;

function newestFirst(docs: StoredDoc[]): StoredDoc[] {
  return docs.sort((a, b) => cursorOf(b).localeCompare(cursorOf(a)));
}

function toRejection(doc: StoredDoc): Rejection {
  const { _id, _rev: _ignored, ...rest } = doc;
  return { id: _id, ...(rest as Omit<Rejection, 'id'>) };
}
