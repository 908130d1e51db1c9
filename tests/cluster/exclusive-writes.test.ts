/**
 * "First writer wins" on a 3-node CouchDB cluster (issue #14): several server processes create
 * the same document, or update the same revision, at the same moment through different nodes.
 * CouchDB alone can tell two of them `ok` (apache/couchdb#2320); through the store exactly one is
 * told `ok`, the others `conflict`, and the document keeps no losing revision.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchDocumentStore } from '../../sync-server/storage/couchdb-document-store';
import { TEST_COUCHDB_URL, dropCouchDatabases } from '../helpers/sync-server-process';

const PORT_STEP = 10_000;
const DB = 'claims';
const prefix = `race_${randomBytes(4).toString('hex')}_`;
let stores: CouchDocumentStore[] = [];

/** The cluster's node `node` (1-based): the test script starts them PORT_STEP apart. */
function nodeUrl(node: number): string {
  const url = new URL(TEST_COUCHDB_URL ?? '');
  url.port = String(Number(url.port) + (node - 1) * PORT_STEP);
  return url.toString();
}

/** Live leaf revisions of a document on every copy. */
async function liveLeaves(id: string): Promise<string[]> {
  const url = new URL(TEST_COUCHDB_URL ?? '');
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  url.username = '';
  url.password = '';
  const response = await fetch(
    `${url.origin}/${prefix}${DB}/${encodeURIComponent(id)}?open_revs=all&r=3`,
    { headers: { Authorization: auth, Accept: 'application/json' } },
  );
  const leaves = (await response.json()) as { ok?: { _rev: string; _deleted?: boolean } }[];
  return leaves.flatMap((leaf) => (leaf.ok && !leaf.ok._deleted ? [leaf.ok._rev] : []));
}

beforeAll(async () => {
  if (!TEST_COUCHDB_URL) {
    throw new Error(
      'These tests need a CouchDB cluster: run them with `npm run test:couchdb` (it starts one from ../shared/couchdb), or set OMNITILL_TEST_COUCHDB_URL.',
    );
  }
  // Two writers per node, as two server instances behind each would be.
  stores = [1, 2, 3, 1, 2, 3].map((node) => new CouchDocumentStore(nodeUrl(node), { prefix }));
  await stores[0]?.ensureDatabase(DB);
});

afterAll(async () => {
  if (TEST_COUCHDB_URL) await dropCouchDatabases(TEST_COUCHDB_URL, prefix);
});

describe('first writer wins on a CouchDB cluster', () => {
  it('tells exactly one of six simultaneous creators of a document ok, 150 times', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 150; round += 1) {
      const id = `claim_${round}`;
      const rows = await Promise.all(
        stores.map(async (store, writer) => {
          const [row] = await store.bulkDocs(DB, [{ _id: id, writer }], true);
          return row;
        }),
      );
      const ok = rows.filter((row) => row?.ok);
      const refused = rows.filter((row) => row?.error === 'conflict');
      if (ok.length !== 1 || refused.length !== stores.length - 1)
        outcomes.push(`${id}: ${JSON.stringify(rows)}`);
      // The winner's revision is the document, with no losing branch left live.
      const leaves = await liveLeaves(id);
      if (leaves.length !== 1 || leaves[0] !== ok[0]?.rev)
        outcomes.push(`${id}: leaves ${leaves.join(', ')}, told ok ${ok[0]?.rev}`);
    }
    expect(outcomes).toEqual([]);
  }, 240_000);

  it('tells exactly one of six simultaneous updates of one revision ok, 60 times', async () => {
    const id = 'account';
    const [created] = await stores[0]!.bulkDocs(DB, [{ _id: id, balance: 0 }], true);
    let rev = created?.rev ?? '';
    const outcomes: string[] = [];
    for (let round = 1; round <= 60; round += 1) {
      const rows = await Promise.all(
        stores.map(async (store, writer) => {
          const [row] = await store.bulkDocs(
            DB,
            [{ _id: id, _rev: rev, balance: round, writer }],
            true,
          );
          return row;
        }),
      );
      const ok = rows.filter((row) => row?.ok);
      if (ok.length !== 1) outcomes.push(`round ${round}: ${ok.length} told ok`);
      rev = ok[0]?.rev ?? (await stores[0]!.getCurrent(DB, [id])).get(id)?._rev ?? rev;
    }
    expect(outcomes).toEqual([]);
    expect(await liveLeaves(id)).toEqual([rev]);
    expect((await stores[1]!.getCurrent(DB, [id])).get(id)).toMatchObject({ balance: 60 });
  }, 240_000);
});
