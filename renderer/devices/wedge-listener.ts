/**
 * Connects the wedge detector to the page: one keydown listener on the window, in the capture
 * phase, sees every key before any field does. A scanner's burst is held back and handed to the
 * scan router, so it never lands in the field that has focus; keys that turn out to be typing
 * are put back where they would have gone.
 */
import { WedgeDetector } from './wedge-detector';
import type { WedgeDecision } from './wedge-detector';

export interface WedgeListenerOptions {
  onScan: (raw: string) => void;
  /**
   * A printable key that was typing (handed back), before it is inserted in the focused field:
   * return true to take it as a shortcut instead (e.g. + and - on the sell screen).
   */
  onTypedKey?(key: string, target: Element | null): boolean;
}

export function isEditable(
  element: Element | null,
): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (!(element instanceof HTMLInputElement)) return false;
  const textual = ['text', 'search', 'password', 'tel', 'number', 'email', 'url', ''];
  return textual.includes(element.type) && !element.readOnly && !element.disabled;
}

/**
 * Types text into a field the way a key press would, so React's onChange sees it: the value is
 * set through the element's own setter (React watches that one) and an input event follows.
 */
export function insertText(element: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  let start = element.value.length;
  let end = start;
  try {
    start = element.selectionStart ?? start;
    end = element.selectionEnd ?? start;
  } catch {
    // Some input types have no selection; append.
  }
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value');
  const next = element.value.slice(0, start) + text + element.value.slice(end);
  if (element.maxLength > 0 && next.length > element.maxLength) return;
  descriptor?.set?.call(element, next);
  try {
    element.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // Not every input type keeps a selection.
  }
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

export function installWedgeListener(
  target: Window,
  options: WedgeListenerOptions,
  detector = new WedgeDetector(),
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const deliver = (keys: readonly string[]): void => {
    for (const key of keys) {
      const focused = target.document.activeElement;
      if (options.onTypedKey?.(key, focused)) continue;
      if (isEditable(focused)) insertText(focused, key);
    }
  };

  const follow = (decision: WedgeDecision): void => {
    if (decision.handBack) deliver(decision.handBack);
    if (decision.scan !== undefined) options.onScan(decision.scan);
  };

  const scheduleFlush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!detector.pending) return;
    timer = setTimeout(() => {
      timer = null;
      follow(detector.flush(target.performance.now()));
    }, detector.maxInterKeyMs + 5);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    // Shortcuts with modifiers (Ctrl+A...) and IME composition are a person at the keyboard.
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
      deliver(detector.reset());
      scheduleFlush();
      return;
    }
    const decision = detector.onKey({ key: event.key, timeStamp: event.timeStamp });
    if (decision.consume) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    follow(decision);
    scheduleFlush();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== null) clearTimeout(timer);
  };
}
