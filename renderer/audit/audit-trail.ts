/**
 * The store's audit trail of approved till actions (src/documents/audit-entry.ts). Entries are
 * written first to an outbox in the replica's local documents, in the same IndexedDB as the
 * sales, so an entry made offline survives a restart; the outbox is then pushed to the store's
 * `audit-<storeId>` database with plain CouchDB PUTs. Each PUT carries the entry's own id, so a
 * retry after a lost answer is a conflict (already there), never a second entry.
 *
 * Why not a replicated collection: the free RxDB tier opens at most 13 collections and the
 * register already uses them all (docs/DATA.md); the trail is write-only from a register, so it
 * needs no pull.
 */
import type { AuditEntryDoc } from '../../src/documents';
import { timeOrderedId } from '../../src/ids';
import { services } from '../services';

const OUTBOX = 'audit-outbox';
const PUSH_RETRY_MS = 15_000;

interface Outbox {
  entries: AuditEntryDoc[];
}

export type NewAuditEntry = Omit<
  AuditEntryDoc,
  'id' | 'storeId' | 'registerId' | 'deviceId' | 'createdAt'
>;

let pushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** Entries this register made in this session, newest last: shown to the manager. */
const recent: AuditEntryDoc[] = [];

async function readOutbox(): Promise<AuditEntryDoc[]> {
  const doc = await services().db.getLocal<Outbox>(OUTBOX);
  return (doc?.get('entries') as AuditEntryDoc[] | undefined) ?? [];
}

export async function recordAudit(entry: NewAuditEntry): Promise<AuditEntryDoc> {
  const { db, config } = services();
  const now = Date.now();
  const full: AuditEntryDoc = {
    ...entry,
    id: timeOrderedId('audit', now, (length) => crypto.getRandomValues(new Uint8Array(length))),
    storeId: config.storeId,
    registerId: config.registerId,
    deviceId: config.deviceId,
    createdAt: new Date(now).toISOString(),
  };
  const entries = await readOutbox();
  await db.upsertLocal<Outbox>(OUTBOX, { entries: [...entries, full] });
  recent.push(full);
  void pushAuditOutbox();
  return full;
}

export function recentAuditEntries(): readonly AuditEntryDoc[] {
  return recent;
}

/** Entries not yet on the server. */
export async function pendingAuditEntries(): Promise<AuditEntryDoc[]> {
  return readOutbox();
}

export function pushAuditOutbox(): Promise<void> {
  pushing ??= pushOnce().finally(() => {
    pushing = null;
  });
  return pushing;
}

async function pushOnce(): Promise<void> {
  const { db, config } = services();
  const entries = await readOutbox();
  if (entries.length === 0) return;
  const auth = `Basic ${btoa(`${config.deviceId}:${config.deviceSecret}`)}`;
  const delivered = new Set<string>();
  for (const entry of entries) {
    // CouchDB keeps the primary key in _id, as RxDB's replication sends it.
    const { id, ...body } = entry;
    try {
      const response = await fetch(
        `${config.syncUrl}/audit-${config.storeId}/${encodeURIComponent(id)}`,
        {
          method: 'PUT',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ _id: id, ...body }),
        },
      );
      // 409: the entry is already there (an earlier push whose answer was lost).
      if (response.ok || response.status === 409) delivered.add(id);
      else break;
    } catch {
      break;
    }
  }
  if (delivered.size > 0) {
    const left = (await readOutbox()).filter((entry) => !delivered.has(entry.id));
    await db.upsertLocal<Outbox>(OUTBOX, { entries: left });
  }
  if (delivered.size < entries.length && retryTimer === null) {
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void pushAuditOutbox();
    }, PUSH_RETRY_MS);
  }
}
