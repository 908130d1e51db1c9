// npm run test:couchdb: the sync-server and register replica integration suites once more,
// against a real Apache CouchDB cluster instead of the embedded PouchDB, then the cluster suite
// (tests/cluster: two sync-server instances on one cluster). With OMNITILL_TEST_COUCHDB_URL set it
// uses that CouchDB; otherwise it starts a 3-node cluster on loopback from ../shared/couchdb
// (Apache CouchDB 3.5.0, see its README) and stops it afterwards. Every test server keeps its
// data in databases of its own prefix there (tests/helpers/sync-server-process.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const suites = process.argv.slice(2).some((arg) => arg.startsWith('tests/'))
  ? []
  : ['tests/integration/sync-server', 'tests/integration/replica', 'tests/cluster'];
const nodes = process.env.OMNITILL_TEST_COUCHDB_NODES ?? '3';
const firstPort = process.env.OMNITILL_TEST_COUCHDB_PORT ?? '25984';

let url = process.env.OMNITILL_TEST_COUCHDB_URL;
let base;
if (!url) {
  const script = resolve(root, '../shared/couchdb/start-couch-cluster.sh');
  if (!existsSync(script)) {
    console.error(
      `test:couchdb needs an Apache CouchDB: set OMNITILL_TEST_COUCHDB_URL=http://user:pass@host:port, or provide ${script} (the cluster script beside the project).`,
    );
    process.exit(1);
  }
  base = mkdtempSync(join(tmpdir(), 'omnitill-couch-'));
  const started = execFileSync(script, [base, nodes, firstPort], { encoding: 'utf8' });
  url = /COUCHDB_URL=(\S+)/.exec(started)?.[1];
  if (!url) {
    console.error(`The CouchDB cluster did not report its URL:\n${started}`);
    process.exit(1);
  }
  console.log(
    `Started a ${nodes}-node Apache CouchDB cluster at ${url.replace(/\/\/[^@]*@/, '//')}`,
  );
}

const run = spawnSync(
  join(root, 'node_modules/.bin/vitest'),
  ['run', '--project', 'unit', '--project', 'cluster', ...suites, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      OMNITILL_TEST_COUCHDB_URL: url,
      // The node-kill test stops and restarts nodes of a cluster this script started.
      ...(base ? { OMNITILL_TEST_COUCHDB_BASE: base } : {}),
    },
  },
);

if (base) {
  spawnSync(join(base, 'nodes/stop.sh'), { stdio: 'inherit' });
  rmSync(base, { recursive: true, force: true });
}
process.exit(run.status ?? 1);
