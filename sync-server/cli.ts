/**
 * `npm run sync-server -- [--port 7070] [--host 127.0.0.1] [--data DIR] [--couchdb URL]
 * [--seed-demo] [--tls-cert FILE --tls-key FILE]`: argument parsing only; the server itself is server.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COUCHDB_PREFIX } from './storage/couchdb-document-store';
import { startSyncServer } from './server';

const USAGE = `Usage: npm run sync-server -- [options]
  --port N        port to listen on (default 7070; 0 picks a free port)
  --host HOST     interface to listen on (default 127.0.0.1)
  --data DIR      data directory (default ./.omnitill-data/sync-server)
  --couchdb URL   use an external Apache CouchDB (http://user:pass@host:5984) instead of the
                  embedded PouchDB/LevelDB store
  --couchdb-prefix P  put P before every database name on that CouchDB (a-z, 0-9, _), so
                  several Omnitill deployments (or test runs) share one cluster
  --seed-demo     write the demo store on first start (when the products database is empty)
  --tls-cert FILE --tls-key FILE  serve HTTPS with this PEM certificate and key (give both);
                  without them the server speaks plain HTTP (fine on 127.0.0.1 or behind a
                  TLS-terminating reverse proxy; see docs/DEPLOYMENT.md)
Environment: OMNITILL_ADMIN_TOKEN, at least 24 characters (else generated on first start and
  kept in the data dir). The data dir is made readable by this account only (0700/0600).
  OMNITILL_ALL_CUSTOMERS: stores whose registers receive every customer (ids separated by
  commas, or *); default none, the demo stores with --seed-demo (docs/DATA.md).`;

function fail(message: string): never {
  console.error(`omnitill-sync-server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** The certificate and key files, read now so a wrong path fails before anything starts. */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
): { cert: Buffer; key: Buffer } | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    fail('--tls-cert and --tls-key go together: give the certificate and its private key.');
  }
  const read = (file: string, what: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      fail(`cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
    }
  };
  return { cert: read(certFile, 'certificate'), key: read(keyFile, 'key') };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        couchdb: { type: 'string' },
        'couchdb-prefix': { type: 'string' },
        'seed-demo': { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 7070 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0-65535, not "${values.port}".`);
  if (values.couchdb) {
    try {
      new URL(values.couchdb);
    } catch {
      fail(
        `--couchdb must be a URL like http://admin:secret@127.0.0.1:5984, not "${values.couchdb}".`,
      );
    }
  }
  const prefix = values['couchdb-prefix'];
  if (prefix !== undefined) {
    if (!values.couchdb) fail('--couchdb-prefix goes with --couchdb.');
    if (!COUCHDB_PREFIX.test(prefix))
      fail(
        `--couchdb-prefix must start with a lowercase letter and hold only a-z, 0-9 and _ (at most 32), not "${prefix}".`,
      );
  }
  const tls = readTls(values['tls-cert'], values['tls-key']);
  const host = values.host ?? '127.0.0.1';
  if (!tls && !isLoopback(host)) {
    console.warn(
      `omnitill-sync-server: warning: plain HTTP on ${host}: registers' credentials and sales cross the network in clear. Give --tls-cert and --tls-key, or put a TLS-terminating reverse proxy in front and listen on 127.0.0.1.`,
    );
  }
  const server = await startSyncServer({
    port,
    host,
    ...(tls ? { tls } : {}),
    dataDir: values.data ?? './.omnitill-data/sync-server',
    ...(values.couchdb ? { couchdbUrl: values.couchdb } : {}),
    ...(values['couchdb-prefix'] ? { couchdbPrefix: values['couchdb-prefix'] } : {}),
    seedDemo: values['seed-demo'] === true,
  });
  if (server.adminTokenSource === 'generated') {
    console.log(
      `omnitill-sync-server: generated admin token (kept in the data dir): ${server.adminToken}`,
    );
  }
  console.log(`omnitill-sync-server: replication at ${server.url}/db, API at ${server.url}/api/v1`);
  console.log(`omnitill-sync-server ready on ${server.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`omnitill-sync-server: ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('omnitill-sync-server: close failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    'omnitill-sync-server: failed to start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
