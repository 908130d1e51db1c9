/**
 * Every scan, from a keyboard-wedge burst or a serial scanner, is classified once (src/barcodes)
 * and the typed result goes to the most recently registered handler that takes it (a dialog
 * waiting for a staff badge before the sell screen). Scans are handled one at a time, in the
 * order they arrive: a handler that answers with a promise holds the next scan until it settles.
 * A scan nobody takes, or whose handling fails, is reported with a message, never dropped quietly.
 */
import { classifyScan } from '../../src/barcodes';
import type { ScanResult } from '../../src/barcodes';
import { scanContext } from '../state/scan-context';

/** typed: a code entered in a scan field by hand, routed like a scan. */
export type ScanSource = 'wedge' | 'serial' | 'typed';

export interface RoutedScan {
  raw: string;
  source: ScanSource;
  scan: ScanResult;
}

/**
 * false: not mine, ask the next handler down. true: taken and done. A promise: taken, and the
 * next scan waits until it settles.
 */
export type ScanHandler = (routed: RoutedScan) => boolean | Promise<unknown>;

/** A scan that no handler took, or whose handling failed: what the cashier should be told. */
export interface ScanProblem {
  raw: string;
  source: ScanSource;
  message: string;
}

export interface ScanRouter {
  /** Registers a handler on top; the returned function unregisters it. */
  onScan: (handler: ScanHandler) => () => void;
  /** Queues a scan; the promise settles when it has been handled (or reported). */
  dispatchScan: (raw: string, source: ScanSource) => Promise<void>;
  onProblem: (listener: (problem: ScanProblem) => void) => () => void;
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createScanRouter(classify: (raw: string) => ScanResult): ScanRouter {
  const handlers: ScanHandler[] = [];
  const problemListeners = new Set<(problem: ScanProblem) => void>();
  let queue: Promise<void> = Promise.resolve();

  function report(problem: ScanProblem): void {
    if (problemListeners.size === 0)
      console.warn(`omnitill: scan ${problem.raw}: ${problem.message}`);
    for (const listener of problemListeners) listener(problem);
  }

  async function handle(raw: string, source: ScanSource): Promise<void> {
    let scan: ScanResult;
    try {
      scan = classify(raw.trim());
    } catch (error) {
      report({
        raw,
        source,
        message: `The scan could not be read (${describeError(error)}); scan it again.`,
      });
      return;
    }
    const routed: RoutedScan = { raw, source, scan };
    for (let index = handlers.length - 1; index >= 0; index--) {
      const taken = handlers[index]?.(routed);
      if (taken === false || taken === undefined) continue;
      if (taken !== true) await taken;
      return;
    }
    const message =
      scan.kind === 'invalid' || scan.kind === 'unknown'
        ? scan.message
        : `Nothing on this screen takes this ${scan.kind} scan; open the screen it is for and scan it again.`;
    report({ raw, source, message });
  }

  return {
    onScan: (handler) => {
      handlers.push(handler);
      return () => {
        const index = handlers.lastIndexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      };
    },
    dispatchScan: (raw, source) => {
      queue = queue
        .then(() => handle(raw, source))
        .catch((error: unknown) =>
          report({
            raw,
            source,
            message: `The scan could not be handled (${describeError(error)}); scan it again.`,
          }),
        );
      return queue;
    },
    onProblem: (listener) => {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
  };
}

/** The app's one router: the till's classification context (store currency, layouts, today). */
const appRouter = createScanRouter((raw) => classifyScan(raw, scanContext()));

export const onScan = appRouter.onScan;
export const dispatchScan = appRouter.dispatchScan;
export const onScanProblem = appRouter.onProblem;

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
