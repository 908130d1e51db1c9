/**
 * Keeps a register's product images in step with the server's manifest (docs/DATA.md "Product
 * images"): fetch the images it lacks or holds in an older version, drop those the manifest no
 * longer lists. Every image is checked again here (hash, size, type by its bytes): one that
 * fails is skipped, and stays "no image". Nothing here ever throws at the sell screen: offline,
 * the manifest fails and the register keeps what it has.
 */
import {
  diffImageManifest,
  imageTypeOf,
  isProductImageEntry,
  MAX_PRODUCT_IMAGE_BYTES,
} from '../../src/product-images';
import type { ProductImageEntry } from '../../src/product-images';
import type { CachedImage, ProductImageCache } from './product-image-cache';

export interface ImageSource {
  /** The manifest's rows as they came, or null when the server cannot be read. */
  manifest(): Promise<unknown[] | null>;
  /** The image's bytes, or null when it cannot be read. */
  image(sku: string): Promise<ArrayBuffer | null>;
}

export interface ImageSyncResult {
  fetched: string[];
  dropped: string[];
  failed: string[];
  /** False when the manifest could not be read: nothing was changed. */
  reached: boolean;
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The bytes when they are the entry's image (size, hash, type proven by its bytes), else null. */
export async function verifiedImage(
  entry: ProductImageEntry,
  data: ArrayBuffer,
): Promise<CachedImage | null> {
  if (data.byteLength === 0 || data.byteLength > MAX_PRODUCT_IMAGE_BYTES) return null;
  if (imageTypeOf(new Uint8Array(data)) !== entry.type) return null;
  if ((await sha256Hex(data)) !== entry.hash) return null;
  return { sku: entry.sku, hash: entry.hash, type: entry.type, data };
}

export async function syncProductImages(
  source: ImageSource,
  cache: ProductImageCache,
  onChange: (image: CachedImage | { sku: string; removed: true }) => void,
): Promise<ImageSyncResult> {
  const result: ImageSyncResult = { fetched: [], dropped: [], failed: [], reached: false };
  const rows = await source.manifest();
  if (rows === null) return result;
  result.reached = true;
  const manifest = rows.filter(isProductImageEntry);
  const held = await cache.all();
  const diff = diffImageManifest(manifest, held);
  for (const sku of diff.drop) {
    await cache.remove(sku);
    onChange({ sku, removed: true });
    result.dropped.push(sku);
  }
  // One at a time: a register on a slow shop line never floods it, and a scan never waits.
  for (const entry of diff.fetch) {
    const data = await source.image(entry.sku);
    const image = data ? await verifiedImage(entry, data) : null;
    if (!image) {
      result.failed.push(entry.sku);
      continue;
    }
    await cache.put(image);
    onChange(image);
    result.fetched.push(entry.sku);
  }
  return result;
}
