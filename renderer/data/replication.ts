/**
 * Live replication of every collection with the sync-server over the CouchDB protocol. Offline,
 * every request waits at the shared retry gate (platform/retry-backoff.ts); after a restart each collection resumes from its checkpoint.
 * The state the cashier sees is derived here: online or offline, documents waiting to push,
 * the last moment everything was in sync, and every document the server refused, with why.
 */
import { getAssumedMasterState, getLastCheckpointDoc, writeDocToDocState } from 'rxdb';
import type { RxCollection, RxDatabase, WithDeleted } from 'rxdb';
import {
  getFetchWithCouchDBAuthorization,
  replicateCouchDB,
} from 'rxdb/plugins/replication-couchdb';
import type { RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import type { AppConfig } from '../../src/ipc/contract';
import { changesSince } from './changes-since';
import type { ChangeCheckpoint } from './changes-since';
import { fetchThroughGate } from '../platform/retry-backoff';
import { createServerApi } from '../platform/server-api';
import { REPLICATIONS } from './collections';
import type { ReplicationSpec } from './collections';
import type { ReplicaDatabase } from './database';
import { FirstSyncImports, takesSnapshot } from './first-sync';
import type { FirstSyncProgress } from './first-sync';

export interface RejectedDocument {
  id: string;
  database: string;
  reason: string;
  at: string;
}

export interface SyncSnapshot {
  online: boolean;
  /** ISO time of the last moment every collection was in sync. */
  lastSyncAt: string | null;
  /** The last replication error, in words. */
  lastError: string | null;
  /** Collections whose first pull has finished (the catalog first). */
  readyCollections: string[];
  /** Documents written on this register that the server does not have yet. */
  pendingPush: number;
  /** Of those, the sales (the offline banner names them apart from other documents). */
  pendingSales: number;
  /** Documents this register pushed that the server refused, newest first. */
  rejected: RejectedDocument[];
  /** A fresh register filling its big collections from the server's snapshot; else null. */
  firstSync?: FirstSyncProgress | null;
}

export interface ReplicationHandle {
  states: RxCouchDBReplicationState<unknown>[];
  /** Resolves when the first pull of the named collections is done. */
  initialPull(names: string[]): Promise<void>;
  /** Re-reads the counters now (they are also refreshed every few seconds). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicationOptions {
  /** How often pending counts, sync time and rejections are refreshed. */
  refreshMs?: number;
  retryMs?: number;
  /** How long a collection waits between two asks for changes (default 2 s). */
  pollIntervalMs?: number;
}

/**
 * Documents the register has changed since the last one the push side has handed to the
 * server: RxDB's own upstream checkpoint, read through its exported protocol helpers. Documents
 * just pulled are past that checkpoint too until the push side has looked at them (it stores its
 * checkpoint without waiting, and on a slower server such as a CouchDB cluster the count is read
 * in between): like the push side, a document equal to what the register last knew of the
 * server's version is not counted.
 */
async function pendingPushCount(
  state: RxCouchDBReplicationState<unknown>,
  factKind: string | undefined,
): Promise<number> {
  const internal = state.internalReplicationState;
  if (!internal || state.isStopped()) return 0;
  // The push side reads the register's own storage: its checkpoint is the storage's (id, time).
  const checkpoint = await getLastCheckpointDoc<unknown, ChangeCheckpoint>(internal, 'up');
  // Read from the checkpoint itself (changes-since.ts): after a first sync thousands of
  // documents share the checkpoint's write time, and this runs every few seconds.
  const documents = await changesSince(internal.input.forkInstance, 10_000, checkpoint);
  if (documents.length === 0) return 0;
  const primary = internal.primaryPath;
  const ids = documents.map((doc) => String((doc as Record<string, unknown>)[primary]));
  const known = await getAssumedMasterState(internal, ids);
  let pending = 0;
  for (const [index, doc] of documents.entries()) {
    // In `facts`, every kind's replication sees every kind's changes: each counts its own.
    if (factKind !== undefined && (doc as { factKind?: unknown }).factKind !== factKind) continue;
    const master = known[ids[index] ?? ''];
    const mine = writeDocToDocState(doc, internal.hasAttachments, !!internal.input.keepMeta);
    const same =
      master !== undefined &&
      internal.input.conflictHandler.isEqual(master.docData, mine, 'pending-push-count');
    if (!same) pending += 1;
  }
  return pending;
}

async function fetchRejections(config: AppConfig): Promise<RejectedDocument[] | null> {
  const reply = await createServerApi(config).call('rejections/list', { mine: '1' });
  // Offline or refused: keep what we last knew.
  if (!reply.ok) return null;
  return reply.value.rejections.map((entry) => ({
    id: entry.docId,
    database: entry.db,
    reason: entry.reason,
    at: entry.at,
  }));
}

/**
 * RxDB's live pull loop reads `results` from whatever `_changes` answers and dies on an error
 * body (a revoked device, a server shutting down). Turning every non-2xx answer into a thrown
 * error puts it on RxDB's retry path instead, and the server's reason reaches the status bar.
 */
export function failOnErrorStatus(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok) return response;
    let reason = response.statusText;
    try {
      const body = (await response.clone().json()) as { reason?: unknown; error?: unknown };
      if (typeof body.reason === 'string') reason = body.reason;
      else if (typeof body.error === 'string') reason = body.error;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new Error(`The sync-server answered ${response.status}: ${reason}`);
  };
}

