/**
 * One task at a time per key, within this process. Decisions written to CouchDB with a `_rev`
 * (or create-only) are exclusive only when CouchDB answers `conflict` to the second writer, and
 * on a cluster two writes reaching different nodes first can both be told `ok`
 * (apache/couchdb#2320; docs/DEPLOYMENT.md "Known limit"). Queuing this process's own writers
 * of one key takes those races out of one instance entirely, and leaves across instances one
 * writer per instance at a time instead of a burst.
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
