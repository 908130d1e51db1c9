import { timeOrderedId } from '../../src/ids';

/** An id made on this register, where the fact is born (docs/DATA.md prefixes). */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  return timeOrderedId(prefix, nowMs, (length) => crypto.getRandomValues(new Uint8Array(length)));
}
