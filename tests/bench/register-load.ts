/**
 * Many registers pushing sales at once to one server, as HTTP `_bulk_docs` writes (how RxDB's
 * CouchDB push writes): each sale is its SaleDoc into `sales-<store>`, its stock moves into
 * `stock-<store>` and its loyalty entries into `loyalty`, sent together, the way a register's
 * per-collection replications push after a sale (the sale first: see below). Every register sends its next sale as soon as
 * the last one is acknowledged (a closed loop: the server's capacity, not a chosen rate), for a
 * fixed time and at most a fixed number of sales. The same load runs against the sync-server and
 * against bare express-pouchdb.
 */
import { SeededRandom } from '../../src/demo';
import type { StoreSettingsDoc } from '../../src/documents';
import { toCouchDoc } from '../../sync-server/storage/couch-doc';
import type { BenchData } from './bench-data';
import { rssMb } from './child-process';
import { benchSale } from './sale-factory';

export interface LoadRegister {
  storeId: string;
  registerId: string;
  deviceId: string;
  /** The Authorization header; absent for the bare baseline. */
  auth?: string;
}

export interface LoadOptions {
  /** The server's root; databases are under `${baseUrl}/db`. */
  baseUrl: string;
  registers: readonly LoadRegister[];
  seconds: number;
  maxSales: number;
  data: BenchData;
  seed: number;
  /** The server's own process, for its resident memory. */
  serverPid: number;
  /**
   * Paced instead of closed loop: each register starts a sale every this many ms (registers
   * staggered), and latency counts from when the sale was due, so a server that falls behind
   * shows it (no coordinated omission).
   */
  intervalMs?: number;
}

export interface LoadResult {
  sales: number;
  seconds: number;
  salesPerSecond: number;
  /** Per sale: from sending (or, paced, from when it was due) to the last acknowledgement. */
  latencyMs: number[];
  /** Documents a server refused (must be 0: bench sales are valid). */
  rejectedDocs: number;
  failedRequests: number;
  /** Distinct reasons of refused documents and failed requests (a few), for the report. */
  problems: string[];
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
}

interface BulkRow {
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** How many distinct refusal reasons a load keeps, to say why when it should have had none. */
const PROBLEM_SAMPLES = 8;

async function bulkDocs(
  url: string,
  body: string,
  auth: string | undefined,
): Promise<{ ok: boolean; rejected: number; problems: string[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body,
  });
  const reply = (await response.json()) as unknown;
  if (response.status !== 201 && response.status !== 200) {
    return { ok: false, rejected: 0, problems: [`${response.status} ${JSON.stringify(reply)}`] };
  }
  const rows = Array.isArray(reply) ? (reply as BulkRow[]) : [];
  const refused = rows.filter((row) => row.ok !== true || row.error);
  return {
    ok: true,
    rejected: refused.length,
    problems: refused.map((row) => `${row.error ?? 'refused'}: ${row.reason ?? ''}`),
  };
}

export async function runRegisterLoad(options: LoadOptions): Promise<LoadResult> {
  const settings = new Map<string, StoreSettingsDoc>(
    options.data.stores.map((store) => [store.storeId, store]),
  );
  const db = `${options.baseUrl}/db`;
  // Warm up: open each register's connection (and let the server check each device secret,
  // a one-off scrypt) before the clock starts.
  await Promise.all(
    options.registers.map(async (register) => {
      const response = await fetch(`${db}/sales-${register.storeId}`, {
        headers: register.auth ? { Authorization: register.auth } : {},
      });
      await response.arrayBuffer();
    }),
  );

  const rssSamples: number[] = [];
  const rssBeforeMb = rssMb(options.serverPid);
  const sampler = setInterval(() => rssSamples.push(rssMb(options.serverPid)), 250);
  const latencyMs: number[] = [];
  let started = 0;
  let rejectedDocs = 0;
  let failedRequests = 0;
  const problems: string[] = [];
  const start = performance.now();
  const deadline = start + options.seconds * 1000;

  async function register(index: number, who: LoadRegister): Promise<void> {
    const random = new SeededRandom(options.seed + index);
    const storeSettings = settings.get(who.storeId);
    if (!storeSettings) throw new Error(`No settings for store ${who.storeId}`);
    const interval = options.intervalMs;
    let due = start + (interval === undefined ? 0 : (interval * index) / options.registers.length);
    while (performance.now() < deadline && started < options.maxSales) {
      if (interval !== undefined) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (performance.now() >= deadline) break;
      }
      started++;
      const completed = benchSale({
        random,
        products: options.data.products,
        customers: options.data.customers,
        settings: storeSettings,
        parties: {
          storeId: who.storeId,
          registerId: who.registerId,
          deviceId: who.deviceId,
          staffId: 'staff_lan',
        },
        nowMs: Date.now(),
        lineCount: random.int(1, 12),
      });
      const writes: [string, string][] = [
        [`sales-${who.storeId}`, JSON.stringify({ docs: [toCouchDoc(completed.sale)] })],
        [`stock-${who.storeId}`, JSON.stringify({ docs: completed.stockMoves.map(toCouchDoc) })],
      ];
      if (completed.loyaltyEntries.length > 0) {
        writes.push([
          'loyalty',
          JSON.stringify({ docs: completed.loyaltyEntries.map(toCouchDoc) }),
        ]);
      }
      const sent = interval === undefined ? performance.now() : due;
      if (interval !== undefined) due += interval;
      // The sale first, then what follows from it: the server holds a stock move or ledger entry
      // whose sale it has not received as pending (a register's replication pushes it again).
      const [saleWrite, ...after] = writes;
      const replies = saleWrite
        ? [await bulkDocs(`${db}/${saleWrite[0]}/_bulk_docs`, saleWrite[1], who.auth)]
        : [];
      replies.push(
        ...(await Promise.all(
          after.map(([name, body]) => bulkDocs(`${db}/${name}/_bulk_docs`, body, who.auth)),
        )),
      );
      latencyMs.push(performance.now() - sent);
      for (const reply of replies) {
        if (!reply.ok) failedRequests++;
        rejectedDocs += reply.rejected;
        for (const problem of reply.problems) {
          const short = problem.slice(0, 300);
          if (problems.length < PROBLEM_SAMPLES && !problems.includes(short)) problems.push(short);
        }
      }
    }
  }

  try {
    await Promise.all(options.registers.map((who, index) => register(index, who)));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  const rssAfterMb = rssMb(options.serverPid);
  return {
    sales: latencyMs.length,
    seconds,
    salesPerSecond: latencyMs.length / seconds,
    latencyMs,
    rejectedDocs,
    failedRequests,
    problems,
    rssBeforeMb,
    rssPeakMb: Math.max(rssBeforeMb, rssAfterMb, ...rssSamples.filter(Number.isFinite)),
    rssAfterMb,
  };
}
