/**
 * The cluster bench (`npm run bench -- --cluster`, tests/bench/cluster-bench.ts) at a tiny scale on
 * the cluster `npm run test:couchdb` starts: the code behind the figures in docs/BENCHMARKS.md keeps
 * working, both sides take every sale, and every sale acknowledged through the two instances is in
 * the cluster afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Cleanup } from '../bench/cleanup';
import { CLUSTER_SMOKE_SCALE, runClusterBench } from '../bench/cluster-bench';
import { TEST_COUCHDB_URL } from '../helpers/sync-server-process';

const PORT_STEP = 10_000;

function nodeUrls(): string[] {
  const first = new URL(TEST_COUCHDB_URL ?? '');
  // Without the cluster's folder the node layout is unknown: both instances use the one URL.
  if (!process.env.OMNITILL_TEST_COUCHDB_BASE) return [first.toString().replace(/\/+$/, '')];
  return [0, 1, 2].map((index) => {
    const node = new URL(first);
    node.port = String(Number(first.port) + index * PORT_STEP);
    return node.toString().replace(/\/+$/, '');
  });
}

describe('the cluster bench, at smoke scale', () => {
  const cleanup = new Cleanup();
  afterAll(async () => {
    expect(await cleanup.runAll()).toEqual([]);
  });

  it('measures both sides, and every sale acknowledged through two instances is stored', async () => {
    if (!TEST_COUCHDB_URL) {
      throw new Error('Run this through `npm run test:couchdb`, which starts the CouchDB cluster.');
    }
    const results = await runClusterBench(
      CLUSTER_SMOKE_SCALE,
      {
        nodeUrls: nodeUrls(),
        ...(process.env.OMNITILL_TEST_COUCHDB_BASE
          ? { base: process.env.OMNITILL_TEST_COUCHDB_BASE }
          : {}),
      },
      cleanup,
    );
    for (const side of [results.embedded, results.cluster]) {
      for (const load of [side.closed, side.paced]) {
        expect(load.sales).toBeGreaterThan(0);
        expect(load.rejectedDocs).toBe(0);
        expect(load.failedRequests).toBe(0);
        expect(load.pushP99Ms).toBeGreaterThanOrEqual(load.pushP50Ms);
      }
    }
    expect(results.cluster.closed.serverRssPeakMb).toHaveLength(2);
    expect(results.cluster.salesStored).toBe(results.cluster.salesAcknowledged);
    if (process.env.OMNITILL_TEST_COUCHDB_BASE) {
      expect(results.cluster.couchNodeRssMb).toHaveLength(3);
    }
  }, 300_000);
});
