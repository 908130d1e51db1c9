import { useEffect, useState } from 'react';
import type { MangoQuerySelector, RxCollection } from 'rxdb';

/** Every document of a replica collection, kept current as replication and writes change it. */
export function useLiveDocs<T>(
  collection: RxCollection<T>,
  selector: Record<string, unknown> = {},
): T[] {
  const [docs, setDocs] = useState<T[]>([]);
  const key = JSON.stringify(selector);
  useEffect(() => {
    const subscription = collection
      .find({ selector: JSON.parse(key) as MangoQuerySelector<T> })
      .$.subscribe((found) => setDocs(found.map((doc) => doc.toJSON() as T)));
    return () => subscription.unsubscribe();
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
