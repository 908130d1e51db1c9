/**
 * Every scan, from a keyboard-wedge burst or a serial scanner, goes to the most recently
 * registered handler that takes it (a dialog waiting for a staff badge before the sell screen).
 * Scans are handled one at a time, in the order they arrive.
 */
export type ScanSource = 'wedge' | 'serial';

/** Returns true when it took the scan; otherwise the next handler down is asked. */
export type ScanHandler = (raw: string, source: ScanSource) => boolean;

const handlers: ScanHandler[] = [];

/** Registers a handler on top; the returned function unregisters it. */
export function onScan(handler: ScanHandler): () => void {
  handlers.push(handler);
  return () => {
    const index = handlers.lastIndexOf(handler);
    if (index >= 0) handlers.splice(index, 1);
  };
}

export function dispatchScan(raw: string, source: ScanSource): boolean {
  for (let index = handlers.length - 1; index >= 0; index--) {
    if (handlers[index]?.(raw, source)) return true;
  }
  return false;
}
