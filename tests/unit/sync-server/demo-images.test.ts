import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from '../../../src/product-images';
import { crc32, demoTilePng } from '../../../sync-server/services/demo-images';

describe('demo product images', () => {
  it('computes the PNG CRC-32 (check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('makes a valid PNG: signature, IHDR of the size asked, chunk CRCs, inflatable pixels', () => {
    const png = demoTilePng('SKU000001', 32);
    expect(imageTypeOf(png)).toBe('image/png');
    let at = 8;
    const types: string[] = [];
    let pixels = Buffer.alloc(0);
    while (at < png.length) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      if (type === 'IHDR') expect([data.readUInt32BE(0), data.readUInt32BE(4)]).toEqual([32, 32]);
      if (type === 'IDAT') pixels = inflateSync(data);
      types.push(type);
      at += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(pixels.length).toBe((32 * 3 + 1) * 32);
  });

  it('gives each SKU its own colour, the same on every seed', () => {
    expect(demoTilePng('SKU000001').equals(demoTilePng('SKU000001'))).toBe(true);
    expect(demoTilePng('SKU000001').equals(demoTilePng('SKU000002'))).toBe(false);
  });
});