/**
 * How often a collection asks the server for changes. RxDB's live pull holds one long-poll
 * request open per collection, and a browser keeps at most six HTTP/1.1 connections to one host:
 * with a dozen collections the long polls took every connection and the first pull (the catalog)
 * never ran. Short polls (wait, then ask without holding a connection) keep connections free for
 * pulls, pushes and API calls, at the cost of up to this much delay for changes made elsewhere.
 */
const POLL_INTERVAL_MS = 2000;
/** How often a database the server does not have yet is asked for again. */
const MISSING_DB_RETRY_MS = 30_000;

function requestUrl(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export function shortPolling(inner: typeof fetch, intervalMs = POLL_INTERVAL_MS): typeof fetch {
  return async (input, init) => {
    const url = requestUrl(input);
    if (!url.includes('feed=longpoll')) return inner(input, init);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    return inner(url.replace('feed=longpoll', 'feed=normal'), init);
  };
}

/**
 * RxDB's live pull first catches up from its checkpoint, then follows the server's changes from
 * `since=now`. A document written between the two (after the catch-up read, before the server
 * answers the first `since=now`) was in neither, and stayed missing until the app restarted: on
 * a loaded register a web order posted in that window never reached the pickup queue. Once the
 * first `since=now` has answered, one more catch-up from the checkpoint closes the gap.
 */
export function catchUpOnceLive(inner: typeof fetch, catchUp: () => void): typeof fetch {
  let live = false;
  return async (input, init) => {
    const response = await inner(input, init);
    if (!live && /[?&]since=now(&|$)/.test(requestUrl(input))) {
      live = true;
      catchUp();
    }
    return response;
  };
}

/** The identifier a replication's checkpoint is kept under (shared with its first sync). */
export function replicationIdentifierOf(spec: ReplicationSpec, storeId: string): string {
  return spec.factKind
    ? `omnitill-facts-${spec.factKind}-${storeId}`
    : `omnitill-${spec.type}-${storeId}`;
}

export function startReplication(
  database: ReplicaDatabase,
  config: AppConfig,
  onChange: (update: Partial<SyncSnapshot>) => void,
  options: ReplicationOptions = {},
): ReplicationHandle {
  // The page's secret, not the device's: the host re-signs each request (docs/SECURITY.md).
  // Every request waits its turn at the shared retry gate: offline, the collections' pulls,
  // pushes and polls back off together (2 s doubling to 60 s) instead of each retrying.
  const fetchWithAuth = shortPolling(
    failOnErrorStatus(
      fetchThroughGate(getFetchWithCouchDBAuthorization(config.deviceId, config.deviceSecret)),
    ),
    options.pollIntervalMs,
  );
  const states = new Map<string, RxCouchDBReplicationState<unknown>>();
  const pushStates: {
    type: string;
    state: RxCouchDBReplicationState<unknown>;
    factKind?: string;
  }[] = [];
  let failing = false;
  let stopped = false;

  const start = (spec: ReplicationSpec): void => {
    const collection = database.collections[spec.collection] as RxCollection;
    const state: RxCouchDBReplicationState<unknown> = replicateCouchDB<unknown>({
      replicationIdentifier: replicationIdentifierOf(spec, config.storeId),
      collection,
      url: `${config.syncUrl}/${spec.serverDb(config.storeId)}/`,
      fetch: catchUpOnceLive(fetchWithAuth, () => state.reSync()),
      live: true,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: false,
      pull: { batchSize: spec.pullBatchSize, heartbeat: 30000, ...factPull(spec.factKind) },
      ...(spec.direction === 'both' ? { push: { batchSize: 50, ...factPush(spec.factKind) } } : {}),
    });
    if (spec.factKind !== undefined) conflictsWithKind(state, spec.factKind);
    state.error$.subscribe((error) => {
      failing = true;
      onChange({ online: false, lastError: describeError(error) });
    });
    states.set(spec.type, state);
    if (spec.direction === 'both') {
      pushStates.push(
        spec.factKind
          ? { type: spec.type, state, factKind: spec.factKind }
          : { type: spec.type, state },
      );
    }
  };

  // A database the server does not have yet (a newer register against an older server) answers
  // 404: keep those documents local and ask again later, rather than show the register offline.
  const startWhenServerHasIt = async (spec: ReplicationSpec): Promise<void> => {
    const url = `${config.syncUrl}/${spec.serverDb(config.storeId)}/`;
    while (!stopped) {
      try {
        await fetchWithAuth(url);
        start(spec);
        return;
      } catch {
        // 404 or offline: ask again later.
      }
      await new Promise((resolve) => setTimeout(resolve, MISSING_DB_RETRY_MS));
    }
  };

  // A fresh register fills its big shared collections from the server's snapshot first, then
  // replicates them live from where the snapshot ended (first-sync.ts).
  const snapshots = new FirstSyncImports(
    database as unknown as RxDatabase,
    config.apiUrl,
    failOnErrorStatus(
      fetchThroughGate(getFetchWithCouchDBAuthorization(config.deviceId, config.deviceSecret)),
    ),
    (firstSync) => onChange({ firstSync }),
  );

  for (const spec of REPLICATIONS) {
    if (spec.mayBeMissingOnServer) void startWhenServerHasIt(spec);
    else if (takesSnapshot(spec)) {
      const collection = database.collections[spec.collection] as RxCollection;
      const identifier = replicationIdentifierOf(spec, config.storeId);
      snapshots.run(spec.type, collection, identifier, () => start(spec));
    } else start(spec);
  }

  let refreshing: Promise<void> | null = null;
  async function refreshNow(): Promise<void> {
    const counts = await Promise.all(
      pushStates.map((push) => pendingPushCount(push.state, push.factKind)),
    );
    const pendingPush = counts.reduce((a, b) => a + b, 0);
    const pendingSales = pushStates.reduce(
      (sum, { type }, index) => (type === 'sales' ? sum + (counts[index] ?? 0) : sum),
      0,
    );
    const rejected = await fetchRejections(config);
    const reachable = rejected !== null;
    const update: Partial<SyncSnapshot> = { pendingPush, pendingSales };
    if (rejected) update.rejected = rejected;
    if (reachable) {
      // The server answered: replication errors from before are history once all is in sync.
      const inSync = pendingPush === 0 && [...states.values()].every((state) => !state.isStopped());
      if (inSync) {
        failing = false;
        update.lastSyncAt = new Date().toISOString();
      }
      update.online = !failing || inSync;
      if (update.online) update.lastError = null;
    } else {
      update.online = false;
    }
    onChange(update);
  }
  const refresh = (): Promise<void> => {
    refreshing ??= refreshNow().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), options.refreshMs ?? 3000);

  return {
    get states() {
      return [...states.values()];
    },
    async initialPull(names) {
      await Promise.all(
        names.map(async (name) => {
          await snapshots.whenIn(name);
          await states.get(name)?.awaitInitialReplication();
          onChange({ readyCollections: [name] });
        }),
      );
    },
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await snapshots.stop();
      await Promise.all([...states.values()].map((state) => state.cancel()));
    },
  };
}

