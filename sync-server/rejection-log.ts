import { createHash } from 'node:crypto';
import type { Principal } from './auth';
import { INTERNAL_DATABASES } from './database-layout';
import type { DocumentStore, StoredDoc } from './document-store';
import type { RejectionCode } from './write-policy';

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
  /** The document as it was pushed, so nothing is lost when it is refused. */
  doc: unknown;
}

export interface RejectionInput {
  principal: Principal;
  db: string;
  docId: string;
  code: RejectionCode;
  reason: string;
  doc: unknown;
}

/** Larger pushed documents are kept as a note only; the rejection itself is what matters. */
const MAX_KEPT_BYTES = 64 * 1024;

/**
 * Every refused write, kept in the server's own data and shown to the administrator and to the
 * device that sent it. The id is derived from who sent what and why, so a register retrying the
 * same refused document does not bury the list under copies.
 */
export class RejectionLog {
  constructor(private readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(INTERNAL_DATABASES.rejections);
  }

  async record(inputs: readonly RejectionInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const at = new Date().toISOString();
    const docs = inputs.map((input) => {
      const by = input.principal.kind === 'admin' ? 'admin' : input.principal.id;
      const text = JSON.stringify(input.doc) ?? 'null';
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([by, input.db, input.docId, input.code, input.reason, text]))
        .digest('hex')
        .slice(0, 32);
      return {
        _id: `rej_${fingerprint}`,
        by,
        ...(input.principal.kind === 'device' ? { storeId: input.principal.storeId } : {}),
        db: input.db,
        docId: input.docId,
        code: input.code,
        reason: input.reason,
        at,
        doc: text.length > MAX_KEPT_BYTES ? { omitted: `${text.length} bytes` } : input.doc,
      };
    });
    // Conflicts mean "already recorded": exactly the idempotence we want.
    await this.store.bulkDocs(INTERNAL_DATABASES.rejections, docs, true);
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

  async list(filter: { by?: string; limit?: number } = {}): Promise<Rejection[]> {
    const all = await this.store.allDocs(INTERNAL_DATABASES.rejections);
    return all
      .filter((doc) => filter.by === undefined || doc.by === filter.by)
      .sort((a, b) => String(b.at).localeCompare(String(a.at)))
      .slice(0, filter.limit ?? 500)
      .map(toRejection);
  }
}

function toRejection(doc: StoredDoc): Rejection {
  const { _id, _rev: _ignored, ...rest } = doc;
  return { id: _id, ...(rest as Omit<Rejection, 'id'>) };
}
