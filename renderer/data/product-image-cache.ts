/**
 * Where a register keeps product images (docs/DATA.md "Product images"): a small IndexedDB
 * database of its own beside the replica (not an RxDB collection: the collection limit is all
 * but used, STACK.md), one record per SKU with its hash, type and bytes. A register restarted
 * offline reads its images from here.
 */
import type { HeldImage, ProductImageType } from '../../src/product-images';

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

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE, { keyPath: 'sku' });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
    request.onblocked = () => reject(new Error(`${name} is blocked by another connection`));
  });
}

/** The image database of the replica named `replicaName`. */
export function indexedDbImageCache(
  replicaName: string,
  factory: IDBFactory = indexedDB,
): ProductImageCache {
  const name = `${replicaName}-product-images`;
  let opening: Promise<IDBDatabase> | null = null;
  const database = (): Promise<IDBDatabase> => {
    opening ??= openDatabase(factory, name).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const write = async (change: (store: IDBObjectStore) => IDBRequest): Promise<void> => {
    const db = await database();
    await requestDone(change(db.transaction(STORE, 'readwrite').objectStore(STORE)));
  };
  return {
    async all() {
      const db = await database();
      return requestDone(
        db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<CachedImage[]>,
      );
    },
    put: (image) => write((store) => store.put(image)),
    remove: (sku) => write((store) => store.delete(sku)),
  };
}
