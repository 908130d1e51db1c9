/**
 * One task at a time per key, within this process. Decisions written to CouchDB with a `_rev`
 * (or create-only) are exclusive because CouchDB answers `conflict` to the second writer; on a
 * cluster the store settles the rare race where both are told `ok` (couchdb-races.ts), at the
 * cost of a read of every copy. Queuing this process's own writers of one key keeps those races
 * out of one instance entirely, and leaves across instances one writer per instance at a time
 * instead of a burst.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once nothing else waits on it, so the map stays as small as the traffic.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
