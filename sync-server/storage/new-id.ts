import { randomBytes } from 'node:crypto';
import { timeOrderedId } from '../../src/ids';

/** A time-ordered id made here, on the server (docs/DATA.md id prefixes). */
export function newId(prefix: string): string {
  return timeOrderedId(prefix, Date.now(), (length) => randomBytes(length));
}

/** Runs tasks one after another: decisions that read a balance and then write must not overlap. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
