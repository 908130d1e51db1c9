/**
 * Product images (docs/DATA.md "Product images"): the rules the server checks on upload and the
 * register checks again on download, in one place. Images live beside the catalog, keyed by SKU
 * with a content hash; the products schema does not change.
 */

/** The largest image the server accepts (and a register keeps): 512 KiB. */
export const MAX_PRODUCT_IMAGE_BYTES = 512 * 1024;

/** The only types served: raster formats a browser decodes without running anything (no SVG). */
export const PRODUCT_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ProductImageType = (typeof PRODUCT_IMAGE_TYPES)[number];

/** One row of the manifest a register reads: which SKUs have an image, and which version. */
export interface ProductImageEntry {
  sku: string;
  /** SHA-256 of the bytes, lower-case hex. */
  hash: string;
  type: ProductImageType;
  bytes: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type its first bytes prove (PNG signature, JPEG SOI marker, RIFF....WEBP), or null.
 * A declared Content-Type or a file name is never trusted: only these bytes decide.
 */
export function imageTypeOf(bytes: Uint8Array): ProductImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

export function isProductImageType(value: unknown): value is ProductImageType {
  return (PRODUCT_IMAGE_TYPES as readonly unknown[]).includes(value);
}

/**
 * A SKU that may name an image: letters, digits, `-` and `_`, 1 to 64 characters. Dots, slashes,
 * backslashes, `%` and spaces are refused, so a SKU can never read as a path or a URL.
 */
export const IMAGE_SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isImageSku(sku: string): boolean {
  return IMAGE_SKU_PATTERN.test(sku);
}

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Checks one manifest row as it arrived from the network; anything else is skipped. */
export function isProductImageEntry(value: unknown): value is ProductImageEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.sku === 'string' &&
    isImageSku(entry.sku) &&
    typeof entry.hash === 'string' &&
    HASH_PATTERN.test(entry.hash) &&
    isProductImageType(entry.type) &&
    typeof entry.bytes === 'number' &&
    Number.isInteger(entry.bytes) &&
    entry.bytes > 0 &&
    entry.bytes <= MAX_PRODUCT_IMAGE_BYTES
  );
}

/** What a register holds of one image. */
export interface HeldImage {
  sku: string;
  hash: string;
}

export interface ImageManifestDiff {
  /** Entries to download: new SKUs, and SKUs whose hash changed (the new one replaces the old). */
  fetch: ProductImageEntry[];
  /** SKUs held that the manifest no longer lists: their image was removed. */
  drop: string[];
}

/** What a register must fetch and drop to hold exactly the manifest's images. */
export function diffImageManifest(
  manifest: readonly ProductImageEntry[],
  held: readonly HeldImage[],
): ImageManifestDiff {
  const heldHash = new Map(held.map((image) => [image.sku, image.hash]));
  const listed = new Set(manifest.map((entry) => entry.sku));
  return {
    fetch: manifest.filter((entry) => heldHash.get(entry.sku) !== entry.hash),
    drop: held.filter((image) => !listed.has(image.sku)).map((image) => image.sku),
  };
}

/**
 * The placeholder shown for a product without an image (or whose image failed): the first
 * letters of its first two words, upper case, e.g. "Cà phê sữa" → "CP".
 */
export function productInitials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  const letters = words
    .slice(0, 2)
    .map((word) => [...word].find((char) => /[\p{L}\p{N}]/u.test(char)) ?? '');
  return letters.join('').toLocaleUpperCase('vi-VN') || '?';
}
