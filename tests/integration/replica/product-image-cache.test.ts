/**
 * A register's product images (docs/DATA.md "Product images") against IndexedDB
 * (fake-indexeddb): it fetches what the manifest lists and it lacks, replaces a changed one,
 * drops a removed one, refuses bytes that are not what the manifest says, and keeps everything
 * when the server cannot be reached; a new cache over the same database (a restart) holds them.
 */
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ProductImageEntry } from '../../../src/product-images';
import { indexedDbImageCache } from '../../../renderer/data/product-image-cache';
import { syncProductImages } from '../../../renderer/data/product-image-sync';
import type { ImageSource } from '../../../renderer/data/product-image-sync';
import { demoTilePng } from '../../../sync-server/services/demo-images';

const bufferOf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A server with these images; `served` overrides the bytes it answers for a SKU. */
function server(images: Record<string, Uint8Array>, served: Record<string, Uint8Array> = {}) {
  const manifest: ProductImageEntry[] = Object.entries(images).map(([sku, bytes]) => ({
    sku,
    hash: createHash('sha256').update(bytes).digest('hex'),
    type: 'image/png',
    bytes: bytes.length,
  }));
  const source: ImageSource & { asked: string[] } = {
    asked: [],
    manifest: () => Promise.resolve(manifest),
    image(sku) {
      source.asked.push(sku);
      const bytes = served[sku] ?? images[sku];
      return Promise.resolve(bytes ? bufferOf(bytes) : null);
    },
  };
  return source;
}

const offline: ImageSource = {
  manifest: () => Promise.resolve(null),
  image: () => Promise.reject(new Error('not asked offline')),
};

const held = async (factory: IDBFactory) =>
  (await indexedDbImageCache('reg', factory).all()).map((image) => [image.sku, image.hash]);

describe("a register's product images", () => {
  it('fetches, replaces, drops, and keeps them across a restart and offline', async () => {
    const factory = new IDBFactory();
    const cache = indexedDbImageCache('reg', factory);
    const a = demoTilePng('A');
    const b = demoTilePng('B');
    const shown: string[] = [];
    const onChange = (update: { sku: string }) => shown.push(update.sku);

    const first = await syncProductImages(server({ A: a, B: b }), cache, onChange);
    expect(first.fetched).toEqual(['A', 'B']);
    expect(shown).toEqual(['A', 'B']);

    const unchanged = server({ A: a, B: b });
    expect((await syncProductImages(unchanged, cache, onChange)).fetched).toEqual([]);
    expect(unchanged.asked).toEqual([]);

    const newA = demoTilePng('A2');
    const second = await syncProductImages(server({ A: newA }), cache, onChange);
    expect(second).toMatchObject({ fetched: ['A'], dropped: ['B'], reached: true });
    const hashOfNewA = createHash('sha256').update(newA).digest('hex');
    expect(await held(factory)).toEqual([['A', hashOfNewA]]);

    // Offline: the manifest cannot be read, nothing is dropped.
    expect(await syncProductImages(offline, cache, onChange)).toMatchObject({ reached: false });
    const restarted = await indexedDbImageCache('reg', factory).all();
    expect(restarted.map((image) => image.sku)).toEqual(['A']);
    expect(Buffer.from(restarted[0]?.data ?? new ArrayBuffer(0)).equals(newA)).toBe(true);
  });

  it('refuses bytes that do not match the manifest (hash, or not an image at all)', async () => {
    const factory = new IDBFactory();
    const cache = indexedDbImageCache('reg', factory);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const result = await syncProductImages(
      server(
        { TAMPERED: demoTilePng('T'), SVG: svg, MISSING: demoTilePng('M') },
        { TAMPERED: demoTilePng('other'), MISSING: new Uint8Array(0) },
      ),
      cache,
      () => undefined,
    );
    expect(result.fetched).toEqual([]);
    expect(result.failed.sort()).toEqual(['MISSING', 'SVG', 'TAMPERED']);
    expect(await held(factory)).toEqual([]);
  });
});
