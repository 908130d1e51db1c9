/**
 * The words of docs/BENCHMARKS.md that do not come from the numbers: how each figure is taken,
 * and what limits it when it misses its target. Kept apart from the renderer so the method can
 * be read (and reviewed) in one place.
 */
import type { Metric, MetricId } from './bench-results';

export const METHOD: Record<MetricId, string> = {
  'scan-to-line':
    'The real app (npm start’s launcher in the browser shell, the renderer built for the run) on the replica the first sync filled. A supervisor opens the shift at the register gate and the cashier (PIN 1111) signs in (tests/e2e/helpers/till.ts). Each scan is a keyboard-wedge burst as the end-to-end tests send it (sellScreen.wedgeScan: the 13 digits and Enter dispatched as key events in the page in one go, as a USB scanner’s burst arrives); the app’s wedge listener takes it as a scan. In the page, a keydown listener installed before the app’s own (it stops a scan’s keys) notes the Enter key’s event time stamp, a MutationObserver sees the new cart line appear, and the next requestAnimationFrame marks the frame that shows it. The figure is Enter → that frame. Every scan is a different product, so every scan adds a line; carts are emptied every 25 lines; the first 3 scans are warm-up.',
  'search-as-you-type':
    'On the bench page in Chromium, CatalogIndex (src/search) built from the replica’s products, queried with the sell screen’s limit (24) for every prefix of each query as it would be typed: one to three words of a product name, 60 % typed without diacritics, 25 % with, 15 % in English. Each keystroke’s search is one sample (performance.now()).',
  'sale-completion':
    'On the bench page in Chromium: completeSale (src/sales, the pure assembly of the SaleDoc, its stock moves and its loyalty ledger entries) followed by the writes renderer/sell/finish-sale.ts makes, in its order: one bulkInsert each for the sale, the stock moves and the ledger entries, into the register’s RxDB replica (Dexie storage, IndexedDB, strict transaction durability), each awaited. Carts have 1 to 30 lines from the 100k catalog; 40 % of sales have a loyalty customer (so they also write an earn entry). Replication is stopped during this measurement: pushing follows the durable write and is not part of it.',
  'cold-start':
    'The real app, reloaded in the same tab (a new document each time) with the whole catalog in its replica: from navigation start to the moment the sign-in screen is in the DOM, which boot.ts shows only after opening the replica, loading the catalog and building the catalog index. Seen by a MutationObserver installed before the page’s scripts (playwright addInitScript). The catalog is loaded as the app loads it (renderer/data/catalog-snapshot.ts): the start-up snapshot (16 chunks of product JSON in an IndexedDB database beside the replica), then every replica change after the snapshot’s checkpoint; once the register is ready (not in the figure), a count of the replica’s products checks it. The bench page writes that snapshot right after the first sync, as the app does once its first sync is in. The bench page measures the same steps on their own (open, load, index) for the breakdown, and once without the snapshot (every product read from the replica, the fallback when the snapshot is missing or does not match).',
  'first-sync':
    'A fresh register in Chromium: an empty IndexedDB, the app’s own openReplica and startReplication (renderer/data: every collection, live), against the sync-server seeded with the whole catalog and all customers, with an enrolled device’s credentials. As the app does on a fresh replica, products and customers come first from the server’s first-sync snapshot (GET /api/v1/snapshot/:db, chunks of 2,000 documents of the changes feed, written by RxDB’s replication protocol in one bulk write per chunk: renderer/data/first-sync.ts), then replicate live from the snapshot’s last sequence; the other collections replicate from the start (batches of 500 or 200). From opening the replica to the end of the first pull of both products and customers. One run per bench (a second would need another 150,000-document pull).',
  'first-sync-pouchdb':
    'In the same run, against the same sync-server and with the same device’s credentials: PouchDB 9 in Node replicating products and customers side by side into fresh local LevelDB databases, batch size 500 (the register’s), otherwise PouchDB’s defaults.',
  'first-sync-ratio':
    'The register’s first sync divided by the PouchDB baseline: below 1 is faster.',
  'registers-sales-per-second':
    'Registers in Node, each an enrolled device of one of the stores, round robin. Each sale is built by src/sales (completeSale, 1 to 12 lines, cash or card, 40 % with a loyalty customer) and pushed as RxDB pushes: `_bulk_docs` (new_edits true) of the SaleDoc to sales-<store>, its stock moves to stock-<store> and its ledger entries to loyalty, the three sent together. Every register sends its next sale as soon as the last is acknowledged (a closed loop with no think time, so the figure is the server’s capacity on this machine), for a fixed time and at most a fixed number of sales. The load generator shares the machine’s two cores with the server.',
  'registers-push-p99':
    'Per sale, from sending its three writes to the last acknowledgement, over every sale of the saturating load above: latency when the server is always full.',
  'paced-push-p99':
    'Once the server has gone quiet after the saturating load: the closed loop’s registers and more, enrolled the same way (200 at full scale), each starting a sale every 10 s (staggered, so 20 sales/s in all, below capacity), for 40 s. Latency per sale from when it was due to the last acknowledgement, so a server falling behind shows it (no coordinated omission). Issue #19’s figure for a busy chain’s normal day.',
  'registers-server-rss':
    'VmRSS of the sync-server’s node process (/proc/<pid>/status), sampled every 250 ms during the load; the server holds the 100k products and 50k customers in its LevelDB.',
  'validation-overhead':
    'The same saturating load (same registers, same seeds, so the same sales) against bare express-pouchdb, in its own process: Express 4, express-pouchdb mounted as the sync-server mounts it, PouchDB on LevelDB, no authentication and no gate. It starts only once the sync-server has gone quiet (under 5 % of a core for a second), so the sync-server’s catch-up work does not slow the baseline. The ratio is the bare server’s sustained sales per second divided by the sync-server’s (how much more the gate costs per sale).',
  'receipt-escpos':
    'In Node: a 30-line Vietnamese sale receipt (src/receipt buildSaleReceipt from a sale completed by src/sales, with a loyalty customer) laid out on 48 columns (layoutReceipt, 80 mm paper) and encoded to one ESC/POS job by the printer driver’s job builder (main/devices/printer buildJobBytes: Epson, code page CP1258, barcode, QR code, cut): the bytes EscPosPrinter hands to its transport. 10 unmeasured rounds first.',
  'register-memory':
    'The real app after each cold start, once it has settled a few seconds: a full garbage collection (DevTools HeapProfiler.collectGarbage), then Performance.getMetrics’ JSHeapUsedSize through the DevTools protocol. This is the page’s JavaScript heap (documents, index, React); IndexedDB’s own caches live in Chromium’s other processes and are not in it.',
};

