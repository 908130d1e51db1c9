/**
 * Product images on the server (docs/DATA.md "Product images"), in the document store so they
 * live wherever the data does (embedded PouchDB or a CouchDB cluster) through the same calls:
 * one small document per SKU saying which image it has, and one document per SKU and content
 * hash with the bytes (base64). The manifest reads only the small ones. Bytes are never shared
 * between SKUs (two SKUs with one picture store it twice): replacing or removing one SKU's image
 * can then drop its old bytes at once, with no other SKU to race with and no scan of the rest.
 */
import { createHash } from 'node:crypto';
import type { ProductImageEntry, ProductImageType } from '../../src/product-images';
import { isProductImageEntry } from '../../src/product-images';
import { ApiError } from '../http/api-error';
import { INTERNAL_DATABASES } from './database-layout';
import type { DocumentStore } from './document-store';
import { putAsServer, revOver } from './document-store';

const META = INTERNAL_DATABASES.productImages;
const BYTES = INTERNAL_DATABASES.productImageBytes;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Two uploads or removals of one SKU's image crossed: the later one is asked to try again. */
const sameMoment = (sku: string): ApiError =>
  new ApiError(
    409,
    'conflict',
    `The image of ${sku} was changed by another request at the same moment; check it and send yours again.`,
  );

/** The bytes document of one SKU's image (SKUs are letters, digits, `-` and `_`). */
const bytesId = (sku: string, hash: string): string => `${sku}.${hash}`;

export interface StoredImage {
  entry: ProductImageEntry;
  bytes: Buffer;
}

export class ProductImages {
  constructor(private readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(META);
    await this.store.ensureDatabase(BYTES);
  }

  /** Every SKU's current image, by SKU. */
  async manifest(): Promise<ProductImageEntry[]> {
    const docs = await this.store.allDocs(META);
    return docs
      .map((doc) => ({ sku: doc._id, hash: doc.hash, type: doc.type, bytes: doc.bytes }))
      .filter(isProductImageEntry)
      .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }

  async entryOf(sku: string): Promise<ProductImageEntry | undefined> {
    const doc = (await this.store.getCurrent(META, [sku])).get(sku);
    if (!doc || doc._deleted) return undefined;
    const entry = { sku, hash: doc.hash, type: doc.type, bytes: doc.bytes };
    return isProductImageEntry(entry) ? entry : undefined;
  }

  /** The SKU's current image with its bytes, or undefined when it has none. */
  async read(sku: string): Promise<StoredImage | undefined> {
    const entry = await this.entryOf(sku);
    if (!entry) return undefined;
    const id = bytesId(sku, entry.hash);
    const doc = (await this.store.getCurrent(BYTES, [id])).get(id);
    if (!doc || doc._deleted || typeof doc.data !== 'string') return undefined;
    return { entry, bytes: Buffer.from(doc.data, 'base64') };
  }

  /**
   * Makes `bytes` the SKU's image (already checked: type by magic bytes, size). The bytes are
   * written before the SKU points at them, so a reader never meets a hash without its bytes.
   */
  async put(sku: string, type: ProductImageType, bytes: Uint8Array): Promise<ProductImageEntry> {
    const hash = sha256Hex(bytes);
    const id = bytesId(sku, hash);
    const existing = (await this.store.getCurrent(BYTES, [id])).get(id);
    if (!existing || existing._deleted) {
      const [row] = await this.store.bulkDocs(
        BYTES,
        [{ _id: id, type, data: Buffer.from(bytes).toString('base64'), ...revOver(existing) }],
        true,
      );
      if (row?.error && row.error !== 'conflict')
        throw new Error(`Storing the image: ${row.reason}`);
    }
    const entry: ProductImageEntry = { sku, hash, type, bytes: bytes.length };
    const previous = await this.entryOf(sku);
    const row = await putAsServer(this.store, META, {
      _id: sku,
      hash,
      type,
      bytes: bytes.length,
      updatedAt: new Date().toISOString(),
    });
    if (row.error === 'conflict') {
      // The other change won: these bytes stay only if it is the same picture.
      await this.dropBytesUnlessCurrent(sku, hash);
      throw sameMoment(sku);
    }
    if (row.error) throw new Error(`Storing the image of ${sku}: ${row.reason}`);
    if (previous && previous.hash !== hash) await this.dropBytesUnlessCurrent(sku, previous.hash);
    return entry;
  }

  /** Removes the SKU's image; false when it had none. */
  async remove(sku: string): Promise<boolean> {
    const current = (await this.store.getCurrent(META, [sku])).get(sku);
    if (!current || current._deleted) return false;
    const [row] = await this.store.bulkDocs(
      META,
      [{ _id: sku, _rev: current._rev, _deleted: true }],
      true,
    );
    if (row?.error === 'conflict') throw sameMoment(sku);
    if (row?.error) throw new Error(`Removing the image of ${sku}: ${row.reason}`);
    if (typeof current.hash === 'string') await this.dropBytesUnlessCurrent(sku, current.hash);
    return true;
  }

  /** Deletes the SKU's bytes of `hash` unless the SKU's image is (again) that picture. */
  private async dropBytesUnlessCurrent(sku: string, hash: string): Promise<void> {
    if ((await this.entryOf(sku))?.hash === hash) return;
    const id = bytesId(sku, hash);
    const doc = (await this.store.getCurrent(BYTES, [id])).get(id);
    if (!doc || doc._deleted) return;
    await this.store.bulkDocs(BYTES, [{ _id: id, _rev: doc._rev, _deleted: true }], true);
  }
}
