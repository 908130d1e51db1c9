/**
 * Live replication of every collection with the sync-server over the CouchDB protocol. Offline,
 * RxDB retries with a back-off; after a restart each collection resumes from its checkpoint.
 * The state the cashier sees (online, last sync, errors) is derived here.
 */
import type { RxCollection } from 'rxdb';
import {
  getFetchWithCouchDBAuthorization,
  replicateCouchDB,
} from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { AppConfig } from '../../src/ipc/contract';
import { COLLECTIONS } from './collections';
import type { ReplicaDatabase } from './database';

export interface SyncSnapshot {
  online: boolean;
  /** ISO time of the last moment every collection was in sync. */
  lastSyncAt: string | null;
  /** The last replication error, in words. */
  lastError: string | null;
  /** Collections whose first pull has finished (the catalog first). */
  readyCollections: string[];
}

export interface ReplicationHandle {
  states: RxCouchDBReplicationState<unknown>[];
  /** Resolves when the first pull of the named collections is done. */
  initialPull(names: string[]): Promise<void>;
  stop(): Promise<void>;
}

export function startReplication(
  database: ReplicaDatabase,
  config: AppConfig,
  onChange: (update: Partial<SyncSnapshot>) => void,
): ReplicationHandle {
  const fetchWithAuth = getFetchWithCouchDBAuthorization(config.deviceId, config.deviceSecret);
  const states = new Map<string, RxCouchDBReplicationState<unknown>>();
  const errored = new Set<string>();

  for (const spec of COLLECTIONS) {
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
    state.active$.subscribe((active) => {
      if (!active && errored.has(spec.name)) return;
    });
    state.received$.subscribe(() => {
      if (errored.delete(spec.name) && errored.size === 0)
        onChange({ online: true, lastError: null });
    });
    states.set(spec.name, state);
  }

  const markInSync = (): void => {
    void Promise.all([...states.values()].map((state) => state.awaitInSync())).then(() => {
      errored.clear();
      onChange({ online: true, lastError: null, lastSyncAt: new Date().toISOString() });
    });
  };
  markInSync();
  const timer = setInterval(markInSync, 10_000);

  return {
    states: [...states.values()],
    async initialPull(names) {
      await Promise.all(
        names.map(async (name) => {
          await states.get(name)?.awaitInitialReplication();
          onChange({ readyCollections: [name] });
        }),
      );
    },
    async stop() {
      clearInterval(timer);
      await Promise.all([...states.values()].map((state) => state.cancel()));
    },
  };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