type Explain = (metric: Metric, all: readonly Metric[]) => string;

const detail = (metric: Metric | undefined, name: string): string => {
  const value = metric?.details[name];
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? 'n/a');
};
const byId = (all: readonly Metric[], id: MetricId) => all.find((metric) => metric.id === id);
const ms = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${(Math.round(value * 10) / 10).toLocaleString('en-US')} ms`;

/** What limits a figure, shown when it misses its target: the measured causes, in numbers. */
export const LIMITS: Partial<Record<MetricId, Explain>> = {
  'scan-to-line': (metric) =>
    `The app’s own work is small: Enter to the new line in the DOM is ${detail(metric, 'Enter to line in the DOM, median (ms)')} ms at the median and ${detail(metric, 'Enter to line in the DOM, p95 (ms)')} ms at p95. The rest is the wait for the next frame: Chromium paints at 60 Hz, so a line committed just after a frame waits up to 16.7 ms to be shown, and on this shared machine some frames come late (the slowest scan took ${ms(metric.summary?.max)}). The figure keeps that wait on purpose (the cashier sees the frame, not the DOM). A quiet machine, or committing the line earlier in the frame, decides whether p95 lands under 16 ms; the scan handling itself (classifyScan, the index lookup, pricing the cart, React’s render) is not the limit.`,
  'cold-start': (metric) =>
    `On the bench page opening the replica takes ${detail(metric, 'bench page: open replica, median (ms)')} ms, loading the catalog of ${detail(metric, 'products')} products ${detail(metric, 'bench page: read the catalog, median (ms)')} ms and building the CatalogIndex ${detail(metric, 'bench page: build the index, median (ms)')} ms (median); without the start-up snapshot, reading every product from the replica takes ${detail(metric, 'bench page, no start-up snapshot: read the catalog (ms)')} ms. The app also starts the replication of every collection and reads settings and staff while it loads. What is left to try: let the register scan as soon as the barcode map is built and fill the rest of the index afterwards, or parse the snapshot’s chunks in a worker.`,
  'first-sync': (metric, all) =>
    `Products finished after ${detail(metric, 'products done at (s)')} s and customers after ${detail(metric, 'customers done at (s)')} s, ${detail(metric, 'from the server’s first-sync snapshot')} documents of them from the server’s snapshot; the sync-server used ${detail(metric, 'sync-server CPU time meanwhile (s)')} s of CPU meanwhile, and plain PouchDB pulled the same documents from the same server in ${byId(all, 'first-sync-pouchdb')?.value ?? 'n/a'} s: the rest of the ${detail(metric, 'products done at (s)')} s is the register’s side, on the two cores it shares with the server. The snapshot saves round trips, but each chunk still goes through RxDB’s replication protocol in the page, and a CPU profile of the page during a first sync (\`OMNITILL_BENCH_PAGE_PROFILE=DIR npm run bench -- --smoke --products 30000\`, 2026-12-04) shows where: 35 % of the time the page waits on IndexedDB; of the rest, 25 % is Dexie’s getMany (RxDB reads, by id, the documents and the replication metadata it is about to write, which a fresh collection does not hold) and 20 % Dexie’s put (each document and its metadata cloned into IndexedDB, two writes per document), GC 6 %, RxDB’s and the app’s own JavaScript a few per cent. Not yet tried: writing the chunks straight into the storage with the replication’s metadata built in bulk, relaxed durability for pulled catalog chunks (they can always be pulled again), parsing and writing in a worker.`,
  'first-sync-ratio': () =>
    'See the first sync above: the same documents from the same server reach PouchDB on LevelDB in Node faster than the register’s snapshot import reaches RxDB on IndexedDB in Chromium.',
  'registers-push-p99': (_metric, all) => {
    const throughput = byId(all, 'registers-sales-per-second');
    return `This is latency at saturation: every register sends its next sale the moment the last is acknowledged, so the server is always full and a sale waits behind the others (${detail(throughput, 'push latency p50 (ms)')} ms at the median, ${detail(throughput, 'push latency p95 (ms)')} ms at p95, for ${throughput?.value ?? 'n/a'} sales/s). The sync-server handles every write on one Node event loop (authentication, ajv validation, reads of the stored copies, re-pricing each sale, then LevelDB), and the simulated registers share the same two cores; what each sale costs the server is in “Gate profile” below. The paced figure is latency below capacity.`;
  },
  'paced-push-p99': (metric) =>
    `At ${detail(metric, 'sales/s')} sales/s the median push took ${detail(metric, 'push latency p50 (ms)')} ms and p95 ${detail(metric, 'push latency p95 (ms)')} ms; what sets the tail has not been profiled on its own: candidates are the reconciliation runs a steady trickle of writes sets off (debounced 300 ms after writes pause), which share the event loop with the pushes, and the load generator’s own process on the same two cores.`,
  'validation-overhead': (metric) =>
    `The bare server took ${detail(metric, 'bare sales/s')} sales/s (push p50 ${detail(metric, 'bare push p50 (ms)')} ms, p99 ${detail(metric, 'bare push p99 (ms)')} ms) where the sync-server took ${detail(metric, 'sync-server sales/s')}. Per \`_bulk_docs\` the gate authenticates, reads and parses the body itself, validates every document against its schema (ajv), reads the stored copies (immutability, idempotent retries), re-prices every sale, checks ownership, receipt numbers, gift cards, returns and customers against what the server holds, then writes, and catches its index up and reconciles what arrived; bare express-pouchdb only writes. The CPU profiles in “Gate profile” below say where that time goes: mostly LevelDB point reads of what each check needs, not the checks’ own JavaScript.`,
  'sale-completion': (metric) =>
    `The assembly is not the cost (completeSale alone: ${detail(metric, 'completeSale alone, p95 (ms)')} ms at p95); the writes are: finish-sale.ts awaits one IndexedDB transaction after another (sale, stock moves, ledger entries), each with strict durability, so each waits for its own flush to disk, and on a shared machine some flushes are slow (max ${ms(metric.summary?.max)}). The app (renderer/sell/finish-sale.ts) now writes the three at once so the flushes overlap (independent documents with derived ids; a retry rewrites the same ones); this bench still writes them one after another, so its figure is an upper bound for the app.`,
  'search-as-you-type': (metric) =>
    `Most keystrokes are well under a millisecond (median ${ms(metric.summary?.median)}); the slow ones are short prefixes and words that match few products, for which CatalogIndex.search walks the whole catalog (a linear scan of every search text) before it has its 24 results.`,
  'receipt-escpos': (metric) =>
    `The typical receipt is fast (median ${ms(metric.summary?.median)}); the p95 is set by the slow tail (max ${ms(metric.summary?.max)}): garbage collection of the job builder’s many small buffers (node-thermal-printer appends each command to a Buffer) and, on this shared machine, time slices lost to other processes. Re-run on a quiet machine before reading it as a code problem; if it holds there, building the job into one preallocated buffer is the change to make in main/devices/printer.`,
  'register-memory': () =>
    'The JavaScript heap holds the RxDocuments of the start-up query (RxDB caches query results), the product JSON the index keeps, and the app.',
};

/** Found while measuring, worth knowing whatever the targets say. */
export function findings(all: readonly Metric[]): string[] {
  const rss = byId(all, 'registers-server-rss');
  return [
    `Reconciliation is debounced (300 ms after the last accepted batch) and runs at least once a minute under a steady stream of pushes. Each run catches the server index up from the databases’ changes feeds and checks only the keys the new documents touched (a SKU, an original sale, a credit note, a customer), so its cost follows what arrived, not the size of the databases. After the saturating load the server stayed busy for ${detail(rss, 'busy after the last acknowledgement, reconciling (s)')} s (measured in one-second windows), and ${detail(rss, 'busy after the paced load (s)')} s after the paced one. The catch-up after the load is the index and the checks for those sales. The bench waits for the server to go quiet before each next measurement, so one load does not slow the next.`,
    'Bench sales sell stock that was never received, so the reconciler raises negative-stock flags for the SKUs sold: that is the data, not a defect.',
  ];
}
