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

/**
 * A printable key that turned out to be typing (the wedge detector handed it back): the screen
 * may take it as a shortcut (+ and - on the sell screen). Returns true when taken.
 */
export type TypedKeyHandler = (key: string, target: Element | null) => boolean;

const typedKeyHandlers: TypedKeyHandler[] = [];

export function onTypedKey(handler: TypedKeyHandler): () => void {
  typedKeyHandlers.push(handler);
  return () => {
    const index = typedKeyHandlers.lastIndexOf(handler);
    if (index >= 0) typedKeyHandlers.splice(index, 1);
  };
}

export function dispatchTypedKey(key: string, target: Element | null): boolean {
  for (let index = typedKeyHandlers.length - 1; index >= 0; index--) {
    if (typedKeyHandlers[index]?.(key, target)) return true;
  }
  return false;
}
