/**
 * A fresh register's first sync from the server's snapshot (issue #19, docs/DATA.md "First sync
 * from a snapshot"). The big shared collections (products, customers) come in chunks of a few
 * thousand documents from `GET /api/v1/snapshot/:db` instead of replication's pages of 500 through
 * the CouchDB protocol, and then replicate live from where the snapshot ended.
 *
 * The chunks are written by RxDB's own replication protocol, run once under the very
 * replication identifier the live replication uses: each chunk lands in the collection's storage
 * in one bulk write together with what RxDB records of the server's version (its "assumed master
 * state") and the chunk's sequence as the pull checkpoint. Hence:
 * - live replication starts from the snapshot's last sequence by itself (the checkpoint is
 *   RxDB's, under the same key), and whatever changed on the server during or after the
 *   snapshot comes in the live pull;
 * - a later server change to an imported document is applied like any pulled change (RxDB only
 *   applies a pull over a document whose server version it knows), and for a collection that
 *   also pushes, the imported documents equal their known server version, so nothing is pushed
 *   back;
 * - after a crash, the next start resumes from the last chunk written; after a network error,
 *   live replication takes over from that same checkpoint: nothing lost, only slower.
 */
import { getLastCheckpointDoc } from 'rxdb';
import type { RxCollection, RxDatabase, WithDeleted } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { couchDBDocToRxDocData } from 'rxdb/plugins/replication-couchdb';
import { SNAPSHOT_DATABASES } from '../../src/api';
import type { ApiReply } from '../../src/api';
import type { ReplicationSpec } from './collections';

/** Documents per chunk the register asks for (the server allows 1 to 5,000). */
export const SNAPSHOT_CHUNK = 2000;

export interface FirstSyncProgress {
  /** Documents in the register's collections being filled from the snapshot. */
  done: number;
  /** What the server counts in those databases (an upper bound for customers). */
  total: number;
  /** The time left at the rate so far; null until a chunk is in. */
  secondsLeft: number | null;
}

export type SnapshotOutcome =
  /** Every chunk is in: replicate live from the snapshot's sequence. */
  | 'imported'
  /** Not a fresh collection (or done before): replicate as usual. */
  | 'skipped'
  /** The server has no snapshot or a chunk failed: replicate as usual from the last chunk. */
  | 'fell-back';

type Chunk = ApiReply<'sync/snapshot'>;
type Checkpoint = { sequence: number | string };

interface SnapshotMarker {
  /** `running` until the last chunk is in; `unsupported`: the server has no snapshot. */
  state: 'running' | 'done' | 'unsupported';
}

export interface SnapshotImport {
  database: RxDatabase;
  collection: RxCollection;
  /** The live replication's identifier: the checkpoint both share. */
  identifier: string;
  /** `${apiUrl}/snapshot/${db}`. */
  url: string;
  /** Authenticated; throws on a non-2xx answer (replication.ts failOnErrorStatus). */
  fetch: typeof fetch;
  chunkSize?: number;
  /** Documents in the collection, and what the server counts, after each chunk. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the import where it is (the replication is being stopped). */
  signal?: AbortSignal;
}

/**
 * RxDB asks for the next chunk while it writes the last one: before a failed or stopped import is
 * cancelled (which drops a write not yet begun), the chunks already fetched are let finish, so
 * the next run resumes after them rather than fetch them again. Bounded: a crash is no worse.
 */
