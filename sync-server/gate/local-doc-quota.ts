import { ApiError } from '../http/api-error';
import type { Principal } from '../access/auth';
import type { DocumentStore } from '../storage/document-store';
import { putAsServer } from '../storage/document-store';

/**
 * Which device wrote which `_local` document, so one device cannot fill the disk with them.
 * Replicators keep their checkpoints there (one small document per replication); nothing else
 * a register does needs them. Its own database, not a table in the replicated ones.
 */
export const LOCAL_DOCS_DB = 'omnitill-local-docs';
/** A checkpoint is a few hundred bytes; 64 KB leaves room for any replicator's history. */
export const MAX_LOCAL_DOC_BYTES = 64 * 1024;
/** Per device, all databases together: 14 databases × 2 directions need 28. */
export const MAX_LOCAL_DOCS_PER_DEVICE = 100;

const enc = encodeURIComponent;

export class LocalDocQuota {
  /** The ids (db|localId) each device has, loaded from the ledger on first use. */
  private readonly owned = new Map<string, Promise<Set<string>>>();

  constructor(private readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(LOCAL_DOCS_DB);
  }

  /**
   * Checks a `_local` document a device writes and records it as the device's. The size is of
   * the document as JSON; the count is of distinct ids, so rewriting a checkpoint is free.
   */
  async admit(principal: Principal, db: string, docId: string, body: unknown): Promise<void> {
    if (principal.kind === 'admin') return;
    const bytes = Buffer.byteLength(JSON.stringify(body) ?? '');
    if (bytes > MAX_LOCAL_DOC_BYTES) {
      throw new ApiError(
        413,
        'too_large',
        `_local documents hold replication checkpoints and are at most ${MAX_LOCAL_DOC_BYTES / 1024} KB; this one is ${bytes} bytes.`,
      );
    }
    const key = `${db}|${docId}`;
    const mine = await this.ownedBy(principal.id);
    if (mine.has(key)) return;
    if (mine.size >= MAX_LOCAL_DOCS_PER_DEVICE) {
      throw new ApiError(
        403,
        'forbidden',
        `This device already keeps ${MAX_LOCAL_DOCS_PER_DEVICE} _local documents; reuse a replication's checkpoint id, or ask the administrator to enrol the register again.`,
      );
    }
    mine.add(key);
    const row = await putAsServer(this.store, LOCAL_DOCS_DB, {
      _id: `${enc(principal.id)}|${enc(db)}|${enc(docId)}`,
      bytes,
      at: new Date().toISOString(),
    });
    if (!row.ok) {
      mine.delete(key);
      throw new ApiError(503, 'unavailable', 'Could not record the _local document; retry.');
    }
  }

  private ownedBy(deviceId: string): Promise<Set<string>> {
    let found = this.owned.get(deviceId);
    if (!found) {
      const prefix = `${enc(deviceId)}|`;
      found = this.store.allDocs(LOCAL_DOCS_DB, prefix).then(
        (docs) =>
          new Set(
            docs.map((doc) =>
              doc._id
                .slice(prefix.length)
                .split('|')
                .map((part) => decodeURIComponent(part))
                .join('|'),
            ),
          ),
      );
      this.owned.set(deviceId, found);
    }
    return found;
  }
}
