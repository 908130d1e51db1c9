/**
 * The catalog's start-up snapshot as data: products in hashed chunks with a checkpoint, encoded
 * to JSON and decoded back; anything that does not match its manifest or its replica is refused.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoProducts } from '../../../src/demo';
import type { ProductDoc } from '../../../src/documents';
import {
  CatalogIndex,
  CatalogSnapshotState,
  decodeSnapshot,
  isAfterCheckpoint,
  plainProduct,
  SNAPSHOT_CHUNK_COUNT,
  snapshotChunkOf,
} from '../../../src/search';
import type { SnapshotIdentity, StoredSnapshot } from '../../../src/search';

const NOW = '2026-11-23T03:00:00.000Z';
const identity: SnapshotIdentity = { replicaToken: 'replica-a', schemaHash: 'schema-1' };
const products = generateDemoProducts(200, 7, NOW);

function stored(state: CatalogSnapshotState): StoredSnapshot {
  const chunks = state.takeChangedChunks().map((index) => state.encodeChunk(index));
  return { manifest: state.manifest(identity), chunks };
}

function fullSnapshot(checkpoint = { lwt: 1000, id: 'prod_x' }): StoredSnapshot {
  const state = CatalogSnapshotState.empty();
  for (const product of products) {
    state.apply({ id: product.id, lwt: 1, deleted: false, product });
  }
  const snapshot = stored(state);
  (snapshot.manifest as { checkpoint: unknown }).checkpoint = checkpoint;
  return snapshot;
}

function withChunk(
  snapshot: StoredSnapshot,
  index: number,
  change: (chunk: Record<string, unknown>) => Record<string, unknown> | null,
): StoredSnapshot {
  const chunks = snapshot.chunks.flatMap((chunk) => {
    const record = chunk as Record<string, unknown>;
    if (record.index !== index) return [chunk];
    const changed = change({ ...record });
    return changed ? [changed] : [];
  });
  return { manifest: snapshot.manifest, chunks };
}

const sortById = (list: ProductDoc[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('chunks and checkpoints', () => {
  it('puts a product in the same chunk every time, and spreads the catalog over all of them', () => {
    expect(snapshotChunkOf('prod_SKU1')).toBe(snapshotChunkOf('prod_SKU1'));
    const used = new Set(products.map((product) => snapshotChunkOf(product.id)));
    expect(used.size).toBe(SNAPSHOT_CHUNK_COUNT);
  });

  it('orders changes by write time, then id, as RxDB does', () => {
    expect(isAfterCheckpoint(5, 'a', null)).toBe(true);
    expect(isAfterCheckpoint(6, 'a', { lwt: 5, id: 'z' })).toBe(true);
    expect(isAfterCheckpoint(5, 'b', { lwt: 5, id: 'a' })).toBe(true);
    expect(isAfterCheckpoint(5, 'a', { lwt: 5, id: 'a' })).toBe(false);
    expect(isAfterCheckpoint(4, 'z', { lwt: 5, id: 'a' })).toBe(false);
  });

  it('keeps the product and drops the replica bookkeeping, even for fields added later', () => {
    const first = products[0] as ProductDoc;
    const storedDoc = {
      ...first,
      promoLabel: 'new field',
      _rev: '1-a',
      _meta: { lwt: 1 },
      _deleted: false,
      _attachments: {},
    } as unknown as ProductDoc;
    expect(plainProduct(storedDoc)).toEqual({ ...first, promoLabel: 'new field' });
  });
});

describe('a snapshot round trip', () => {
  it('decodes to exactly the products and checkpoint it was written with', () => {
    const decoded = decodeSnapshot(fullSnapshot({ lwt: 42, id: 'prod_9' }), identity);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.checkpoint).toEqual({ lwt: 42, id: 'prod_9' });
    expect(sortById(decoded.products)).toEqual(sortById(products));
  });

  it('rewrites only the chunk a changed product is in', () => {
    const state = new CatalogSnapshotState(products, { lwt: 10, id: 'a' });
    expect(state.hasChanges).toBe(false);
    const changed = { ...(products[3] as ProductDoc), unitPrice: 12_345 } as ProductDoc;
    state.apply({ id: changed.id, lwt: 11, deleted: false, product: changed });
    expect(state.takeChangedChunks()).toEqual([snapshotChunkOf(changed.id)]);
    expect(state.checkpoint).toEqual({ lwt: 11, id: changed.id });
  });

  it('forgets a deleted product and counts it out of its chunk', () => {
    const state = new CatalogSnapshotState(products, null);
    const gone = products[5] as ProductDoc;
    state.apply({ id: gone.id, lwt: 3, deleted: true, product: gone });
    expect(state.size).toBe(products.length - 1);
    const chunks = Array.from({ length: SNAPSHOT_CHUNK_COUNT }, (_, index) =>
      state.encodeChunk(index),
    );
    const decoded = decodeSnapshot({ manifest: state.manifest(identity), chunks }, identity);
    expect(decoded.ok && decoded.products.some((product) => product.id === gone.id)).toBe(false);
    expect(decoded.ok && decoded.products.length).toBe(products.length - 1);
  });

  it('indexes loaded products exactly as upserted ones', () => {
    const loaded = new CatalogIndex();
    loaded.load(products);
    const upserted = new CatalogIndex(products);
    expect(loaded.size).toBe(upserted.size);
    for (const product of products) {
      for (const code of product.barcodes) expect(loaded.byBarcode(code)).toBe(product);
      expect(loaded.bySku(product.sku)).toBe(upserted.bySku(product.sku));
    }
    expect(loaded.search('ca phe', 24)).toEqual(upserted.search('ca phe', 24));
  });
});

describe('a snapshot that must not be used', () => {
  it('a chunk that names a product twice loads into a smaller state', () => {
    const snapshot = fullSnapshot();
    const counts = (snapshot.manifest as { chunkCounts: number[] }).chunkCounts;
    const doubled = withChunk(snapshot, 8, (chunk) => {
      const list = JSON.parse(String(chunk.products)) as ProductDoc[];
      return { ...chunk, count: list.length + 1, products: JSON.stringify([...list, list[0]]) };
    });
    counts[8] = (counts[8] ?? 0) + 1;
    const decoded = decodeSnapshot(doubled, identity);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const state = CatalogSnapshotState.fromChunks(decoded.chunks, decoded.checkpoint);
    expect(state.size).toBe(decoded.products.length - 1);
  });

  const cases: [string, () => StoredSnapshot | null, SnapshotIdentity?][] = [
    ['nothing stored', () => null],
    ['chunks without a manifest', () => ({ manifest: undefined, chunks: fullSnapshot().chunks })],
    [
      'another format',
      () => {
        const snapshot = fullSnapshot();
        return { ...snapshot, manifest: { ...(snapshot.manifest as object), format: 99 } };
      },
    ],
    ['another replica', () => fullSnapshot(), { ...identity, replicaToken: 'replica-b' }],
    ['another product schema', () => fullSnapshot(), { ...identity, schemaHash: 'schema-2' }],
    ['a chunk missing', () => withChunk(fullSnapshot(), 3, () => null)],
    [
      'a chunk cut short',
      () =>
        withChunk(fullSnapshot(), 3, (chunk) => ({
          ...chunk,
          products: String(chunk.products).slice(0, 50),
        })),
    ],
    [
      'a chunk with a product fewer than its manifest says',
      () =>
        withChunk(fullSnapshot(), 4, (chunk) => {
          const list = JSON.parse(String(chunk.products)) as ProductDoc[];
          return { ...chunk, products: JSON.stringify(list.slice(1)) };
        }),
    ],
    [
      'a product without a price',
      () =>
        withChunk(fullSnapshot(), 5, (chunk) => {
          const list = JSON.parse(String(chunk.products)) as Record<string, unknown>[];
          delete list[0]?.unitPrice;
          return { ...chunk, products: JSON.stringify(list) };
        }),
    ],
    [
      'a product in the wrong chunk',
      () => {
        const snapshot = fullSnapshot();
        const six = snapshot.chunks.find((chunk) => (chunk as { index: number }).index === 6);
        return withChunk(snapshot, 7, (chunk) => ({
          ...chunk,
          products: (six as { products: string }).products,
        }));
      },
    ],
  ];
  it.each(cases)('%s', (_name, make, against = identity) => {
    const decoded = decodeSnapshot(make(), against);
    expect(decoded.ok).toBe(false);
  });
});
