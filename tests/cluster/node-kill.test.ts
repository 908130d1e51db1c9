/**
 * A CouchDB node killed (SIGKILL) during a stream of pushes through two sync-server instances,
 * each talking to its own node: every sale an instance acknowledged is there afterwards, once;
 * the registers go on through the other instance (as a load balancer would send them) while the
 * node is down; the node comes back and catches up. Needs the cluster `npm run test:couchdb`
 * starts (it says where, in OMNITILL_TEST_COUCHDB_BASE).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_COUCHDB_URL,
  couchdbPrefixOf,
  startSyncServerProcess,
} from '../helpers/sync-server-process';
import type { EnrolledDevice, SyncServerProcess } from '../helpers/sync-server-process';
import { coffeeSale, putDoc } from '../integration/sync-server/sale-fixtures';

const BASE = process.env.OMNITILL_TEST_COUCHDB_BASE;
const SCRIPT = join(import.meta.dirname, '../../../shared/couchdb/start-couch-cluster.sh');
const PORT_STEP = 10_000;
const SALES = 60;
const KILL_AT = 20;

let a: SyncServerProcess;
let b: SyncServerProcess;
let q1: EnrolledDevice;

function nodeUrl(node: number): string {
  const url = new URL(TEST_COUCHDB_URL ?? '');
  url.port = String(Number(url.port) + (node - 1) * PORT_STEP);
  return url.toString().replace(/\/$/, '');
}

function killNode(node: number): void {
  const pid = Number(readFileSync(join(BASE ?? '', `nodes/node${node}/couchdb.pid`), 'utf8'));
  process.kill(pid, 'SIGKILL');
}

const saleId = (index: number) => `sale_01KAQ7NK00000000000000${String(index).padStart(4, '0')}`;

beforeAll(async () => {
  if (!TEST_COUCHDB_URL || !BASE) {
    throw new Error(
      'This test kills a node of the cluster `npm run test:couchdb` starts itself (it sets OMNITILL_TEST_COUCHDB_BASE); run it that way.',
    );
  }
  a = await startSyncServerProcess({ seedDemo: true, couchdbUrl: nodeUrl(1) });
  q1 = await a.enrollDevice('hcm-q1', 'reg-01');
  b = await startSyncServerProcess({
    couchdbUrl: nodeUrl(2),
    couchdbPrefix: couchdbPrefixOf(a.dataDir),
  });
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('a CouchDB node killed during a stream of pushes', () => {
  it('loses no acknowledged sale, and the registers go on through the other instance', async () => {
    const acknowledged = new Set<string>();
    const throughA: string[] = [];
    let failedOnB = 0;
    for (let index = 0; index < SALES; index++) {
      if (index === KILL_AT) killNode(2);
      const sale = coffeeSale(saleId(index), q1, 25_000);
      // Alternate instances; when one cannot take it, the load balancer sends it to the other.
      const first = index % 2 ? b : a;
      let pushed = await putDoc(first, q1.auth, 'sales-hcm-q1', sale).catch(() => null);
      if (!pushed || pushed.status >= 300) {
        if (first === b) failedOnB += 1;
        pushed = await putDoc(a, q1.auth, 'sales-hcm-q1', sale);
        throughA.push(sale.id);
      }
      expect([201, 202], JSON.stringify(pushed.body)).toContain(pushed.status);
      acknowledged.add(sale.id);
    }
    expect(acknowledged.size).toBe(SALES);
    // The node was really gone: the instance on it could not take what was sent to it.
    expect(failedOnB).toBeGreaterThan(0);

    // Bring the node back (the script starts the nodes that are not running) and read every
    // sale through each instance.
    execFileSync(SCRIPT, [BASE ?? '', '3', new URL(TEST_COUCHDB_URL ?? '').port], {
      stdio: 'ignore',
    });
    for (const server of [a, b]) {
      let ids: string[] = [];
      for (let attempt = 0; attempt < 60; attempt++) {
        const response = await fetch(`${server.url}/db/sales-hcm-q1/_all_docs`, {
          headers: { Authorization: q1.auth },
        }).catch(() => null);
        if (response?.ok) {
          const body = (await response.json()) as { rows: { id: string }[] };
          ids = body.rows.map((row) => row.id).filter((id) => id.startsWith('sale_01KAQ7NK'));
          if (ids.length >= SALES) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(new Set(ids)).toEqual(acknowledged);
      expect(ids).toHaveLength(SALES);
    }
  }, 300_000);
});
