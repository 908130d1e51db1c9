import { useEffect, useState } from 'react';
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import { watchDocs } from './watch-docs';

/**
 * The documents of a replica collection that match `selector` (every one by default), in `sort`
 * order, kept current as replication and writes change them (platform/watch-docs.ts).
 */
export function useLiveDocs<T>(
  collection: RxCollection<T>,
  selector: Record<string, unknown> = {},
  sort?: MangoQuerySortPart<T>[],
): T[] {
  const [docs, setDocs] = useState<T[]>([]);
  // Callers pass literals: the effect follows their content, not each render's new object.
  const key = JSON.stringify({ selector, sort });
  useEffect(() => {
    const query = JSON.parse(key) as {
      selector: MangoQuerySelector<T>;
      sort?: MangoQuerySortPart<T>[];
    };
    return watchDocs(collection.find(query), setDocs, (error) =>
      console.error(`Live read of ${collection.name} stopped:`, error),
    );
  }, [collection, key]);
  return docs;
}

/** Re-renders every `ms` so ages ("waiting 12 min") stay true on an idle screen. */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
