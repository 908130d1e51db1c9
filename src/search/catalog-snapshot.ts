/**
 * The register's start-up snapshot of its catalog: every product, in a few large chunks, with
 * the checkpoint of the last replica change it includes. Reading 16 records instead of 100,000
 * documents is what makes a cold start fast (docs/BENCHMARKS.md); the replica stays the truth:
 * start-up applies every change made after the checkpoint, and a snapshot that does not match
 * its replica, or does not decode, is not used at all.
 *
 * Products go to a chunk by a hash of their id, so a changed price rewrites one chunk.
 */
import type { ProductDoc } from '../documents/product';

/** Bumped whenever the chunks' encoding changes: an older snapshot is then rebuilt. */
export const SNAPSHOT_FORMAT = 1;
export const SNAPSHOT_CHUNK_COUNT = 16;

/** A position in the replica's change order: RxDB's last-write time, then the document id. */
export interface SnapshotCheckpoint {
  lwt: number;
  id: string;
}

/** Which replica, which product schema and which changes a snapshot is of. */
export interface SnapshotIdentity {
  /** The replica's storage token: a replica removed and synced again is another replica. */
  replicaToken: string;
  /** The products collection's schema hash: a schema upgrade rewrites documents. */
  schemaHash: string;
}

export interface SnapshotManifest extends SnapshotIdentity {
  format: number;
  /** The last replica change the chunks include; null for an empty replica. */
  checkpoint: SnapshotCheckpoint | null;
  /** How many products each chunk holds, by chunk number. */
  chunkCounts: number[];
}

export interface SnapshotChunk {
  index: number;
  count: number;
  /** The chunk's products as JSON: one string is far cheaper to store and load than objects. */
  products: string;
}

export interface StoredSnapshot {
  manifest: unknown;
  chunks: unknown[];
}

export type DecodedSnapshot =
  | {
      ok: true;
      products: ProductDoc[];
      /** The products by chunk number, as stored. */
      chunks: ProductDoc[][];
      checkpoint: SnapshotCheckpoint | null;
    }
  | { ok: false; problem: string };

/** FNV-1a over the id's UTF-16 code units: stable across runs and platforms. */
export function snapshotChunkOf(id: string, chunkCount = SNAPSHOT_CHUNK_COUNT): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % chunkCount;
}

/** Whether a change at (lwt, id) comes after the checkpoint in the replica's change order. */
export function isAfterCheckpoint(
  lwt: number,
  id: string,
  checkpoint: SnapshotCheckpoint | null,
): boolean {
  if (!checkpoint) return true;
  return lwt > checkpoint.lwt || (lwt === checkpoint.lwt && id > checkpoint.id);
}

/**
 * The product without the replica's bookkeeping (RxDB's _rev, _meta, _attachments, _deleted).
 * Every other field is kept, so a field added to ProductDoc later reaches the snapshot too.
 */
export function plainProduct(stored: ProductDoc): ProductDoc {
  const product: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(stored)) {
    if (!field.startsWith('_')) product[field] = value;
  }
  return product as unknown as ProductDoc;
}

