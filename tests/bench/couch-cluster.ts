/**
 * The CouchDB cluster the cluster bench runs on: the nodes named by `OMNITILL_BENCH_COUCHDB_URLS`
 * (comma-separated, one URL per node, credentials included), or else a 3-node cluster started on
 * loopback from ../shared/couchdb (see its README) in a temp folder, stopped and removed by the
 * cleanup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/sync-server-process';
import type { Cleanup } from './cleanup';
import type { ClusterTarget } from './cluster-bench';

const NODES = 3;
/** The cluster script puts node N on FIRST_PORT + (N - 1) × 10000. */
const PORT_STEP = 10_000;

export async function startBenchCluster(
  cleanup: Cleanup,
  log: (line: string) => void,
): Promise<ClusterTarget> {
  const given = process.env.OMNITILL_BENCH_COUCHDB_URLS;
  if (given) {
    return {
      nodeUrls: given
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    };
  }
  const script = resolve(REPO_ROOT, '../shared/couchdb/start-couch-cluster.sh');
  if (!existsSync(script)) {
    throw new Error(
      `The cluster bench needs Apache CouchDB: set OMNITILL_BENCH_COUCHDB_URLS=http://user:pass@host:port,… (one URL per node), or provide ${script}.`,
    );
  }
  const firstPort = Number(process.env.OMNITILL_BENCH_COUCHDB_PORT ?? '35984');
  const base = mkdtempSync(join(tmpdir(), 'omnitill-bench-couch-'));
  cleanup.add(`remove ${base}`, () => rmSync(base, { recursive: true, force: true }));
  cleanup.add('stop the CouchDB cluster', () => {
    execFileSync(join(base, 'nodes/stop.sh'), { stdio: 'ignore' });
  });
  log(`starting a ${NODES}-node CouchDB cluster on ports ${firstPort}, +${PORT_STEP}, …`);
  const started = execFileSync(script, [base, String(NODES), String(firstPort)], {
    encoding: 'utf8',
  });
  const url = /COUCHDB_URL=(\S+)/.exec(started)?.[1];
  if (!url) throw new Error(`The CouchDB cluster did not report its URL:\n${started}`);
  const nodeUrls = Array.from({ length: NODES }, (_, index) => {
    const node = new URL(url);
    node.port = String(firstPort + index * PORT_STEP);
    return node.toString().replace(/\/+$/, '');
  });
  return Promise.resolve({ nodeUrls, base });
}
