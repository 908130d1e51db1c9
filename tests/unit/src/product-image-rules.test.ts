import { describe, expect, it } from 'vitest';
import {
  diffImageManifest,
  imageTypeOf,
  isImageSku,
  isProductImageEntry,
  MAX_PRODUCT_IMAGE_BYTES,
  productInitials,
} from '../../../src/product-images';
import type { ProductImageEntry } from '../../../src/product-images';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)),
  );
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const entry = (sku: string, hash: string): ProductImageEntry => ({
  sku,
  hash,
  type: 'image/png',
  bytes: 100,
});

describe('image type by magic bytes', () => {
  it('knows PNG, JPEG and WebP by their first bytes', () => {
    expect(imageTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageTypeOf(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(imageTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses SVG, HTML, GIF, a RIFF that is not WebP and truncated signatures', () => {
    expect(imageTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageTypeOf(bytes('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(imageTypeOf(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(imageTypeOf(bytes('GIF89a'))).toBeNull();
    expect(imageTypeOf(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(imageTypeOf(bytes([0x89], 'PNG'))).toBeNull();
    expect(imageTypeOf(bytes('RIFF'))).toBeNull();
    expect(imageTypeOf(new Uint8Array(0))).toBeNull();
  });
});

describe('image SKUs', () => {
  it('takes catalog SKUs and refuses anything path-like', () => {
    expect(isImageSku('SKU000001')).toBe(true);
    expect(isImageSku('ca-phe_01')).toBe(true);
    for (const sku of [
      '',
      '..',
      '../x',
      'a/b',
      'a\\b',
      'a.png',
      '%2e',
      'a b',
      '-a',
      'x'.repeat(65),
    ]) {
      expect(isImageSku(sku)).toBe(false);
    }
  });
});

describe('manifest rows from the network', () => {
  it('keeps only well-formed rows within the size cap', () => {
    expect(isProductImageEntry(entry('SKU1', HASH_A))).toBe(true);
    expect(isProductImageEntry({ ...entry('SKU1', HASH_A), type: 'image/svg+xml' })).toBe(false);
    expect(isProductImageEntry({ ...entry('../x', HASH_A) })).toBe(false);
    expect(isProductImageEntry({ ...entry('SKU1', 'nothex') })).toBe(false);
    expect(
      isProductImageEntry({ ...entry('SKU1', HASH_A), bytes: MAX_PRODUCT_IMAGE_BYTES + 1 }),
    ).toBe(false);
    expect(isProductImageEntry(null)).toBe(false);
  });
});

describe('manifest diff', () => {
  it('fetches new and changed images and drops removed ones, leaving the rest', () => {
    const diff = diffImageManifest(
      [entry('NEW', HASH_A), entry('SAME', HASH_A), entry('CHANGED', HASH_B)],
      [
        { sku: 'SAME', hash: HASH_A },
        { sku: 'CHANGED', hash: HASH_A },
        { sku: 'GONE', hash: HASH_B },
      ],
    );
    expect(diff.fetch.map((row) => row.sku)).toEqual(['NEW', 'CHANGED']);
    expect(diff.drop).toEqual(['GONE']);
  });

  it('drops everything when the manifest is empty, and fetches nothing twice', () => {
    expect(diffImageManifest([], [{ sku: 'A', hash: HASH_A }])).toEqual({
      fetch: [],
      drop: ['A'],
    });
    expect(diffImageManifest([entry('A', HASH_A)], [{ sku: 'A', hash: HASH_A }])).toEqual({
      fetch: [],
      drop: [],
    });
  });
});

describe('placeholder initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(productInitials('Cà phê sữa đá')).toBe('CP');
    expect(productInitials('  bánh  mì ')).toBe('BM');
    expect(productInitials('Ổi')).toBe('Ổ');
    expect(productInitials('7Up 330ml')).toBe('73');
    expect(productInitials('- -')).toBe('?');
  });
});
