/**
 * The one way the renderer follows the replica live (docs/ARCHITECTURE.md, "Reading live data"):
 * a query's documents, as plain data, each time they change (`watchDocs`), or a collection's
 * change events (`watchChanges`). React components use `useLiveDocs`, built on `watchDocs`.
 *
 * Each returns the function that stops it. An error (the replica's storage could not be read)
 * goes to `onError` once and ends the watch: RxDB's observable is finished by then, so nothing
 * more arrives and nothing is retried behind the caller's back.
 */
import type { Observable } from 'rxjs';
import type { RxChangeEvent, RxCollection, RxDocument, RxQuery } from 'rxdb';

/** Stops a watch; calling it again does nothing. */
export type Unwatch = () => void;

/** A `find()` or a `findOne()` of a replica collection. */
export type LiveQuery<T> = RxQuery<T, RxDocument<T>[]> | RxQuery<T, RxDocument<T> | null>;

type QueryResult<T> = RxDocument<T>[] | RxDocument<T> | null;

/** `findOne()` answers with one document or none: delivered as a list of one or zero. */
function plain<T>(result: QueryResult<T>): T[] {
  const docs = Array.isArray(result) ? result : result ? [result] : [];
  return docs.map((doc) => doc.toJSON() as T);
}

/** Delivers the query's documents now and after every change that alters them. */
export function watchDocs<T>(
  query: LiveQuery<T>,
  onDocs: (docs: T[]) => void,
  onError: (error: unknown) => void,
): Unwatch {
  const results = query.$ as Observable<QueryResult<T>>;
  const subscription = results.subscribe({
    next: (result) => onDocs(plain(result)),
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/**
 * Delivers each write to the collection from now on, with its operation and write time: for
 * code that keeps its own copy up to date (the catalog index), where re-reading would be slow.
 */
export function watchChanges<T>(
  collection: RxCollection<T>,
  onChange: (event: RxChangeEvent<T>) => void,
  onError: (error: unknown) => void,
): Unwatch {
  const subscription = collection.$.subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}
