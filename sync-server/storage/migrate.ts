/**
 * Moving a retailer's data between the embedded store (PouchDB on LevelDB in the data folder)
 * and an Apache CouchDB (a cluster), either way: `npm run admin -- migrate`. Every database is
 * copied with CouchDB's replication protocol (PouchDB's replicator), which carries each
 * document's revision history, conflicts and deletions as they are, and records checkpoints on
 * both sides: a copy that stops half way picks up where it stopped when run again. Afterwards
 * each database is verified: every document id with every leaf revision (deleted ones included)
 * is the same on both sides. Run it with the sync-server stopped (or read-only): writes made
 * during the copy are caught by a second run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import type { PouchDatabase } from 'pouchdb';
import { INTERNAL_DATABASES } from './database-layout';

export type MigrationEnd =
  { kind: 'embedded'; dataDir: string } | { kind: 'couchdb'; url: string; prefix: string };

export interface DatabaseReport {
  name: string;
  /** Documents written to the target by this run (0 on a run that found everything there). */
  written: number;
  /** Document ids (live and deleted) on both sides after the copy. */
  documents: number;
  /** Leaf revisions (conflicts and deletions included) on both sides after the copy. */
  revisions: number;
}

export class MigrationError extends Error {}

interface Opened {
  open(name: string): PouchDatabase;
  list(): Promise<string[]>;
  describe: string;
}

/**
 * Not copied: CouchDB's own databases, and the server index (`omnitill-index`), which holds
 * changes-feed checkpoints of the store it was built on; the sync-server rebuilds it from the
 * copied databases when it starts on the new store (docs/DATA.md).
 */
const isSystem = (name: string) =>
  name.startsWith('_') || name === 'pouch__all_dbs__' || name === INTERNAL_DATABASES.index;

async function openEmbedded(dataDir: string, create: boolean): Promise<Opened> {
  const folder = join(dataDir, 'db');
  if (!existsSync(folder)) {
    if (!create) {
      throw new MigrationError(
        `${dataDir} holds no databases: check the path (the sync-server's --data folder).`,
      );
    }
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  }
  const Embedded = PouchDB.defaults({ prefix: join(dataDir, 'db') + '/' });
  // The list of databases is kept by the plugin express-pouchdb installs (as the server does).
  expressPouchDB(Embedded, { mode: 'minimumForPouchDB' });
  for (let attempt = 0; !Embedded.allDbs && attempt < 200; attempt++) {
    await new Promise((done) => setTimeout(done, 10));
  }
  const allDbs = Embedded.allDbs?.bind(Embedded);
  if (!allDbs) throw new MigrationError('The embedded store did not list its databases.');
  return {
    open: (name) => new Embedded(name),
    list: async () => (await allDbs()).filter((name) => !isSystem(name)),
    describe: `the embedded store in ${dataDir}`,
  };
}

function openCouch(url: string, prefix: string): Opened {
  const base = url.replace(/\/+$/, '');
  const shown = base.replace(/\/\/[^@/]*@/, '//');
  return {
    open: (name) => new PouchDB(`${base}/${prefix}${name}`),
    list: async () => {
      let response: Response;
      try {
        response = await fetch(`${shown}/_all_dbs`, { headers: authOf(base) });
      } catch (error) {
        throw new MigrationError(
          `Cannot reach the CouchDB at ${shown} (${(error as Error).message}); check the URL and that it is running.`,
        );
      }
      if (!response.ok) {
        throw new MigrationError(
          `The CouchDB at ${shown} answered ${response.status} to _all_dbs; the URL must carry an admin's user and password.`,
        );
      }
      const names = (await response.json()) as string[];
      return names
        .filter((name) => name.startsWith(prefix) && !isSystem(name))
        .map((name) => name.slice(prefix.length));
    },
    describe: `the CouchDB at ${shown}${prefix ? ` (prefix ${prefix})` : ''}`,
  };
}

function authOf(url: string): Record<string, string> {
  const parsed = new URL(url);
  if (!parsed.username) return {};
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

function opened(end: MigrationEnd, create: boolean): Promise<Opened> {
  return end.kind === 'embedded'
    ? openEmbedded(end.dataDir, create)
    : Promise.resolve(openCouch(end.url, end.prefix));
}

/** Reads of the target before a difference is reported, and the pause between them. */
const VERIFY_READS = 10;
const VERIFY_PAUSE_MS = 1_000;

/** Every document id with its leaf revisions, sorted: what must match on both sides. */
async function leaves(db: PouchDatabase): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  let since: number | string = 0;
  for (;;) {
    const page = await db.changes({ since, limit: 1000, style: 'all_docs' });
    for (const row of page.results) {
      if (row.id.startsWith('_design/')) continue;
      const revs = (row.changes ?? []).map((change) => change.rev).sort();
      result.set(row.id, revs.join(','));
    }
    if (page.results.length < 1000) return result;
    since = page.last_seq;
  }
}

function difference(source: Map<string, string>, target: Map<string, string>): string | null {
  for (const [id, revs] of source) {
    const there = target.get(id);
    if (there !== revs) return `${id}: ${revs} here, ${there ?? 'nothing'} there`;
  }
  for (const id of target.keys()) if (!source.has(id)) return `${id}: only in the target`;
  return null;
}

/**
 * Copies every database of `from` to `to` and verifies it; answers one report per database.
 * `log` hears progress. Throws a MigrationError saying which database differs and how.
 */
export async function migrate(
  from: MigrationEnd,
  to: MigrationEnd,
  log: (line: string) => void = () => {},
): Promise<DatabaseReport[]> {
  const source = await opened(from, false);
  const target = await opened(to, true);
  const names = (await source.list()).sort();
  if (names.length === 0) {
    throw new MigrationError(`${source.describe} holds no databases: check the path or prefix.`);
  }
  log(`Copying ${names.length} databases from ${source.describe} to ${target.describe}.`);
  const reports: DatabaseReport[] = [];
  for (const name of names) {
    const here = source.open(name);
    const there = target.open(name);
    let written = 0;
    try {
      const result = await PouchDB.replicate(here, there, { batch_size: 500, batches_limit: 4 });
      written = result.docs_written;
    } catch (error) {
      throw new MigrationError(
        `Copying ${name} stopped: ${(error as Error).message}. Run the command again: it resumes where it stopped.`,
      );
    }
    const [mine, theirs] = await Promise.all([leaves(here), leaves(there)]);
    let problem = difference(mine, theirs);
    // A cluster's changes feed can lag a write it acknowledged (another copy of the shard
    // answers): a difference is read again a few times before it counts.
    for (let read = 1; problem && read < VERIFY_READS; read++) {
      await new Promise((resolve) => setTimeout(resolve, VERIFY_PAUSE_MS));
      problem = difference(mine, await leaves(there));
    }
    if (problem) {
      throw new MigrationError(
        `${name} differs after the copy (${problem}). Was the sync-server still writing? Stop it and run the command again.`,
      );
    }
    const revisions = [...mine.values()].reduce((sum, revs) => sum + revs.split(',').length, 0);
    reports.push({ name, written, documents: mine.size, revisions });
    log(`  ${name}: ${mine.size} documents, ${revisions} revisions (${written} written now)`);
    await Promise.all([here.close(), there.close()]);
  }
  return reports;
}
