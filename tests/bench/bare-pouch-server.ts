/**
 * The baseline for the sync-server's overhead: express-pouchdb mounted in Express 4 on PouchDB
 * LevelDB exactly as the sync-server mounts it (same mode), with no gate in front (no auth, no
 * schema, ownership, immutability or totals checks, no reconciliation). Run as its own process,
 * like the sync-server, so both get a core of their own and their memory can be read apart:
 *
 *   tsx tests/bench/bare-pouch-server.ts --data DIR    (prints "bare-pouch ready on URL")
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import type { RequestHandler } from 'express';
import { loadPouchDB } from './pouchdb-module';
import type { PouchStatic } from './pouchdb-module';

type ExpressPouchDB = (
  PouchDB: PouchStatic,
  options: { mode: string; overrideMode: { include: string[] } },
) => RequestHandler;

const require = createRequire(import.meta.url);

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' } }, strict: true });
  if (!values.data) throw new Error('--data DIR is required');
  const dbDir = join(resolve(values.data), 'db');
  mkdirSync(dbDir, { recursive: true });
  const PouchDB = loadPouchDB().defaults({ prefix: `${dbDir}/` });
  const expressPouchDB = require('express-pouchdb') as ExpressPouchDB;
  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/db',
    expressPouchDB(PouchDB, {
      mode: 'minimumForPouchDB',
      overrideMode: { include: ['routes/find'] },
    }),
  );
  const sockets = new Set<Socket>();
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`bare-pouch ready on http://127.0.0.1:${port}`);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    for (const socket of sockets) socket.destroy();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  main();
} catch (error) {
  console.error('bare-pouch: failed to start:', error);
  process.exit(1);
}
