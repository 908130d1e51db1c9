/**
 * A small IndexedDB database of one object store beside the replica, for what is kept outside
 * RxDB (the collection limit is all but used, STACK.md): the catalog's start-up snapshot
 * (catalog-snapshot-store.ts) and product images (product-image-cache.ts). Opened on first use;
 * a failed open is tried again at the next use.
 */

export function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(
  factory: IDBFactory,
  name: string,
  store: string,
  keyPath: string | undefined,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(store)) {
        request.result.createObjectStore(store, keyPath ? { keyPath } : undefined);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Cannot open ${name}`));
    request.onblocked = () => reject(new Error(`${name} is blocked by another connection`));
  });
}

export interface SideDatabase {
  /** The open database (opened on first use). */
  open(): Promise<IDBDatabase>;
  /** Closes it; the next use opens it again. */
  close(): void;
}

/** The database `name` with its one object store `store` (keys in `keyPath`, else given). */
export function sideDatabase(
  factory: IDBFactory,
  name: string,
  store: string,
  keyPath?: string,
): SideDatabase {
  let opening: Promise<IDBDatabase> | null = null;
  return {
    open() {
      opening ??= openDatabase(factory, name, store, keyPath).catch((error: unknown) => {
        opening = null;
        throw error;
      });
      return opening;
    },
    close() {
      void opening?.then((db) => db.close()).catch(() => undefined);
      opening = null;
    },
  };
}
