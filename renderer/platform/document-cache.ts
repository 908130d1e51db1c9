/**
 * Documents of other stores (their sales, web orders collected elsewhere) fetched from the
 * server, kept on this register so a customer who comes back while the network is down can
 * still be served (ARCHITECTURE.md rule 5). They are not put in the replicated collections: a
 * register pushes its own store's documents only, and the server would refuse the others.
 */
import type { PickupDoc, ReturnDoc, SaleDoc, WebOrderDoc } from '../../src/documents';

export type CachedDocument =
  | { kind: 'order'; order: WebOrderDoc; pickups: PickupDoc[]; returns: ReturnDoc[]; at: string }
  | { kind: 'sale'; sale: SaleDoc; returns: ReturnDoc[]; at: string };

const PREFIX = 'omnitill.omnichannel.cache.';
/** Enough for a day's counter traffic; the oldest go first. */
const MAX_ENTRIES = 200;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

export function readCached(key: string, store: Storage | null = storage()): CachedDocument | null {
  const text = store?.getItem(PREFIX + key);
  if (!text) return null;
  try {
    return JSON.parse(text) as CachedDocument;
  } catch {
    return null;
  }
}

export function writeCached(document: CachedDocument, store: Storage | null = storage()): void {
  if (!store) return;
  const keys =
    document.kind === 'order'
      ? [document.order.id, document.order.orderNumber]
      : [document.sale.id];
  const text = JSON.stringify(document);
  try {
    for (const key of keys) store.setItem(PREFIX + key, text);
  } catch {
    // Storage full: drop the cache rather than the counter's work; it is only a convenience.
    prune(store, 0);
    return;
  }
  prune(store, MAX_ENTRIES);
}

function prune(store: Storage, keep: number): void {
  const entries: { key: string; at: string }[] = [];
  for (let index = 0; index < store.length; index++) {
    const key = store.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    const cached = readCached(key.slice(PREFIX.length), store);
    entries.push({ key, at: cached?.at ?? '' });
  }
  entries.sort((a, b) => b.at.localeCompare(a.at));
  for (const entry of entries.slice(keep)) store.removeItem(entry.key);
}
