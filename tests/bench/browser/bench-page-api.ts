/**
 * What the bench page (built from this folder, opened in Chromium on the app's own origin)
 * offers the Node driver through `window.omnitillBench`. Types only: both sides import them.
 */
import type { CustomerDoc, StoreSettingsDoc } from '../../../src/documents';
import type { AppConfig } from '../../../src/ipc/contract';
import type { SaleParties } from '../sale-factory';

export interface FirstSyncRequest {
  /** The replica's name: the app's own (`omnitill-<store>-<register>`), so the app finds it. */
  replicaName: string;
  config: AppConfig;
  /** The first sync is done when these collections' first pull is. */
  collections: string[];
  /** Give up (with the counts so far) after this long, rather than hang the run. */
  timeoutMs: number;
}

export interface FirstSyncResult {
  ms: number;
  /** When each collection's first pull finished, from the start. */
  doneAtMs: Record<string, number>;
  counts: Record<string, number>;
  /** After the first sync: reading the catalog back and writing the start-up snapshot. */
  snapshotMs: number;
  /**
   * Documents the register counted in from the server's first-sync snapshot (`sync/snapshot`,
   * renderer/data/first-sync.ts); 0 when it replicated from the start instead.
   */
  fromServerSnapshot: number;
}

export interface ColdStartOptions {
  /** Read every product from the replica as if the start-up snapshot were missing. */
  ignoreSnapshot?: boolean;
}

export interface ColdStartResult {
  /** From navigation start (page load, bundle, open, query, index) to ready to scan. */
  sinceNavigationMs: number;
  openMs: number;
  queryMs: number;
  indexMs: number;
  products: number;
  /** Where the catalog came from: the start-up snapshot, or every product in the replica. */
  source: 'snapshot' | 'replica';
  /** Replica changes read on top of the snapshot (or every product). */
  changesRead: number;
  /** The catalog load's steps (renderer/data/catalog-snapshot.ts), in ms. */
  loadTimings: Partial<Record<string, number>>;
  /** After ready: counting the replica's products against the catalog (boot.ts does it then). */
  checkMs: number;
}

export interface SearchResult {
  /** One sample per keystroke: the search for the query typed so far. */
  samples: number[];
  /** Results of the last search of each query (a search that finds nothing proves nothing). */
  hits: number[];
}

export interface CompletionRequest {
  count: number;
  seed: number;
  settings: StoreSettingsDoc;
  parties: SaleParties;
  customers: CustomerDoc[];
  /** Products the carts are filled from, looked up in the replica's catalog index. */
  productIds: string[];
  lineCount: { min: number; max: number };
}

export interface CompletionResult {
  /** completeSale + the durable writes of the sale, its stock moves and its ledger entries. */
  samples: number[];
  /** The pure assembly (completeSale) alone. */
  assembleMs: number[];
  documents: number;
}

export interface BenchPageApi {
  firstSync(request: FirstSyncRequest): Promise<FirstSyncResult>;
  coldStart(replicaName: string, options?: ColdStartOptions): Promise<ColdStartResult>;
  search(queries: string[], limit: number): SearchResult;
  completeSales(request: CompletionRequest): Promise<CompletionResult>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    omnitillBench?: BenchPageApi;
  }
}
