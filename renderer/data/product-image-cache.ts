/**
 * Where a register keeps product images (docs/DATA.md "Product images"): a small IndexedDB
 * database of its own beside the replica (not an RxDB collection: the collection limit is all
 * but used, STACK.md), one record per SKU with its hash, type and bytes. A register restarted
 * offline reads its images from here.
 */
import type { HeldImage, ProductImageType } from '../../src/product-images';
import { requestDone, sideDatabase } from './side-database';

const STORE = 'images';

export interface CachedImage extends HeldImage {
  type: ProductImageType;
  data: ArrayBuffer;
}

export interface ProductImageCache {
  /** Every image held; empty when the database cannot be opened. */
  all(): Promise<CachedImage[]>;
  /** Stores the SKU's image, replacing the one it had. */
  put(image: CachedImage): Promise<void>;
  remove(sku: string): Promise<void>;
}

/** The image database of the replica named `replicaName`. */
export function indexedDbImageCache(
  replicaName: string,
  factory: IDBFactory = indexedDB,
): ProductImageCache {
  const side = sideDatabase(factory, `${replicaName}-product-images`, STORE, 'sku');
  const write = async (change: (store: IDBObjectStore) => IDBRequest): Promise<void> => {
    const db = await side.open();
    await requestDone(change(db.transaction(STORE, 'readwrite').objectStore(STORE)));
  };
  return {
    async all() {
      const db = await side.open();
      return requestDone(
        db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<CachedImage[]>,
      );
    },
    put: (image) => write((store) => store.put(image)),
    remove: (sku) => write((store) => store.delete(sku)),
  };
}
