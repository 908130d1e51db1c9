/**
 * How big a bench run is. `full` is issue 9's retail scale (npm run bench), at 100,000 products
 * by default and at 300,000 with `--products 300000` (issue #19; scaleFromArgs); `smoke` runs the
 * very same code at a size that finishes in seconds, for tests/integration/bench-smoke.test.ts.
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
  /**
   * The paced load (issue #19: 200 registers, a sale each every 10 s): how many registers (the
   * closed loop's and more), each starting a sale every `pacedIntervalMs`, for `pacedSeconds`.
   */
  pacedRegisters: number;
  pacedIntervalMs: number;
  pacedSeconds: number;
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
  pacedRegisters: 200,
  pacedIntervalMs: 10_000,
  pacedSeconds: 40,
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
  pacedRegisters: 4,
  pacedIntervalMs: 1_000,
  pacedSeconds: 2,
  scans: 6,
  searchQueries: 3,
  saleCompletions: 5,
  coldStarts: 2,
  receiptIterations: 20,
};

/** The catalog sizes the bench reports (docs/BENCHMARKS.md, "Figures at each scale"). */
export const REPORTED_PRODUCTS = [100_000, 300_000] as const;

/**
 * The scale a run asked for: `--products N` (or OMNITILL_BENCH_PRODUCTS=N) changes only the
 * catalog's size, at full or smoke scale; customers and everything else stay. A bad value is
 * refused with what to pass instead.
 */
export function scaleFromArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): BenchScale {
  const base = argv.includes('--smoke') ? SMOKE_SCALE : FULL_SCALE;
  const at = argv.indexOf('--products');
  const asked = at >= 0 ? (argv[at + 1] ?? '(nothing)') : env.OMNITILL_BENCH_PRODUCTS;
  if (asked === undefined || asked === '') return base;
  const products = Number(asked.replace(/[_,]/g, ''));
  if (!Number.isInteger(products) || products < 100 || products > 1_000_000) {
    throw new Error(
      `--products ${asked}: give a whole number of products from 100 to 1000000 (e.g. --products 300000).`,
    );
  }
  return { ...base, products };
}