type Fact = Record<string, unknown>;

/** A fact kind's pull: its server documents get their kind as they land in `facts`. */
function factPull(factKind: string | undefined) {
  if (factKind === undefined) return {};
  return { modifier: (doc: WithDeleted<Fact>): WithDeleted<Fact> => ({ ...doc, factKind }) };
}

/**
 * A fact kind's push: only documents of its kind, sent without the kind (the server stores each
 * kind in its own database with its own schema). `null` is RxDB's "not mine": skipped, and the
 * checkpoint moves on (tests/integration/replica/kind-filtered-replication.test.ts).
 */
function factPush(factKind: string | undefined) {
  if (factKind === undefined) return {};
  return {
    modifier: (doc: WithDeleted<Fact>): WithDeleted<Fact> | null => {
      if (doc.factKind !== factKind) return null;
      const { factKind: _kind, ...rest } = doc;
      return rest;
    },
  };
}

/**
 * A fact kind's push conflicts get their kind, as its pulls do. When the register offers a fact
 * the server already holds (a replica upgrade, a fresh replica given copies) and its pull has not
 * brought that fact in first, RxDB's CouchDB push answers with the server's copy as a conflict.
 * RxDB writes the conflict's resolution into `facts` and keeps the server's copy as what it last
 * knew of the server, but the pull modifier never sees a conflict (RxDB 17, `masterWrite` in
 * plugins/replication: the push handler's answer goes straight to the conflict handler), and the
 * conflict handler only sees documents after the push modifier has taken the kind off: the fact
 * came back without `factKind` and dropped out of every read of its kind
 * (tests/integration/replica/facts-reoffer.test.ts). With the kind on the server's copy, the
 * resolution is the fact as the register had it (facts are immutable: same content), RxDB offers
 * it once more, and the server answers that it holds it already (same revision, nothing refused).
 */
export function conflictsWithKind(
  state: RxCouchDBReplicationState<unknown>,
  factKind: string,
): void {
  const push = state.push;
  if (!push) return;
  const handler = push.handler;
  // RxDB reads the handler at each push, so replacing it before the first push covers them all.
  push.handler = async (rows) => (await handler(rows)).map((doc) => ({ ...doc, factKind }));
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
