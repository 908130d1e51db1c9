/**
 * The words of docs/BENCHMARKS.md that do not come from the numbers: how each figure is taken,
 * and what limits it when it misses its target. Kept apart from the renderer so the method can
 * be read (and reviewed) in one place.
 */
import type { MetricId } from './bench-results';

export const METHOD: Record<MetricId, string> = {
  'scan-to-line':
    'The real app (npm start’s launcher in the browser shell, the renderer built for the run) on the replica the first sync filled. A cashier signs in with a demo PIN; each scan is a keyboard-wedge burst typed by playwright into the focused scan field (13 digits, 4 ms apart, then Enter, as tests/e2e/helpers/sell-screen.ts does). In the page, a capture-phase keydown listener notes the Enter key’s event time stamp, a MutationObserver sees the new cart line appear, and the next requestAnimationFrame marks the frame that shows it. The figure is Enter → that frame. Every scan is a different product, so every scan adds a line; carts are emptied every 25 lines; the first 3 scans are warm-up.',
  'search-as-you-type':
    'On the bench page in Chromium, CatalogIndex (src/search) built from the replica’s products, queried with the sell screen’s limit (24) for every prefix of each query as it would be typed: one to three words of a product name, 60 % typed without diacritics, 25 % with, 15 % in English. Each keystroke’s search is one sample (performance.now()).',
  'sale-completion':
    'On the bench page in Chromium: completeSale (src/sales, the pure assembly of the SaleDoc, its stock moves and its loyalty ledger entries) followed by the writes renderer/sell/finish-sale.ts makes, in its order: one bulkInsert each for the sale, the stock moves and the ledger entries, into the register’s RxDB replica (Dexie storage, IndexedDB, strict transaction durability), each awaited. Carts have 1 to 30 lines from the 100k catalog; 40 % of sales have a loyalty customer (so they also write an earn entry). Replication is stopped during this measurement: pushing follows the durable write and is not part of it.',
  'cold-start':
    'The real app, reloaded in the same tab (a new document each time) with the whole catalog in its replica: from navigation start to the moment the sign-in screen is in the DOM, which boot.ts shows only after opening the replica, reading every product and building the catalog index. Seen by a MutationObserver installed before the page’s scripts (playwright addInitScript). The bench page measures the same steps on their own (open, read, index) for the breakdown.',
  'first-sync':
    'A fresh register in Chromium: an empty IndexedDB, the app’s own openReplica and startReplication (renderer/data: every collection, live, the app’s batch sizes: 500 for products and customers), against the sync-server seeded with the whole catalog and all customers, with an enrolled device’s credentials. From opening the replica to the end of the first pull of both products and customers. One run per bench (a second would need another 150,000-document pull).',
  'first-sync-pouchdb':
    'In the same run, against the same sync-server and with the same device’s credentials: PouchDB 9 in Node replicating products and customers side by side into fresh local LevelDB databases, batch size 500 (the register’s), otherwise PouchDB’s defaults.',
  'first-sync-ratio':
    'The register’s first sync divided by the PouchDB baseline: below 1 is faster.',
  'registers-sales-per-second':
    'Registers in Node, each an enrolled device of one of the stores, round robin. Each sale is built by src/sales (completeSale, 1 to 12 lines, cash or card, 40 % with a loyalty customer) and pushed as RxDB pushes: `_bulk_docs` (new_edits true) of the SaleDoc to sales-<store>, its stock moves to stock-<store> and its ledger entries to loyalty, the three sent together. Every register sends its next sale as soon as the last is acknowledged (a closed loop with no think time, so the figure is the server’s capacity on this machine), for a fixed time and at most a fixed number of sales. The load generator shares the machine’s two cores with the server.',
  'registers-push-p99':
    'Per sale, from sending its three writes to the last acknowledgement, over every sale of the sync-server load.',
  'registers-server-rss':
    'VmRSS of the sync-server’s node process (/proc/<pid>/status), sampled every 250 ms during the load; the server holds the 100k products and 50k customers in its LevelDB.',
  'validation-overhead':
    'The same load (same registers, same seeds, so the same sales) against bare express-pouchdb: Express 4, express-pouchdb mounted as the sync-server mounts it, PouchDB on LevelDB, no authentication and no gate. The ratio is the bare server’s sustained sales per second divided by the sync-server’s (how much more the gate costs per sale).',
  'receipt-escpos':
    'In Node: a 30-line Vietnamese sale receipt (src/receipt buildSaleReceipt from a sale completed by src/sales, with a loyalty customer) laid out on 48 columns (layoutReceipt, 80 mm paper) and encoded to one ESC/POS job by the printer driver’s job builder (main/devices/printer buildJobBytes: Epson, code page CP1258, barcode, QR code, cut): the bytes EscPosPrinter hands to its transport. 10 unmeasured rounds first.',
  'register-memory':
    'The real app after each cold start, once it has settled a few seconds: a full garbage collection (DevTools HeapProfiler.collectGarbage), then Performance.getMetrics’ JSHeapUsedSize through the DevTools protocol. This is the page’s JavaScript heap (documents, index, React); IndexedDB’s own caches live in Chromium’s other processes and are not in it.',
};

/** Why a figure can miss its target, shown next to a missed figure. */
export const LIMITS: Partial<Record<MetricId, string>> = {};