/** Two copies of a product (or both absent) hold the same data, whatever their key order. */
export function sameProduct(a: ProductDoc | undefined, b: ProductDoc | undefined): boolean {
  return sameJson(a, b);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * The products a snapshot holds, kept in their chunks; which chunks changed since the last write;
 * the checkpoint of the last change applied. Changes must be applied in the replica's change
 * order (as RxDB's getChangedDocumentsSince returns them).
 */
export class CatalogSnapshotState {
  private readonly chunks: Map<string, ProductDoc>[];
  private readonly dirty = new Set<number>();
  private lastChange: SnapshotCheckpoint | null;

  constructor(
    products: Iterable<ProductDoc>,
    checkpoint: SnapshotCheckpoint | null,
    readonly chunkCount = SNAPSHOT_CHUNK_COUNT,
  ) {
    this.chunks = Array.from({ length: chunkCount }, () => new Map<string, ProductDoc>());
    for (const product of products) {
      this.chunks[snapshotChunkOf(product.id, chunkCount)]?.set(product.id, product);
    }
    this.lastChange = checkpoint;
  }

  /**
   * A decoded snapshot's state: its products are in their chunks already. A chunk that names a
   * product twice gives a state smaller than what was decoded: compare `size`.
   */
  static fromChunks(
    chunks: readonly ProductDoc[][],
    checkpoint: SnapshotCheckpoint | null,
  ): CatalogSnapshotState {
    const state = new CatalogSnapshotState([], checkpoint, chunks.length);
    chunks.forEach((products, index) => {
      const chunk = state.chunks[index];
      for (const product of products) chunk?.set(product.id, product);
    });
    return state;
  }

  /** A state to be written in full (a rebuild from the replica). */
  static empty(chunkCount = SNAPSHOT_CHUNK_COUNT): CatalogSnapshotState {
    const state = new CatalogSnapshotState([], null, chunkCount);
    for (let index = 0; index < chunkCount; index++) state.dirty.add(index);
    return state;
  }

  get checkpoint(): SnapshotCheckpoint | null {
    return this.lastChange;
  }

  get size(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.size, 0);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  get(id: string): ProductDoc | undefined {
    return this.chunks[snapshotChunkOf(id, this.chunkCount)]?.get(id);
  }

  *products(): IterableIterator<ProductDoc> {
    for (const chunk of this.chunks) yield* chunk.values();
  }

  /** One replica change: the product as stored now, or its deletion. */
  apply(change: { id: string; lwt: number; deleted: boolean; product: ProductDoc }): void {
    const index = snapshotChunkOf(change.id, this.chunkCount);
    const chunk = this.chunks[index];
    if (!chunk) return;
    if (change.deleted) chunk.delete(change.id);
    else chunk.set(change.id, plainProduct(change.product));
    this.dirty.add(index);
    if (isAfterCheckpoint(change.lwt, change.id, this.lastChange)) {
      this.lastChange = { lwt: change.lwt, id: change.id };
    }
  }

  /** The chunks changed since the last write, now counted as written. */
  takeChangedChunks(): number[] {
    const indexes = [...this.dirty].sort((a, b) => a - b);
    this.dirty.clear();
    return indexes;
  }

  /** Marks chunks as still to write (their write failed). */
  markUnwritten(indexes: Iterable<number>): void {
    for (const index of indexes) this.dirty.add(index);
  }

  manifest(identity: SnapshotIdentity): SnapshotManifest {
    return {
      format: SNAPSHOT_FORMAT,
      replicaToken: identity.replicaToken,
      schemaHash: identity.schemaHash,
      checkpoint: this.lastChange,
      chunkCounts: this.chunks.map((chunk) => chunk.size),
    };
  }

  encodeChunk(index: number): SnapshotChunk {
    const chunk = this.chunks[index] ?? new Map<string, ProductDoc>();
    return { index, count: chunk.size, products: JSON.stringify([...chunk.values()]) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCheckpoint(value: unknown): value is SnapshotCheckpoint | null {
  return (
    value === null ||
    (isRecord(value) && typeof value.id === 'string' && Number.isFinite(value.lwt))
  );
}

function allStrings(values: unknown[]): boolean {
  for (const value of values) if (typeof value !== 'string') return false;
  return true;
}

/** The fields the register reads; a cheap check that a decoded chunk holds products. */
function looksLikeProduct(value: unknown): value is ProductDoc {
  if (!isRecord(value)) return false;
  const name = value.name;
  return (
    typeof value.id === 'string' &&
    typeof value.sku === 'string' &&
    Array.isArray(value.barcodes) &&
    allStrings(value.barcodes) &&
    isRecord(name) &&
    typeof name.vi === 'string' &&
    typeof name.en === 'string' &&
    typeof value.searchText === 'string' &&
    typeof value.categoryId === 'string' &&
    (value.pricing === 'unit' || value.pricing === 'weight') &&
    Number.isSafeInteger(value.unitPrice) &&
    typeof value.currency === 'string' &&
    typeof value.taxRateId === 'string' &&
    typeof value.active === 'boolean' &&
    typeof value.updatedAt === 'string' &&
    (value.plu === undefined || typeof value.plu === 'string')
  );
}

/** The snapshot's manifest, if it is of this format, replica and product schema. */
export function snapshotManifest(
  stored: StoredSnapshot | null,
  identity: SnapshotIdentity,
  chunkCount = SNAPSHOT_CHUNK_COUNT,
): { ok: true; manifest: SnapshotManifest } | { ok: false; problem: string } {
  if (!stored) return { ok: false, problem: 'no snapshot' };
  const manifest = stored.manifest;
  if (!isRecord(manifest)) return { ok: false, problem: 'no manifest' };
  if (manifest.format !== SNAPSHOT_FORMAT) return { ok: false, problem: 'another format' };
  if (manifest.replicaToken !== identity.replicaToken) {
    return { ok: false, problem: 'made from another replica' };
  }
  if (manifest.schemaHash !== identity.schemaHash) {
    return { ok: false, problem: 'made under another product schema' };
  }
  if (!isCheckpoint(manifest.checkpoint)) return { ok: false, problem: 'bad checkpoint' };
  const counts = manifest.chunkCounts;
  if (
    !Array.isArray(counts) ||
    counts.length !== chunkCount ||
    !counts.every((count) => Number.isSafeInteger(count) && (count as number) >= 0)
  ) {
    return { ok: false, problem: 'bad chunk list' };
  }
  return { ok: true, manifest: manifest as unknown as SnapshotManifest };
}

/**
 * The snapshot's products and checkpoint, or why it cannot be used: another format, another
 * replica or schema, a chunk missing, unreadable, or not holding what the manifest says. A
 * product twice in one chunk shows once the chunks are in a state (CatalogSnapshotState
 * .fromChunks): its size is then smaller than `products`.
 */
export function decodeSnapshot(
  stored: StoredSnapshot | null,
  identity: SnapshotIdentity,
  chunkCount = SNAPSHOT_CHUNK_COUNT,
): DecodedSnapshot {
  const checked = snapshotManifest(stored, identity, chunkCount);
  if (!checked.ok) return checked;
  const counts = checked.manifest.chunkCounts;
  const byIndex = new Map<number, unknown>();
  for (const chunk of stored?.chunks ?? []) {
    if (isRecord(chunk) && typeof chunk.index === 'number') byIndex.set(chunk.index, chunk);
  }
  const products: ProductDoc[] = [];
  const decodedChunks: ProductDoc[][] = [];
  for (let index = 0; index < chunkCount; index++) {
    const chunk = byIndex.get(index);
    if (!isRecord(chunk) || typeof chunk.products !== 'string') {
      return { ok: false, problem: `chunk ${index} is missing` };
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(chunk.products);
    } catch {
      return { ok: false, problem: `chunk ${index} does not parse` };
    }
    if (
      !Array.isArray(decoded) ||
      decoded.length !== counts[index] ||
      chunk.count !== counts[index]
    ) {
      return { ok: false, problem: `chunk ${index} does not hold what the manifest says` };
    }
    for (const product of decoded) {
      if (!looksLikeProduct(product) || snapshotChunkOf(product.id, chunkCount) !== index) {
        return { ok: false, problem: `chunk ${index} holds something else` };
      }
      products.push(product);
    }
    decodedChunks.push(decoded as ProductDoc[]);
  }
  return { ok: true, products, chunks: decodedChunks, checkpoint: checked.manifest.checkpoint };
}
