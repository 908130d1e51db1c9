/**
 * Live replication of every collection with the sync-server over the CouchDB protocol. Offline,
 * RxDB retries with a back-off; after a restart each collection resumes from its checkpoint.
 * The state the cashier sees (online, last sync, errors, documents waiting to go) is derived here.
 */
import type { RxCollection } from 'rxdb';
import {
  getFetchWithCouchDBAuthorization,
  replicateCouchDB,
} from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { AppConfig } from '../../src/ipc/contract';
import { COLLECTIONS } from './collections';
import type { CollectionSpec } from './collections';
import type { ReplicaDatabase } from './database';

export interface SyncSnapshot {
  online: boolean;
  /** ISO time of the last moment every collection was in sync. */
  lastSyncAt: string | null;
  /** The last replication error, in words. */
  lastError: string | null;
  /** Collections whose first pull has finished (the catalog first). */
  readyCollections: string[];
  /** Documents written on this register that the server has not received yet. */
  pending: number;
}

export interface ReplicationHandle {
  states: RxCouchDBReplicationState<unknown>[];
  /** Resolves when the first pull of the named collections is done. */
  initialPull(names: string[]): Promise<void>;
  /** Call after writing documents the server should get: counted until they are pushed. */
  notePending(collection: string, ids: readonly string[]): void;
  stop(): Promise<void>;
}

/**
 * How often a collection asks the server for changes. RxDB's live pull holds one long-poll
 * request open per collection, and a browser keeps at most six connections to one host: with a
 * dozen collections the long polls took every connection and the first pull never ran. Short
 * polls (wait, then ask without holding the connection) keep connections free for pulls, pushes
 * and API calls, at the cost of up to this much delay for changes made elsewhere.
 */
const POLL_INTERVAL_MS = 2000;
/** How often a collection the server does not have yet is asked for again. */
const MISSING_DB_RETRY_MS = 30_000;

type Fetch = typeof fetch;

function requestUrl(input: Parameters<Fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function shortPolling(inner: Fetch): Fetch {
  return async (input, init) => {
    const url = requestUrl(input);
    if (!url.includes('feed=longpoll')) return inner(input, init);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    return inner(url.replace('feed=longpoll', 'feed=normal'), init);
  };
}

const PENDING_KEY = 'omnitill.pendingSync';

function loadPending(): Set<string> {
  try {
    const saved = localStorage.getItem(PENDING_KEY);
    return new Set(saved ? (JSON.parse(saved) as string[]) : []);
  } catch {
    return new Set();
  }
}

export function startReplication(
  database: ReplicaDatabase,
  config: AppConfig,
  onChange: (update: Partial<SyncSnapshot>) => void,
): ReplicationHandle {
  const fetchWithAuth = shortPolling(
    getFetchWithCouchDBAuthorization(config.deviceId, config.deviceSecret),
  );
  const states = new Map<string, RxCouchDBReplicationState<unknown>>();
  const errored = new Set<string>();
  const waiting = new Map<string, Promise<void>>();
  let stopped = false;
  // `collection/id` of documents written here and not yet pushed; kept across reloads.
  const pending = loadPending();
  const savePending = (): void => {
    localStorage.setItem(PENDING_KEY, JSON.stringify([...pending]));
    onChange({ pending: pending.size });
  };
  onChange({ pending: pending.size });

  const start = (spec: CollectionSpec): void => {
    const collection = database.collections[
      spec.name as keyof typeof database.collections
    ] as RxCollection;
    const state = replicateCouchDB<unknown>({
      replicationIdentifier: `omnitill-${spec.name}-${config.storeId}`,
      collection,
      url: `${config.syncUrl}/${spec.serverDb(config.storeId)}/`,
      fetch: fetchWithAuth,
      live: true,
      retryTime: 5000,
      waitForLeadership: false,
      pull: { batchSize: spec.pullBatchSize, heartbeat: 30000 },
      ...(spec.direction === 'both' ? { push: { batchSize: 50 } } : {}),
    });
    state.error$.subscribe((error) => {
      errored.add(spec.name);
      onChange({ online: false, lastError: describeError(error) });
    });
    state.received$.subscribe(() => {
      if (errored.delete(spec.name) && errored.size === 0)
        onChange({ online: true, lastError: null });
    });
    state.sent$.subscribe((doc) => {
      const id = (doc as { id?: string }).id;
      if (errored.delete(spec.name) && errored.size === 0)
        onChange({ online: true, lastError: null });
      if (id && pending.delete(`${spec.name}/${id}`)) savePending();
    });
    states.set(spec.name, state);
  };

  // A database the server does not have yet answers 404: keep those documents local and ask
  // again later, rather than count the register as offline.
  const startWhenServerHasIt = (spec: CollectionSpec): Promise<void> => {
    const url = `${config.syncUrl}/${spec.serverDb(config.storeId)}/`;
    return (async () => {
      while (!stopped) {
        try {
          const response = await fetchWithAuth(url);
          if (response.ok) {
            start(spec);
            return;
          }
        } catch {
          // Offline: ask again later.
        }
        await new Promise((resolve) => setTimeout(resolve, MISSING_DB_RETRY_MS));
      }
    })();
  };

  for (const spec of COLLECTIONS) {
    if (spec.mayBeMissingOnServer) waiting.set(spec.name, startWhenServerHasIt(spec));
    else start(spec);
  }

  const markInSync = (): void => {
    void Promise.all([...states.values()].map((state) => state.awaitInSync())).then(() => {
      errored.clear();
      // Everything written here has been pushed, whatever the pending list says.
      for (const key of [...pending]) {
        if (states.has(key.slice(0, key.indexOf('/')))) pending.delete(key);
      }
      savePending();
      onChange({ online: true, lastError: null, lastSyncAt: new Date().toISOString() });
    });
  };
  markInSync();
  const timer = setInterval(markInSync, 10_000);

  return {
    get states() {
      return [...states.values()];
    },
    async initialPull(names) {
      await Promise.all(
        names.map(async (name) => {
          await states.get(name)?.awaitInitialReplication();
          onChange({ readyCollections: [name] });
        }),
      );
    },
    notePending(collection, ids) {
      for (const id of ids) pending.add(`${collection}/${id}`);
      savePending();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...states.values()].map((state) => state.cancel()));
    },
  };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
