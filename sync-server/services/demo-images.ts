/**
 * The demo's product images, made in code at seed time (no image files in the repository): a
 * small PNG per product, a tile in a colour of its own with a lighter disc and a darker band,
 * so a register shows pictures on its quick keys and search results from the first start.
 */
import { deflateSync } from 'node:zlib';
import type { ProductDoc } from '../../src/documents';
import type { ProductImages } from '../storage/product-images';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export type Rgb = readonly [number, number, number];

/** Encodes an RGB image (8 bits a channel, no filter) as a PNG file. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter type: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[at++] = r;
      raw[at++] = g;
      raw[at++] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A colour of the wheel, from a hue in degrees (saturation and lightness fixed). */
function hueColour(hue: number, lightness: number): Rgb {
  const s = 0.55;
  const c = (1 - Math.abs(2 * lightness - 1)) * s;
  const h = (hue % 360) / 60;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1
      ? [c, x, 0]
      : h < 2
        ? [x, c, 0]
        : h < 3
          ? [0, c, x]
          : h < 4
            ? [0, x, c]
            : h < 5
              ? [x, 0, c]
              : [c, 0, x];
  const m = lightness - c / 2;
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as unknown as Rgb;
}

/** The demo tile of one SKU: its colour follows from the SKU, so a re-seed makes the same bytes. */
export function demoTilePng(sku: string, size = 96): Buffer {
  // FNV-1a: neighbouring SKUs (SKU000001, SKU000002) land far apart on the colour wheel.
  let hash = 0x811c9dc5;
  for (const char of sku) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hue = (hash >>> 16) % 360;
  const base = hueColour(hue, 0.5);
  const light = hueColour(hue, 0.8);
  const dark = hueColour(hue, 0.3);
  const centre = size / 2;
  const radius = size * 0.3;
  return encodePng(size, size, (x, y) => {
    if (y > size * 0.8) return dark;
    const dx = x + 0.5 - centre;
    const dy = y + 0.5 - centre * 0.85;
    return dx * dx + dy * dy <= radius * radius ? light : base;
  });
}

/**
 * Gives the quick-key products an image, all but every third (those keep the placeholder with
 * their initials, so the demo shows both).
 */
export async function seedDemoImages(
  images: ProductImages,
  products: readonly ProductDoc[],
): Promise<number> {
  const pictured = products
    .filter((product) => product.quickKey !== undefined)
    .filter((product) => (product.quickKey ?? 0) % 3 !== 0);
  for (const product of pictured) {
    await images.put(product.sku, 'image/png', demoTilePng(product.sku));
  }
  return pictured.length;
}
