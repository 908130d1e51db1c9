/**
 * Tells a keyboard-wedge scanner from a person typing. A wedge scanner "types" the barcode into
 * whatever field has focus, so without this a scan lands in the search box or the quantity field.
 * A scanner types far faster and more evenly than a person (a few ms between keys) and ends with
 * Enter or Tab; a person does not keep < 30 ms between keys for a whole code.
 *
 * Pure logic, no DOM: the UI feeds it key events and follows the decisions. Printable keys are
 * held back (consumed) while they might be a scan. When it turns out they were typing (a slow
 * gap, a short run, or a non-character key), they are handed back so the UI inserts them where
 * they would have gone. The delay a typist sees is one inter-key threshold (30 ms by default).
 */

export interface WedgeKeyEvent {
  /** KeyboardEvent.key: 'a', 'Enter', 'Shift', … */
  key: string;
  /** KeyboardEvent.timeStamp (ms, monotonic). */
  timeStamp: number;
}

export interface WedgeDetectorOptions {
  /** Longest gap between two keys of one scan, in ms. */
  maxInterKeyMs?: number;
  /** Fewest characters a scan may have. */
  minLength?: number;
  /** Keys that end a scan (what the scanner sends as its suffix). */
  terminators?: readonly string[];
  /**
   * When false, a fast run of at least minLength characters followed by silence is a scan even
   * without a terminator (scanners programmed with no suffix). Default true.
   */
  requireTerminator?: boolean;
}

export interface WedgeDecision {
  /** true: stop this key from reaching the focused field (preventDefault). */
  consume: boolean;
  /** A complete scan: hand it to the scan handler (src/barcodes classifies it). */
  scan?: string;
  /**
   * Keys held back earlier that turned out to be typing: insert them in order, before this key
   * (when it is not consumed) takes effect.
   */
  handBack?: string[];
}

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Fn',
  'Dead',
  'Unidentified',
]);

export class WedgeDetector {
  readonly maxInterKeyMs: number;
  readonly minLength: number;
  readonly requireTerminator: boolean;
  private readonly terminators: ReadonlySet<string>;
  private held: string[] = [];
  private lastKeyAt = 0;

  constructor(options: WedgeDetectorOptions = {}) {
    this.maxInterKeyMs = options.maxInterKeyMs ?? 30;
    this.minLength = options.minLength ?? 4;
    this.terminators = new Set(options.terminators ?? ['Enter', 'Tab']);
    this.requireTerminator = options.requireTerminator ?? true;
  }

  /** Keys are being held: the UI should call flush() this long after the last key. */
  get pending(): boolean {
    return this.held.length > 0;
  }

  /** When (in event time) flush() should run if no key comes first. */
  get flushDueAt(): number | null {
    return this.held.length > 0 ? this.lastKeyAt + this.maxInterKeyMs : null;
  }

  onKey(event: WedgeKeyEvent): WedgeDecision {
    // A wedge scanner presses Shift for capitals; modifiers say nothing about who is typing.
    if (MODIFIERS.has(event.key)) return { consume: false };

    // A gap too long for a scanner: whatever is held was typing.
    const stale = this.held.length > 0 && event.timeStamp - this.lastKeyAt > this.maxInterKeyMs;
    const handBack = stale ? this.takeHeld() : [];

    if (this.terminators.has(event.key)) {
      if (this.held.length >= this.minLength) {
        const scan = this.takeHeld().join('');
        return { consume: true, scan };
      }
      // Enter after typing (or a short run): the held keys go back, then Enter acts normally.
      return withHandBack({ consume: false }, [...handBack, ...this.takeHeld()]);
    }

    if ([...event.key].length === 1) {
      this.held.push(event.key);
      this.lastKeyAt = event.timeStamp;
      return withHandBack({ consume: true }, handBack);
    }

    // Backspace, arrows, Escape…: a person is editing.
    return withHandBack({ consume: false }, [...handBack, ...this.takeHeld()]);
  }

  /**
   * The line went quiet (call at flushDueAt, or any time later). Returns the held keys as
   * typing, or as a scan when terminators are optional and the run was long enough.
   */
  flush(now: number): WedgeDecision {
    if (this.held.length === 0 || now - this.lastKeyAt < this.maxInterKeyMs) {
      return { consume: false };
    }
    if (!this.requireTerminator && this.held.length >= this.minLength) {
      return { consume: true, scan: this.takeHeld().join('') };
    }
    return withHandBack({ consume: false }, this.takeHeld());
  }

  /** Drop held keys (the field lost focus, the screen changed). Returns them as typing. */
  reset(): string[] {
    return this.takeHeld();
  }

  private takeHeld(): string[] {
    const held = this.held;
    this.held = [];
    return held;
  }
}

function withHandBack(decision: WedgeDecision, handBack: string[]): WedgeDecision {
  return handBack.length > 0 ? { ...decision, handBack } : decision;
}
