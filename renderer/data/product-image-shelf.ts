/**
 * The product images a register shows (docs/CASHIER.md "Product pictures"): object URLs of the
 * images in its cache, by SKU, for the thumbnails to read. Filled from the cache at start (so a
 * register restarted offline shows every image it had), then kept in step with the server in the
 * background: never before the sell screen's first paint, never in a scan's way.
 */
import { useSyncExternalStore } from 'react';
import type { AppConfig } from '../../src/ipc/contract';
import { fetchThroughGate } from '../platform/retry-backoff';
import type { CachedImage, ProductImageCache } from './product-image-cache';
import { indexedDbImageCache } from './product-image-cache';
import { syncProductImages } from './product-image-sync';
import type { ImageSource } from './product-image-sync';

const urls = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const listener of listeners) listener();
}

function show(image: CachedImage): void {
  const old = urls.get(image.sku);
  urls.set(image.sku, URL.createObjectURL(new Blob([image.data], { type: image.type })));
  if (old) URL.revokeObjectURL(old);
}

function hide(sku: string): void {
  const old = urls.get(sku);
  urls.delete(sku);
  if (old) URL.revokeObjectURL(old);
}

/** The image URL of a SKU while the register holds one; re-renders when it comes or goes. */
export function useProductImage(sku: string): string | undefined {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return urls.get(sku);
}

/** How often a register asks whether images changed. */
export const IMAGE_SYNC_INTERVAL_MS = 5 * 60_000;
const IMAGE_TIMEOUT_MS = 10_000;

/** The server's manifest and images over HTTP, with the device's credentials. */
export function httpImageSource(
  config: Pick<AppConfig, 'apiUrl' | 'deviceId' | 'deviceSecret'>,
): ImageSource {
  const gated = fetchThroughGate((input, init) => fetch(input, init), undefined, 'now');
  const authorization = `Basic ${btoa(`${config.deviceId}:${config.deviceSecret}`)}`;
  const get = async (path: string, accept: string): Promise<Response | null> => {
    try {
      const response = await gated(`${config.apiUrl}${path}`, {
        headers: { Authorization: authorization, Accept: accept },
        signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS),
      });
      return response.ok ? response : null;
    } catch {
      return null;
    }
  };
  return {
    async manifest() {
      const response = await get('/product-images', 'application/json');
      try {
        const body = (await response?.json()) as { images?: unknown } | undefined;
        return Array.isArray(body?.images) ? (body.images as unknown[]) : null;
      } catch {
        return null;
      }
    },
    async image(sku) {
      const response = await get(`/product-images/${encodeURIComponent(sku)}`, 'image/*');
      try {
        return response ? await response.arrayBuffer() : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Shows the cached images, then syncs now and every IMAGE_SYNC_INTERVAL_MS. Failures are
 * logged and leave the register as it was: an image is a nicety, never a reason to stop a sale.
 */
export function startProductImages(
  cache: ProductImageCache | string,
  source: ImageSource,
  intervalMs = IMAGE_SYNC_INTERVAL_MS,
): () => void {
  const store = typeof cache === 'string' ? indexedDbImageCache(cache) : cache;
  let running = false;
  const sync = async () => {
    if (running) return;
    running = true;
    try {
      await syncProductImages(source, store, (update) => {
        if ('removed' in update) hide(update.sku);
        else show(update);
        changed();
      });
    } catch (error) {
      console.warn('Product images: could not bring them up to date:', error);
    } finally {
      running = false;
    }
  };
  const begin = async () => {
    try {
      for (const image of await store.all()) show(image);
      changed();
    } catch (error) {
      console.warn('Product images: the cache could not be read:', error);
    }
    await sync();
  };
  void begin();
  const timer = setInterval(() => void sync(), intervalMs);
  return () => clearInterval(timer);
}
