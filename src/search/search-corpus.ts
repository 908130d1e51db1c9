/**
 * The catalog's search texts kept as one string, so that search-as-you-type looks for a word
 * with one `indexOf` over the whole catalog (the engine's string search, a few milliseconds for
 * 300,000 products) instead of testing every product in turn (issue #19: 94 ms at p95 at that
 * size). Only the products where the longest query word starts a word are tested for the
 * others; the answer is the same, in the same order, as testing every product.
 *
 * Entries keep the order they were added in (a changed entry is added again at the end, as a
 * Map does). The string is built on the first search and again once many entries were added
 * since (those are tested one by one meanwhile); removed entries are skipped, and dropped once
 * they are a quarter of all.
 */

/** Entries added since the string was built that are tested one by one, before it is rebuilt. */
const LOOSE_LIMIT = 2_000;
/** Removed entries kept before the entries are compacted (and the string rebuilt). */
const REMOVED_LIMIT = 1_000;
/** Ends each entry's text in the string; a query word never holds it (words are split on spaces). */
const END = '\n';

/** Whether each word starts a word of `text` (its start, or after a space). */
export function startsWordsOf(text: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (!text.startsWith(word) && !text.includes(` ${word}`)) return false;
  }
  return true;
}

export class SearchCorpus<T> {
  /** Per slot, in the order added; undefined once removed. */
  private items: (T | undefined)[] = [];
  private texts: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private removed = 0;
  /**
   * END, then ` ${text}${END}` for each of the first `covered` slots; `starts[slot]` is where
   * the slot's space is.
   */
  private joined = '';
  private starts: number[] = [];
  private covered = 0;

  add(id: string, text: string, item: T): void {
    this.delete(id);
    this.slotOf.set(id, this.items.length);
    this.items.push(item);
    this.texts.push(text);
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.items[slot] = undefined;
    this.removed += 1;
  }

  clear(): void {
    this.items = [];
    this.texts = [];
    this.slotOf.clear();
    this.removed = 0;
    this.joined = '';
    this.starts = [];
    this.covered = 0;
  }

  /** Builds the string now (it is otherwise built by the first search). */
  prepare(): void {
    if (this.removed > REMOVED_LIMIT && this.removed * 4 > this.items.length) this.compact();
    if (this.items.length - this.covered > (this.covered === 0 ? 0 : LOOSE_LIMIT)) this.join();
  }

  /** Every entry whose text starts with `prefix`, in the order added, until `visit` is false. */
  forEachStartingWith(prefix: string, visit: (item: T, text: string) => boolean): void {
    this.scan(`${END} ${prefix}`, 1, (text) => text.startsWith(prefix), visit);
  }

  /**
   * Every entry whose text has a word starting with each of `words`, in the order added, until
   * `visit` returns false. The string is searched for the longest word.
   */
  forEachMatch(words: readonly string[], visit: (item: T, text: string) => boolean): void {
    if (words.length === 0) return;
    const anchor = words.reduce((longest, word) => (word.length > longest.length ? word : longest));
    this.scan(` ${anchor}`, 0, (text) => startsWordsOf(text, words), visit);
  }

  /**
   * The entries where `needle` is found in the string (`shift`: how far before the entry's
   * segment it may begin), then those added since it was built, each confirmed by `matches` on
   * its own text.
   */
  private scan(
    needle: string,
    shift: number,
    matches: (text: string) => boolean,
    visit: (item: T, text: string) => boolean,
  ): void {
    this.prepare();
    const { joined, starts, items, texts, covered } = this;
    let from = 0;
    for (;;) {
      const at = joined.indexOf(needle, from);
      if (at < 0) break;
      const slot = slotAt(starts, at + shift);
      from = slot + 1 < covered ? (starts[slot + 1] ?? joined.length) - shift : joined.length;
      const item = items[slot];
      const text = texts[slot] ?? '';
      if (item === undefined || !matches(text)) continue;
      if (!visit(item, text)) return;
    }
    for (let slot = covered; slot < items.length; slot++) {
      const item = items[slot];
      const text = texts[slot] ?? '';
      if (item === undefined || !matches(text)) continue;
      if (!visit(item, text)) return;
    }
  }

  private compact(): void {
    const items: T[] = [];
    const texts: string[] = [];
    const ids = [...this.slotOf.entries()].sort((a, b) => a[1] - b[1]);
    this.slotOf.clear();
    for (const [id, slot] of ids) {
      const item = this.items[slot];
      if (item === undefined) continue;
      this.slotOf.set(id, items.length);
      items.push(item);
      texts.push(this.texts[slot] ?? '');
    }
    this.items = items;
    this.texts = texts;
    this.removed = 0;
    this.covered = 0;
  }

  private join(): void {
    const starts = new Array<number>(this.texts.length);
    let offset = END.length;
    for (let slot = 0; slot < this.texts.length; slot++) {
      starts[slot] = offset;
      offset += (this.texts[slot] ?? '').length + 1 + END.length;
    }
    this.joined = `${END} ${this.texts.join(`${END} `)}${END}`;
    this.starts = starts;
    this.covered = this.texts.length;
  }
}

/** The slot whose segment holds position `at` of the string: the last that starts at or before it. */
function slotAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