async function chunksWritten(
  state: RxReplicationState<unknown, Checkpoint>,
  handed: number | string | undefined,
): Promise<void> {
  const internal = state.internalReplicationState;
  if (!internal || handed === undefined) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const written = await getLastCheckpointDoc<unknown, Checkpoint>(internal, 'down');
    if (written?.sequence === handed) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Only a plain (not fact) replication of a snapshot database is filled from a snapshot. */
export function takesSnapshot(spec: ReplicationSpec): boolean {
  return (
    spec.factKind === undefined &&
    spec.mayBeMissingOnServer !== true &&
    (SNAPSHOT_DATABASES as readonly string[]).includes(spec.type)
  );
}

const markerId = (identifier: string): string => `first-sync-snapshot-${identifier}`;

async function readMarker(database: RxDatabase, id: string): Promise<SnapshotMarker | null> {
  const doc = await database.getLocal<SnapshotMarker>(id);
  return doc ? doc.toJSON().data : null;
}

/** Time left at the rate of this run so far (documents per millisecond since it began). */
export function secondsLeft(
  doneThisRun: number,
  elapsedMs: number,
  remaining: number,
): number | null {
  if (doneThisRun <= 0 || elapsedMs <= 0) return null;
  return Math.ceil((Math.max(0, remaining) * (elapsedMs / doneThisRun)) / 1000);
}

/**
 * Fills a fresh collection from the snapshot, or resumes a fill a crash cut short. Resolves once
 * the collection may be replicated live; never rejects for a server or network problem.
 */
export async function importSnapshot(input: SnapshotImport): Promise<SnapshotOutcome> {
  const { database, collection } = input;
  const id = markerId(input.identifier);
  const marker = await readMarker(database, id);
  if (marker && marker.state !== 'running') return 'skipped';
  if (!marker) {
    // A register that replicated this collection before the snapshot existed keeps doing so.
    if ((await collection.count().exec()) > 0) {
      await database.upsertLocal<SnapshotMarker>(id, { state: 'done' });
      return 'skipped';
    }
    await database.upsertLocal<SnapshotMarker>(id, { state: 'running' });
  }

  const primaryPath = collection.schema.primaryPath;
  const size = input.chunkSize ?? SNAPSHOT_CHUNK;
  let done = await collection.count().exec();
  let total = done;
  let unsupported = false;
  /** The last chunk's sequence handed to RxDB to write. */
  let handed: number | string | undefined;

  const fetchChunk = async (since: number | string | undefined): Promise<Chunk> => {
    const query = new URLSearchParams({ limit: String(size) });
    if (since !== undefined) query.set('since', String(since));
    let response: Response;
    try {
      response = await input.fetch(`${input.url}?${query.toString()}`);
    } catch (error) {
      // An older server answers 404 for the route it does not have.
      if (error instanceof Error && / 404: /.test(error.message)) unsupported = true;
      throw error;
    }
    return (await response.json()) as Chunk;
  };

  const state = replicateRxCollection<unknown, Checkpoint>({
    replicationIdentifier: input.identifier,
    collection,
    // Live, without a stream of changes: it runs through the chunks once. (A run that is not
    // live cannot be cancelled before it is in sync: its start holds RxDB's queue that
    // `cancel()` waits on, so a failing chunk would hold the register forever.)
    live: true,
    waitForLeadership: false,
    retryTime: 1000,
    pull: {
      batchSize: size,
      async handler(checkpoint) {
        let since = checkpoint?.sequence;
        // A chunk whose documents are all outside the register's scope is empty but not last:
        // RxDB ends a run at an empty batch, so read on to the next documents or the end.
        for (;;) {
          const chunk = await fetchChunk(since);
          total = Math.max(chunk.total, done + chunk.docs.length);
          if (chunk.docs.length > 0 || !chunk.more) {
            const documents = chunk.docs.map((doc): WithDeleted<unknown> =>
              couchDBDocToRxDocData(primaryPath, doc),
            );
            handed = chunk.lastSeq;
            return { documents, checkpoint: { sequence: chunk.lastSeq } };
          }
          since = chunk.lastSeq;
        }
      },
    },
  });
  const counting = state.received$.subscribe(() => {
    done += 1;
  });
  const chunkTimer = setInterval(() => input.onProgress?.(done, total), 250);
  let failed: (() => void) | undefined;
  const failure = new Promise<'failed'>((resolve) => {
    failed = () => resolve('failed');
  });
  const errors = state.error$.subscribe((error) => {
    console.warn(
      `First sync of ${collection.name} from the snapshot: ${String(error.parameters.errors?.[0]?.message ?? error.message)}`,
    );
    failed?.();
  });
  const abort = (): void => failed?.();
  input.signal?.addEventListener('abort', abort);
  if (input.signal?.aborted) abort();
  try {
    const ended = await Promise.race([
      state.awaitInitialReplication().then(() => 'in' as const),
      failure,
    ]);
    if (ended === 'failed') {
      await chunksWritten(state, handed);
      if (unsupported) await database.upsertLocal<SnapshotMarker>(id, { state: 'unsupported' });
      return 'fell-back';
    }
    await database.upsertLocal<SnapshotMarker>(id, { state: 'done' });
    input.onProgress?.(done, Math.max(total, done));
    return 'imported';
  } finally {
    clearInterval(chunkTimer);
    input.signal?.removeEventListener('abort', abort);
    counting.unsubscribe();
    errors.unsubscribe();
    await state.cancel();
  }
}

/**
 * The first sync's progress over every collection filling from the snapshot at once, for the
 * start-up screen: documents done of the total, and the time left at the rate of this run.
 */
export class FirstSyncProgressTracker {
  private readonly collections = new Map<string, { first: number; done: number; total: number }>();
  private startedAt: number | null = null;

  constructor(
    private readonly report: (progress: FirstSyncProgress | null) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  update(name: string, done: number, total: number): void {
    this.startedAt ??= this.now();
    const known = this.collections.get(name);
    this.collections.set(name, { first: known?.first ?? done, done, total });
    this.emit();
  }

  finish(name: string): void {
    this.collections.delete(name);
    if (this.collections.size === 0) this.report(null);
    else this.emit();
  }

  private emit(): void {
    let done = 0;
    let total = 0;
    let doneThisRun = 0;
    for (const entry of this.collections.values()) {
      done += entry.done;
      total += Math.max(entry.total, entry.done);
      doneThisRun += entry.done - entry.first;
    }
    const elapsed = this.now() - (this.startedAt ?? this.now());
    this.report({ done, total, secondsLeft: secondsLeft(doneThisRun, elapsed, total - done) });
  }
}

/**
 * The imports of one replication run: each collection's import, then its live replication
 * (`then`), unless the run was stopped meanwhile; progress over all of them for the start-up
 * screen. An import that fails leaves live replication to start from its last chunk.
 */
export class FirstSyncImports {
  private readonly stopping = new AbortController();
  private readonly progress: FirstSyncProgressTracker;
  private readonly imports = new Map<string, Promise<void>>();

  constructor(
    private readonly database: RxDatabase,
    private readonly apiUrl: string,
    private readonly fetchImpl: typeof fetch,
    report: (progress: FirstSyncProgress | null) => void,
  ) {
    this.progress = new FirstSyncProgressTracker(report);
  }

  run(name: string, collection: RxCollection, identifier: string, then: () => void): void {
    const imported = importSnapshot({
      database: this.database,
      collection,
      identifier,
      url: `${this.apiUrl}/snapshot/${name}`,
      fetch: this.fetchImpl,
      signal: this.stopping.signal,
      onProgress: (done, total) => this.progress.update(name, done, total),
    }).catch((error: unknown) => {
      // The replica itself failed: live replication reports it as it would without a snapshot.
      console.error(`First sync of ${name} from the snapshot failed:`, error);
      return 'fell-back' as const;
    });
    this.imports.set(
      name,
      imported.then((outcome) => {
        this.progress.finish(name);
        if (this.stopping.signal.aborted) return;
        if (outcome === 'fell-back') {
          console.info(`First sync of ${name}: replicating from the last chunk instead.`);
        }
        then();
      }),
    );
  }

  /** Resolves once the named collection's import is over (at once when it has none). */
  whenIn(name: string): Promise<void> | undefined {
    return this.imports.get(name);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.imports.values());
  }
}
