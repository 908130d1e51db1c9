/**
 * How big a bench run is. `full` is issue 9's retail scale (npm run bench); `smoke` runs the very
 * same code at a size that finishes in seconds, for tests/integration/bench-smoke.test.ts.
 */
export interface BenchScale {
  name: 'full' | 'smoke';
  products: number;
  customers: number;
  /** Concurrent registers pushing sales, spread over `stores` stores. */
  registers: number;
  stores: number;
  /** How long each of the two push loads (sync-server, bare express-pouchdb) runs. */
  loadSeconds: number;
  /** Upper bound on sales per load, so a very fast machine still stops. */
  maxSalesPerLoad: number;
  /** Wedge scans measured in the real app (after a few unmeasured warm-up scans). */
  scans: number;
  /** Search queries typed key by key; every prefix is one measured search. */
  searchQueries: number;
  saleCompletions: number;
  coldStarts: number;
  receiptIterations: number;
}

export const FULL_SCALE: BenchScale = {
  name: 'full',
  products: 100_000,
  customers: 50_000,
  registers: 50,
  stores: 5,
  loadSeconds: 30,
  maxSalesPerLoad: 50_000,
  scans: 200,
  searchQueries: 40,
  saleCompletions: 200,
  coldStarts: 5,
  receiptIterations: 1_000,
};

export const SMOKE_SCALE: BenchScale = {
  name: 'smoke',
  products: 2_000,
  customers: 500,
  registers: 3,
  stores: 2,
  loadSeconds: 2,
  maxSalesPerLoad: 2_000,
  scans: 6,
  searchQueries: 3,
  saleCompletions: 5,
  coldStarts: 2,
  receiptIterations: 20,
};
